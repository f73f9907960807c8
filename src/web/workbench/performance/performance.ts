// Shapes and helpers of the 绩效评估 pages; the types come from the module's pure zod schema.
import type {
  Drill,
  DrillEntry,
  FormulaView,
  Level,
  MetricKey,
  MetricView,
  Ranking,
  Report,
  RowView,
} from '../../../modules/performance/schema.ts';

export type { Drill, DrillEntry, FormulaView, Level, MetricKey, MetricView, Ranking, Report, RowView };

/** The period as query parameters: a month, or from–to. */
export type Period = { month: string } | { from: string; to: string };

export const LEVEL_LABELS: Record<Level, string> = { department: '部门', window: '窗口', item: '事项' };

export const periodParams = (p: Period): Record<string, string> =>
  'month' in p ? { month: p.month } : { from: p.from, to: p.to };

export const metricOf = (row: RowView, key: MetricKey): MetricView | undefined =>
  row.metrics.find((m) => m.key === key);

/** "4 / 5" — the numerator and denominator behind a figure (a count shows itself only). */
export const fraction = (m: MetricView) =>
  m.kind === 'count' ? `${m.numerator} 件` : `${m.numerator} / ${m.denominator}`;
