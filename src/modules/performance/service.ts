// The verbs of performance evaluation: the report of a period (departments, windows, items with every
// metric, score and rank), the drill-down behind one figure and the same figures as an Excel workbook.
// The service office and supervisors see every department; a department's head and admin see their
// own (another department: 404). Reads only; nothing is written.
import { shanghaiDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/access.ts';
import { isOverseer, NO_DEPARTMENT } from '../../platform/oversight.ts';
import type { PerformanceDeps, RatingFact } from './deps.ts';
import { performanceErrors } from './errors.ts';
import { writeWorkbook } from './excel.ts';
import { FORMULAS, formulaOf, SCORE_FORMULA } from './formulas.ts';
import { type Facts, groupFacts, metricSets, metricView, rowsOf } from './metrics.ts';
import { type Period, resolvePeriod } from './period.ts';
import type { Drill, DrillQuery, PeriodQuery, Ranking, RankingQuery, Report } from './schema.ts';

/** The department the actor may look at: null = all; another department than their own → 404. */
function scopeOf(actor: Actor, asked: string | undefined): string | null {
  if (isOverseer(actor)) return asked ?? null;
  // department staff without a department see nothing (no department has the nil id)
  const own = actor.departmentId ?? NO_DEPARTMENT;
  if (asked !== undefined && asked !== own) throw performanceErrors.notFound('无权查看该部门或部门不存在');
  return own;
}

async function readFacts(deps: PerformanceDeps, period: Period, departmentId: string | null): Promise<Facts> {
  const scope = departmentId ?? undefined;
  const range = { from: period.start, to: period.end };
  const [records, orders] = await Promise.all([
    deps.ratings.ratingFacts({
      from: period.start.toISOString(),
      to: period.end.toISOString(),
      ...(scope ? { departmentId: scope } : {}),
    }),
    deps.supervision.orderFacts({ ...range, departmentId }),
  ]);
  const ratings: RatingFact[] = records.map((r) => ({
    ...r,
    at: new Date(r.at),
    rectification: r.rectification && {
      ...r.rectification,
      closedAt: r.rectification.closedAt ? new Date(r.rectification.closedAt) : null,
    },
  }));
  const caseIds = [...new Set([...ratings.map((r) => r.caseId), ...orders.map((o) => o.caseId)])];
  const cases = await deps.cases.performanceFacts({ ...range, departmentId, caseIds });
  return { period, today: shanghaiDate(deps.clock.now()), cases, ratings, orders };
}

const NOTES = [
  '办件未记录受理窗口：“窗口”按窗口申报的收件人员统计，网上申报的办件单列为“网上申报（无窗口）”。',
  '一件事（并联审批）按各部门的子办件统计，主办件不计入。',
];

const periodView = (p: Period) => ({ from: p.from, to: p.to, label: p.label });

export async function report(deps: PerformanceDeps, actor: Actor, query: PeriodQuery): Promise<Report> {
  const departmentId = scopeOf(actor, query.departmentId);
  const period = resolvePeriod(query, deps.clock.now());
  const facts = await readFacts(deps, period, departmentId);
  return {
    period: periodView(period),
    formulas: FORMULAS,
    scoreFormula: SCORE_FORMULA,
    departments: rowsOf('department', facts),
    windows: rowsOf('window', facts),
    items: rowsOf('item', facts),
    notes: NOTES,
  };
}

export async function drill(deps: PerformanceDeps, actor: Actor, query: DrillQuery): Promise<Drill> {
  const departmentId = scopeOf(actor, query.departmentId);
  const period = resolvePeriod(query, deps.clock.now());
  const facts = await readFacts(deps, period, departmentId);
  const group = groupFacts(query.level, facts).find((g) => g.key === query.key);
  if (!group) throw performanceErrors.notFound('该期间内没有这个考核对象的数据');
  const sets = metricSets(group, facts)[query.metric];
  return {
    period: periodView(period),
    metric: metricView(query.metric, sets),
    formula: formulaOf(query.metric),
    name: group.name,
    numerator: sets.numerator,
    denominator: sets.denominator,
  };
}

export async function exportWorkbook(deps: PerformanceDeps, actor: Actor, query: PeriodQuery) {
  const r = await report(deps, actor, query);
  return { bytes: await writeWorkbook(r), filename: `绩效评估-${r.period.from}-${r.period.to}.xlsx` };
}

/** Each month's department ranking of a year (default: this year), up to the current month. */
export async function ranking(deps: PerformanceDeps, actor: Actor, query: RankingQuery): Promise<Ranking> {
  const departmentId = scopeOf(actor, query.departmentId);
  const thisMonth = shanghaiDate(deps.clock.now()).slice(0, 7);
  const year = query.year ?? Number(thisMonth.slice(0, 4));
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => m <= thisMonth,
  );
  const byDepartment = new Map<string, Ranking['departments'][number]>();
  for (const month of months) {
    const period = resolvePeriod({ month }, deps.clock.now());
    for (const row of rowsOf('department', await readFacts(deps, period, departmentId))) {
      const entry = byDepartment.get(row.key) ?? { key: row.key, name: row.name, cells: [] };
      entry.cells.push({ month, score: row.score, rank: row.rank });
      byDepartment.set(row.key, entry);
    }
  }
  // every department has a cell for every month (null when it had no data that month)
  const departments = [...byDepartment.values()].map((d) => ({
    ...d,
    cells: months.map(
      (month) => d.cells.find((c) => c.month === month) ?? { month, score: null, rank: null },
    ),
  }));
  departments.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { year, months, departments };
}
