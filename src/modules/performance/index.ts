// performance: performance evaluation (绩效评估) — per period, department, window and item: 按时办结率,
// 提前办结率, 一次办结率, 平均跑动次数, 网办率, 满意度, 差评整改率, 督办件数 and 督办按期答复率, each with its
// formula and the cases, ratings or orders behind it; a weighted composite score, ranking, Excel export.
// Owns no tables. Reads cases and supervision through their doors and ratings through a port.
import type { Actor } from '../../platform/http/access.ts';
import type { PerformanceDeps } from './deps.ts';
import type { DrillQuery, PeriodQuery, RankingQuery } from './schema.ts';
import * as service from './service.ts';

export type { PerformanceDeps, RatingFact, RatingRecord, RatingsPort } from './deps.ts';
export { performanceRoutes } from './routes.ts';
export type { Report as PerformanceReport } from './schema.ts';

export function createPerformance(deps: PerformanceDeps) {
  return {
    report: (actor: Actor, query: PeriodQuery) => service.report(deps, actor, query),
    drill: (actor: Actor, query: DrillQuery) => service.drill(deps, actor, query),
    exportWorkbook: (actor: Actor, query: PeriodQuery) => service.exportWorkbook(deps, actor, query),
    /** Each month's department ranking of a year. */
    ranking: (actor: Actor, query: RankingQuery) => service.ranking(deps, actor, query),
  };
}
export type PerformanceModule = ReturnType<typeof createPerformance>;
