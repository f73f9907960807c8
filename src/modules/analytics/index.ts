// analytics: statistics (统计分析) kept by incremental aggregates — one fact row per case, daily counts
// per department, item, division and channel updated by the difference when a case changes, ratings
// (好差评) by day and level — a rebuild that recounts everything and reports whether it agreed, and the
// dashboard read by the big screen and the leader cockpit. Owns schema `analytics`.
// Calls cases (statistics facts, case ids) and org (names); hears `case.*` and `rating.*` events.
import type { Tx } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { AnalyticsDeps } from './deps.ts';
import * as incremental from './incremental.ts';
import * as rebuilding from './rebuild.ts';
import type { StatsQuery } from './schema.ts';
import { createReads } from './service.ts';

export type { AnalyticsDeps } from './deps.ts';
export type { RebuildReport } from './rebuild.ts';
export { analyticsRoutes } from './routes.ts';
export type { Dashboard } from './schema.ts';

/** The case actions whose events change a case's statistics. */
const CASE_ACTIONS = [
  'submit',
  'accept',
  'supplement',
  'supply',
  'refuse',
  'return',
  'step',
  'decide',
  'special_start',
  'special_end',
  'extend',
  'conclude',
  'withdraw',
];

export function createAnalytics(deps: AnalyticsDeps) {
  const queue = (event: OutboxEvent, tx: Tx) => incremental.onCaseChanged(deps, event, tx);
  const reads = createReads(deps);
  return {
    /** Event handlers: a case event queues the case; a rating event is counted at once. */
    handlers: {
      ...Object.fromEntries(CASE_ACTIONS.map((a) => [`case.${a}`, [queue]])),
      'rating.created': [incremental.onRating],
      'rating.amended': [incremental.onRating],
      'rating.excluded': [incremental.onRatingExcluded],
    } as Record<string, Array<(event: OutboxEvent, tx: Tx) => Promise<void>>>,
    /** Re-reads the queued cases and applies the differences (the background job). */
    runPending: () => incremental.runPending(deps),
    /** Recounts every fact and aggregate from scratch; repairs and reports what differed. */
    rebuild: () => rebuilding.rebuild(deps),
    /** Compares the aggregates with a recount of the facts, changing nothing. */
    verify: () => rebuilding.verify(deps),
    dashboard: (actor: Actor, query: StatsQuery) => reads.dashboard(actor, query),
  };
}
export type AnalyticsModule = ReturnType<typeof createAnalytics>;
