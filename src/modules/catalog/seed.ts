// Deterministic demo catalog for 信阳市: all 193 seed items published at city level by the city department
// of their kind; a derived implementation in every county whose department of that kind exists when the
// item's 行使层级 includes 县级; and, for 乡级 items, the first two townships of each county (carried out by
// the county department at the township's 便民服务中心). Derived implementations override only their
// places and phones. Codes follow the scheme in codes.ts. Ids derive from stable keys, so a second run
// adds nothing. Org data is read before the transaction opens (org's readers use their own handle).
import { createHash } from 'node:crypto';
import { v7 } from 'uuid';
import type { Executor } from '../../platform/db/index.ts';
import type { DepartmentView, DivisionView, HallView } from '../org/index.ts';
import { basicCode, implementationCode } from './codes.ts';
import { resolveContent, searchDoc } from './content.ts';
import type { CatalogOrg, SearchDoc } from './deps.ts';
import type { GuideContent, ImplementationLevel, Overrides } from './schema.ts';
import { cityContent, readSeedItems, type SeedItem, typeCodeOf } from './seed-content.ts';
import * as store from './store.ts';

const CITY = '411500';
const TOWNSHIPS_PER_COUNTY = 2;
const SEED_EPOCH_MS = Date.UTC(2025, 0, 1);

/** A UUIDv7-shaped id that is the same on every run for the same key. */
export function seedId(key: string): string {
  const random = createHash('sha256').update(`yiwang:catalog:${key}`).digest().subarray(0, 16);
  return v7({ msecs: SEED_EPOCH_MS, random: new Uint8Array(random) });
}

type Local = { places: GuideContent['places']; phones: GuideContent['phones'] };
type County = { division: DivisionView; hall: HallView | null; townships: DivisionView[] };

export type SeedPlan = {
  items: store.NewItem[];
  implementations: store.NewImplementation[];
  versions: store.NewVersion[];
  docs: Map<string, SearchDoc>;
};

function hallLocal(hall: HallView | null, department: DepartmentView): Local {
  if (!hall) return { places: [], phones: { consult: '', complaint: '12345' } };
  const windows = hall.windows
    .filter((w) => w.departmentIds.includes(department.id))
    .map((w) => `${w.number} 号${w.name}`);
  return {
    places: [{ name: hall.name, windows, address: hall.address, hours: hall.hours }],
    phones: { consult: hall.phone, complaint: '12345' },
  };
}

function townshipLocal(county: County, township: DivisionView): Local {
  return {
    places: [
      {
        name: `${township.name}便民服务中心`,
        windows: ['综合受理窗口'],
        address: `${county.division.name}${township.name}便民服务中心（演示地址）`,
        hours: county.hall?.hours ?? '',
      },
    ],
    phones: { consult: county.hall?.phone ?? '', complaint: '12345' },
  };
}

/** Everything the seed needs from org, read up front. */
async function readOrg(org: CatalogOrg, kinds: string[]) {
  const departments = new Map<string, DepartmentView>();
  const cityHall = (await org.listHalls(CITY))[0] ?? null;
  const counties: County[] = [];
  for (const code of await org.listCountyCodes()) {
    const division = await org.getDivision(code);
    if (!division) continue;
    const hall = (await org.listHalls(code))[0] ?? null;
    const townships = (await org.listDivisions(code)).slice(0, TOWNSHIPS_PER_COUNTY);
    counties.push({ division, hall, townships });
  }
  for (const kind of kinds) {
    for (const code of [CITY, ...counties.map((c) => c.division.code)]) {
      const found = await org.findDepartment(code, kind);
      if (found) departments.set(`${code}:${kind}`, found);
    }
  }
  return { departments, cityHall, counties };
}

type PlanContext = { plan: SeedPlan; now: Date; item: SeedItem; itemId: string; basic: string };

function addImplementation(
  ctx: PlanContext,
  place: { code: string; level: ImplementationLevel; townshipCode?: string },
  department: DepartmentView,
  content: GuideContent,
  parent: { implementationId: string; versionId: string; overrides: Overrides } | null,
): { implementationId: string; versionId: string } {
  const implementationId = seedId(`implementation:${ctx.item.id}:${place.code}`);
  const versionId = seedId(`version:${implementationId}:1`);
  ctx.plan.implementations.push({
    id: implementationId,
    item_id: ctx.itemId,
    parent_id: parent?.implementationId ?? null,
    division_code: place.code,
    level: place.level,
    department_id: department.id,
    code: implementationCode(department.uscc, place.level, ctx.basic, place.townshipCode),
  });
  ctx.plan.versions.push({
    id: versionId,
    implementation_id: implementationId,
    version_no: 1,
    state: 'published',
    content,
    overrides: parent?.overrides ?? null,
    parent_version_id: parent?.versionId ?? null,
    published_at: ctx.now,
  });
  const ref = {
    implementationId,
    versionId,
    itemId: ctx.itemId,
    divisionCode: place.code,
    level: place.level,
  };
  ctx.plan.docs.set(
    versionId,
    searchDoc({ ...ref, departmentId: department.id, departmentName: department.name }, content),
  );
  return { implementationId, versionId };
}

function planItem(ctx: PlanContext, org: Awaited<ReturnType<typeof readOrg>>): void {
  const { item } = ctx;
  const cityDepartment = org.departments.get(`${CITY}:${item.department}`);
  if (!cityDepartment) return;
  const content = cityContent(item, hallLocal(org.cityHall, cityDepartment));
  const city = addImplementation(ctx, { code: CITY, level: 'city' }, cityDepartment, content, null);
  for (const county of org.counties) {
    const department = org.departments.get(`${county.division.code}:${item.department}`);
    if (!department) continue;
    const derived = (
      local: Local,
      place: { code: string; level: ImplementationLevel; townshipCode?: string },
    ) => {
      const overrides: Overrides = { places: local.places, phones: local.phones };
      const parent = { ...city, overrides };
      addImplementation(ctx, place, department, resolveContent(content, overrides), parent);
    };
    if (item.level.includes('县级')) {
      derived(hallLocal(county.hall, department), { code: county.division.code, level: 'county' });
    }
    if (item.level.includes('乡级')) {
      for (const township of county.townships) {
        derived(townshipLocal(county, township), {
          code: township.code,
          level: 'township',
          townshipCode: township.code,
        });
      }
    }
  }
}

/** Builds the rows of the demo catalog (no writes). */
export async function planCatalogSeed(org: CatalogOrg, now: Date): Promise<SeedPlan> {
  const items = readSeedItems();
  const orgData = await readOrg(org, [...new Set(items.map((i) => i.department))]);
  const plan: SeedPlan = { items: [], implementations: [], versions: [], docs: new Map() };
  items.forEach((item, position) => {
    const itemId = seedId(`item:${item.id}`);
    const basic = basicCode(typeCodeOf(item.itemType), position + 1);
    plan.items.push({
      id: itemId,
      basic_code: basic,
      name: item.name,
      type_code: typeCodeOf(item.itemType),
      department_kind: item.department,
      sort_order: position + 1,
    });
    planItem({ plan, now, item, itemId, basic }, orgData);
  });
  return plan;
}

export type CatalogSeedResult = { items: number; implementations: number; versions: number };

/** Writes the plan; indexes the versions that were added. Idempotent. */
export async function writeCatalogSeed(
  tx: Executor,
  plan: SeedPlan,
  index: (doc: SearchDoc) => Promise<void>,
): Promise<CatalogSeedResult> {
  const items = (await store.insertItems(tx, plan.items)).length;
  const implementations = (await store.insertImplementations(tx, plan.implementations)).length;
  const added = await store.insertVersions(tx, plan.versions);
  for (const id of added) {
    const doc = plan.docs.get(id);
    if (doc) await index(doc);
  }
  return { items, implementations, versions: added.length };
}
