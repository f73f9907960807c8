// Request and response shapes of performance evaluation (绩效评估); pure zod, shared with the web.
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** The period: a month (default: the current one), or from–to (inclusive Beijing days, ≤ 366 days). */
export const PeriodQuery = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
      .optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    departmentId: z.uuid().optional(),
  })
  .strict()
  .refine((q) => q.month === undefined || (q.from === undefined && q.to === undefined), {
    message: '按月或按起止日期二选一',
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    message: '起止日期需同时给出',
    path: ['to'],
  });
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const METRIC_KEYS = [
  'onTime',
  'early',
  'firstTime',
  'visits',
  'online',
  'satisfaction',
  'rectification',
  'orders',
  'ordersOnTime',
] as const;
export const MetricKey = z.enum(METRIC_KEYS);
export type MetricKey = z.infer<typeof MetricKey>;
export const Level = z.enum(['department', 'window', 'item']);
export type Level = z.infer<typeof Level>;

export const DrillQuery = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    departmentId: z.uuid().optional(),
    metric: MetricKey,
    level: Level.default('department'),
    key: z.string().trim().min(1).max(100),
  })
  .strict();
export type DrillQuery = z.infer<typeof DrillQuery>;

export const MetricView = z.object({
  key: MetricKey,
  label: z.string(),
  /** 'rate' (share, 0–1), 'average' (per case), 'count' */
  kind: z.enum(['rate', 'average', 'count']),
  numerator: z.number(),
  denominator: z.number(),
  /** null: 无数据 */
  value: z.number().nullable(),
  text: z.string(),
});
export type MetricView = z.infer<typeof MetricView>;

export const RowView = z.object({
  key: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  metrics: z.array(MetricView),
  /** composite score 0–100, null when no weighted metric has data */
  score: z.number().nullable(),
  rank: z.number().nullable(),
});
export type RowView = z.infer<typeof RowView>;

export const FormulaView = z.object({
  key: MetricKey,
  label: z.string(),
  formula: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  /** weight in the composite score (0 = not scored) */
  weight: z.number(),
  /** how the metric becomes a 0–1 score */
  scoring: z.string(),
});
export type FormulaView = z.infer<typeof FormulaView>;

export const PeriodView = z.object({ from: z.string(), to: z.string(), label: z.string() });
export const Report = z.object({
  period: PeriodView,
  formulas: z.array(FormulaView),
  scoreFormula: z.string(),
  departments: z.array(RowView),
  windows: z.array(RowView),
  items: z.array(RowView),
  notes: z.array(z.string()),
});
export type Report = z.infer<typeof Report>;

export const DrillEntry = z.object({
  kind: z.enum(['case', 'rating', 'order']),
  id: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  name: z.string(),
  detail: z.string(),
});
export type DrillEntry = z.infer<typeof DrillEntry>;
export const Drill = z.object({
  period: PeriodView,
  metric: MetricView,
  formula: FormulaView,
  name: z.string(),
  numerator: z.array(DrillEntry),
  denominator: z.array(DrillEntry),
});
export type Drill = z.infer<typeof Drill>;

/** The monthly ranking of departments over a year (months up to the current one). */
export const RankingQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    departmentId: z.uuid().optional(),
  })
  .strict();
export type RankingQuery = z.infer<typeof RankingQuery>;
export const Ranking = z.object({
  year: z.number(),
  months: z.array(z.string()),
  departments: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      cells: z.array(
        z.object({ month: z.string(), score: z.number().nullable(), rank: z.number().nullable() }),
      ),
    }),
  ),
});
export type Ranking = z.infer<typeof Ranking>;
