// Deterministic demo data for 信阳市 (411500): its divisions (city, 11 county-level units, 224 townships),
// the 29 departments of the service catalog at city level and in each of the 10 counties/districts
// (plus 信阳市数据局 at city level),
// one service hall per city and county with its windows. Ids and USCCs are derived from stable keys,
// so a second run adds nothing and two machines get the same ids. Addresses and phones are placeholders.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { v7 } from 'uuid';
import type { Executor } from '../../platform/db/index.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { generateUscc } from '../../platform/standards/uscc.ts';
import * as store from './store.ts';

type SeedTownship = { code: string; name: string; type: string };
type SeedCounty = {
  code: string;
  name: string;
  type: string;
  inMcaAdministrativeCodes: boolean;
  townships: SeedTownship[];
};
type SeedCity = { code: string; name: string; level: string; counties: SeedCounty[] };
type SeedItem = { department: string; level: string[] };

const readSeed = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../seed/${name}`, import.meta.url), 'utf8')) as T;

const SEED_EPOCH_MS = Date.UTC(2025, 0, 1);

/** A UUIDv7-shaped id that is the same on every run for the same key. */
export function seedId(key: string): string {
  const random = createHash('sha256').update(`yiwang:org:${key}`).digest().subarray(0, 16);
  return v7({ msecs: SEED_EPOCH_MS, random: new Uint8Array(random) });
}

function divisionRows(city: SeedCity): store.DivisionRow[] {
  const rows: store.DivisionRow[] = [
    {
      code: city.code,
      parent_code: null,
      name: city.name,
      level: 'city',
      type: city.level,
      is_statistical_only: false,
      sort_order: 0,
    },
  ];
  city.counties.forEach((county, i) => {
    rows.push({
      code: county.code,
      parent_code: city.code,
      name: county.name,
      level: 'county',
      type: county.type,
      is_statistical_only: !county.inMcaAdministrativeCodes,
      sort_order: i + 1,
    });
    county.townships.forEach((t, j) => {
      rows.push({
        code: t.code,
        parent_code: county.code,
        name: t.name,
        level: 'township',
        type: t.type,
        is_statistical_only: false,
        sort_order: j + 1,
      });
    });
  });
  return rows;
}

/**
 * Departments the demo needs that hold no service item: 数据局 reviews and publishes the government
 * data resource catalog (sharing module, decision 0011). Appended after the catalog's kinds, so the
 * ids and codes of the others do not move.
 */
const CITY_ONLY_KINDS = ['数据局'];

/** The generic department names of the catalog (then CITY_ONLY_KINDS), in order, with their levels. */
function departmentKinds(): Array<{ kind: string; isCountyLevel: boolean }> {
  const levels = new Map<string, Set<string>>();
  for (const item of readSeed<SeedItem[]>('service-items.json')) {
    const set = levels.get(item.department) ?? new Set<string>();
    for (const level of item.level) set.add(level);
    levels.set(item.department, set);
  }
  return [
    ...[...levels].map(([kind, set]) => ({ kind, isCountyLevel: set.has('县级') })),
    ...CITY_ONLY_KINDS.map((kind) => ({ kind, isCountyLevel: false })),
  ];
}

/** Official-style names: 信阳市市场监督管理局, 国家税务总局浉河区税务局, 浉河区消防救援大队. */
export function departmentName(
  placeName: string,
  kind: string,
  isCity: boolean,
): { name: string; short: string } {
  if (kind === '税务局') return { name: `国家税务总局${placeName}税务局`, short: kind };
  if (kind === '消防救援支队' && !isCity) return { name: `${placeName}消防救援大队`, short: '消防救援大队' };
  return { name: `${placeName}${kind}`, short: kind };
}

/** 机构类别 under 机构编制 (1): 1 机关, 2 事业单位, 3 群团. */
const categoryOf = (kind: string): string =>
  kind.endsWith('中心') ? '2' : kind.includes('联合会') ? '3' : '1';

function departmentRows(city: SeedCity): store.NewDepartment[] {
  const kinds = departmentKinds();
  const places = [
    { code: city.code, name: city.name, isCity: true },
    ...city.counties.filter((c) => c.inMcaAdministrativeCodes).map((c) => ({ ...c, isCity: false })),
  ];
  const rows: store.NewDepartment[] = [];
  for (const place of places) {
    kinds.forEach(({ kind, isCountyLevel }, i) => {
      if (!place.isCity && !isCountyLevel) return;
      const { name, short } = departmentName(place.name, kind, place.isCity);
      const orgBody = place.code.slice(2, 6) + String(i + 1).padStart(4, '0');
      const uscc = generateUscc({
        registrationAuthority: '1',
        category: categoryOf(kind),
        divisionCode: place.code,
        orgBody,
      });
      rows.push({
        id: seedId(`department:${place.code}:${kind}`),
        division_code: place.code,
        name,
        short_name: short,
        kind,
        uscc,
        sort_order: i + 1,
      });
    });
  }
  return rows;
}

const HOURS = '周一至周五 上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）';
const WINDOW_PLAN: Array<{
  number: string;
  name: string;
  isComprehensive: boolean;
  kinds: string[] | 'all';
}> = [
  { number: '01', name: '综合受理窗口', isComprehensive: true, kinds: 'all' },
  { number: '02', name: '综合受理窗口', isComprehensive: true, kinds: 'all' },
  { number: '03', name: '综合受理窗口', isComprehensive: true, kinds: 'all' },
  {
    number: '04',
    name: '企业开办专窗',
    isComprehensive: false,
    kinds: ['市场监督管理局', '税务局', '公安局'],
  },
  {
    number: '05',
    name: '不动产登记专窗',
    isComprehensive: false,
    kinds: ['不动产登记中心', '税务局', '自然资源和规划局'],
  },
  {
    number: '06',
    name: '社保医保专窗',
    isComprehensive: false,
    kinds: ['人力资源和社会保障局', '医疗保障局'],
  },
];

function hallPlaces(city: SeedCity) {
  return [
    { code: city.code, name: city.name },
    ...city.counties.filter((c) => c.inMcaAdministrativeCodes).map((c) => ({ code: c.code, name: c.name })),
  ];
}

function hallRows(city: SeedCity): store.NewHall[] {
  return hallPlaces(city).map((place, i) => ({
    id: seedId(`hall:${place.code}`),
    division_code: place.code,
    name: `${place.name}政务服务中心`,
    address: `${place.code === city.code ? '' : city.name}${place.name}政务服务中心大楼（演示地址）`,
    hours: HOURS,
    phone: `0376-${6200000 + i * 101}`,
  }));
}

async function seedWindows(
  db: Executor,
  city: SeedCity,
  departments: store.NewDepartment[],
): Promise<number> {
  const windows: store.NewWindow[] = [];
  const links: Array<{ window_id: string; department_id: string }> = [];
  for (const place of hallPlaces(city)) {
    const hallId = seedId(`hall:${place.code}`);
    const local = departments.filter((d) => d.division_code === place.code);
    for (const plan of WINDOW_PLAN) {
      const id = seedId(`window:${place.code}:${plan.number}`);
      windows.push({
        id,
        hall_id: hallId,
        number: plan.number,
        name: plan.name,
        is_comprehensive: plan.isComprehensive,
      });
      const served =
        plan.kinds === 'all'
          ? local.filter((d) => !CITY_ONLY_KINDS.includes(d.kind ?? ''))
          : local.filter((d) => plan.kinds.includes(d.kind ?? ''));
      for (const d of served) links.push({ window_id: id, department_id: d.id });
    }
  }
  const added = await store.insertWindows(db, windows);
  // Link only rows that exist (an admin may have taken a seeded window number or department name first).
  const existingWindows = new Set(
    (
      await store.listWindows(
        db,
        hallPlaces(city).map((p) => seedId(`hall:${p.code}`)),
      )
    ).map((w) => w.id),
  );
  const existingDepartments = new Set(
    (
      await store.getDepartments(
        db,
        departments.map((d) => d.id),
      )
    ).map((d) => d.id),
  );
  await store.linkWindowDepartments(
    db,
    links.filter((l) => existingWindows.has(l.window_id) && existingDepartments.has(l.department_id)),
  );
  return added;
}

export type OrgSeedResult = { divisions: number; departments: number; halls: number; windows: number };

/** Loads the demo city. Idempotent: existing rows (by code or deterministic id) are left untouched. */
export function seedOrg(db: Executor): Promise<OrgSeedResult> {
  const city = readSeed<SeedCity>('xinyang-divisions.json');
  return inTransaction(db, async (tx) => {
    const divisions = await store.insertDivisions(tx, divisionRows(city));
    const rows = departmentRows(city);
    const departments = await store.insertDepartments(tx, rows);
    const halls = await store.insertHalls(tx, hallRows(city));
    const windows = await seedWindows(tx, city, rows);
    return { divisions, departments, halls, windows };
  });
}
