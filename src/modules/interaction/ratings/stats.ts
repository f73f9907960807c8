// Public statistics of ratings per department and per item, and the rating facts the performance
// evaluation reads. Ratings excluded by an upheld appeal (申诉成立) never count in the statistics.
import { isIsoDate } from '../../../platform/calendar.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { InteractionDeps } from '../deps.ts';
import { isBad } from './levels.ts';
import type { StatsQuery } from './schema.ts';
import * as store from './store.ts';

const DAY_MS = 86_400_000;
/** The instant a Beijing calendar day starts. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
/** A date bound: a 'YYYY-MM-DD' day (a `to` day is included whole) or an ISO instant. */
function bound(value: string, isEnd: boolean): Date {
  if (isIsoDate(value)) return new Date(dayStart(value).getTime() + (isEnd ? DAY_MS : 0));
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not a date or instant: ${value}`);
  return at;
}
const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);

export async function publicStats(deps: InteractionDeps, query: StatsQuery) {
  const rows = await store.stats(
    deps.db,
    query.by,
    query.from ? bound(query.from, false) : null,
    query.to ? bound(query.to, true) : null,
  );
  return {
    by: query.by,
    items: rows.map((r) => {
      const total = r.c1 + r.c2 + r.c3 + r.c4 + r.c5;
      const bad = r.c4 + r.c5;
      return {
        id: r.id,
        name: r.name,
        departmentName: r.department_name,
        counts: { '1': r.c1, '2': r.c2, '3': r.c3, '4': r.c4, '5': r.c5 },
        total,
        bad,
        satisfactionRate: rate(r.c1 + r.c2 + r.c3, total),
        rectificationRate: rate(r.rectified, bad),
      };
    }),
  };
}

export type RatingFact = {
  ratingId: string;
  caseId: string;
  departmentId: string;
  implementationId: string;
  level: number;
  bad: boolean;
  excluded: boolean;
  at: string;
  rectification: {
    status: string;
    dueDate: string;
    closedAt: string | null;
    closedOnTime: boolean | null;
  } | null;
};

/**
 * Ratings made in [from, to) — dates 'YYYY-MM-DD' (Beijing; `to` counted whole) or ISO instants —
 * with their rectification order. `level` is the current (possibly amended) A.8 code; `at` when rated.
 */
export async function ratingFacts(
  deps: InteractionDeps,
  input: { from: string; to: string; departmentId?: string },
): Promise<RatingFact[]> {
  const rows = await store.factsIn(
    deps.db,
    bound(input.from, false),
    bound(input.to, true),
    input.departmentId ?? null,
  );
  return rows.map((r) => ({
    ratingId: r.id,
    caseId: r.case_id,
    departmentId: r.department_id,
    implementationId: r.implementation_id,
    level: r.level,
    bad: isBad(r.level),
    excluded: r.is_excluded,
    at: r.rated_at.toISOString(),
    rectification:
      r.order_state && r.order_due_on
        ? {
            status: r.order_state,
            dueDate: r.order_due_on,
            closedAt: r.order_closed_at ? r.order_closed_at.toISOString() : null,
            closedOnTime: r.order_closed_at ? shanghaiDate(r.order_closed_at) <= r.order_due_on : null,
          }
        : null,
  }));
}
