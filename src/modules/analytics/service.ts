// The statistics the dashboards show, read from the aggregates only (never by counting cases): the
// period's totals and rates, today's counts, cases overdue now, satisfaction, a 30-day trend and the
// breakdowns by county, department, item and channel. The service office and supervisors see the
// whole city; a department's head and admin see their own department only.
import { isIsoDate } from '../../platform/calendar.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/access.ts';
import { departmentScope } from '../../platform/oversight.ts';
import type { AnalyticsDeps } from './deps.ts';
import { analyticsErrors } from './errors.ts';
import { CHANNEL_LABELS, type Counts, type Dashboard, MAX_PERIOD_DAYS, type StatsQuery } from './schema.ts';
import * as store from './store.ts';

const CITY = '411500';
const TREND_DAYS = 30;
const NAMES_TTL_MS = 60_000;

const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

const toCounts = (r: store.CountsRow | undefined): Counts => ({
  submitted: r?.submitted ?? 0,
  accepted: r?.accepted ?? 0,
  refused: r?.refused ?? 0,
  returned: r?.returned ?? 0,
  withdrawn: r?.withdrawn ?? 0,
  concluded: r?.concluded ?? 0,
  concludedOnTime: r?.concluded_on_time ?? 0,
  approved: r?.approved ?? 0,
  denied: r?.denied ?? 0,
});

type Names = {
  at: number;
  departments: Map<string, string>;
  /** department → its county-level code */
  departmentCounty: Map<string, string>;
  counties: Map<string, string>;
};

export function createReads(deps: AnalyticsDeps) {
  let names: Names | null = null;
  /** Department and county names from org, kept a minute (they change only by administration). */
  async function namesNow(): Promise<Names> {
    if (names && Date.now() - names.at < NAMES_TTL_MS) return names;
    const all = await deps.org.listDepartments();
    const departments = new Map(all.map((d) => [d.id, d.name]));
    const departmentCounty = new Map(all.map((d) => [d.id, d.divisionCode.slice(0, 6)]));
    const counties = new Map<string, string>([[CITY, '市本级']]);
    for (const d of await deps.org.listDivisions(CITY)) counties.set(d.code, d.name);
    names = { at: Date.now(), departments, departmentCounty, counties };
    return names;
  }

  async function dashboard(actor: Actor, query: StatsQuery): Promise<Dashboard> {
    const today = shanghaiDate(deps.clock.now());
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(TREND_DAYS - 1));
    if (!isIsoDate(from) || !isIsoDate(to)) throw analyticsErrors.badPeriod('日期不存在');
    if (from > to) throw analyticsErrors.badPeriod('开始日期晚于结束日期');
    if (daysBetween(from, to) >= MAX_PERIOD_DAYS)
      throw analyticsErrors.badPeriod(`统计期间最长 ${MAX_PERIOD_DAYS} 天`);
    const own = departmentScope(actor);
    if (own && query.departmentId && query.departmentId !== own) throw analyticsErrors.otherDepartment();
    const { departments, departmentCounty, counties } = await namesNow();
    if (query.county && !counties.has(query.county)) throw analyticsErrors.unknownCounty(query.county);
    const f: store.StatsFilter = {
      departmentId: own ?? query.departmentId ?? null,
      county: query.county ?? null,
      implementationId: query.implementationId ?? null,
      channel: query.channel ?? null,
    };

    const area = await store.areaCounts(deps.db, f, from, to);
    const ranks = await store.rankings(deps.db, f, from, to, 20);
    const [todayRow] = await store.countsByDay(deps.db, f, today, today);
    const trendRows = await store.countsByDay(deps.db, f, addDays(to, -(TREND_DAYS - 1)), to);
    const byDay = new Map(trendRows.map((r) => [r.day, r]));
    const ratings = await store.ratingsByLevel(deps.db, f, from, to);
    const byLevel = [1, 2, 3, 4, 5].map((l) => ratings.find((r) => r.level === l)?.count ?? 0);
    const ratingTotal = byLevel.reduce((a, b) => a + b, 0);
    const totals = toCounts(area.find((r) => r.grouping === 3));
    const channels = area.filter((r) => r.grouping === 2);
    const countyRows = area.filter((r) => r.grouping === 1);
    const online = channels.find((r) => r.channel === 'online')?.submitted ?? 0;
    const items = ranks.filter((r) => r.grouping === 2).slice(0, 10);
    // an item's name, with its county when it is not the city's own (the same item exists in each county)
    const itemName = new Map(
      (
        await store.itemNames(
          deps.db,
          items.map((i) => i.implementation_id ?? ''),
        )
      ).map((i) => {
        const county = departmentCounty.get(i.department_id);
        const where = county && county !== CITY ? counties.get(county) : undefined;
        return [i.implementation_id, where ? `${i.name}（${where}）` : i.name];
      }),
    );
    return {
      asOf: deps.clock.now().toISOString(),
      today,
      period: { from, to },
      scope: {
        departmentId: f.departmentId,
        departmentName: f.departmentId ? (departments.get(f.departmentId) ?? null) : null,
        county: f.county,
        implementationId: f.implementationId,
        channel: query.channel ?? null,
      },
      todayCounts: toCounts(todayRow),
      totals,
      rates: {
        acceptance: rate(totals.accepted, totals.accepted + totals.refused + totals.returned),
        conclusion: rate(totals.concluded, totals.accepted),
        onTime: rate(totals.concludedOnTime, totals.concluded),
        online: rate(online, totals.submitted),
      },
      overdueNow: await store.overdueNow(deps.db, f, today),
      satisfaction: {
        byLevel,
        total: ratingTotal,
        rate: rate((byLevel[0] ?? 0) + (byLevel[1] ?? 0) + (byLevel[2] ?? 0), ratingTotal),
      },
      trend: Array.from({ length: TREND_DAYS }, (_, i) => {
        const day = addDays(to, i - (TREND_DAYS - 1));
        const r = byDay.get(day);
        return {
          day,
          submitted: r?.submitted ?? 0,
          accepted: r?.accepted ?? 0,
          concluded: r?.concluded ?? 0,
        };
      }),
      // every county, with zeros, in the division order (the map needs them all)
      byCounty: [...counties].map(([code, name]) => {
        const r = countyRows.find((c) => c.county === code);
        return { code, name, submitted: r?.submitted ?? 0, concluded: r?.concluded ?? 0 };
      }),
      byDepartment: ranks
        .filter((r) => r.grouping === 1)
        .map((r) => ({
          departmentId: r.department_id ?? '',
          name: departments.get(r.department_id ?? '') ?? '其他部门',
          submitted: r.submitted,
          concluded: r.concluded,
          onTime: rate(r.concluded_on_time, r.concluded),
        })),
      byItem: items.map((r) => ({
        implementationId: r.implementation_id ?? '',
        name: itemName.get(r.implementation_id ?? '') ?? '其他事项',
        submitted: r.submitted,
      })),
      byChannel: (['online', 'window'] as const).map((channel) => ({
        channel,
        label: CHANNEL_LABELS[channel],
        submitted: channels.find((r) => r.channel === channel)?.submitted ?? 0,
      })),
    };
  }
  return { dashboard };
}
