// Request and response shapes of the analytics module (统计分析); pure zod, shared with the web.
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** The longest period one request may ask for (days). */
export const MAX_PERIOD_DAYS = 366;

export const Channel = z.enum(['online', 'window']);
export const CHANNEL_LABELS = { online: '网上办理', window: '窗口办理' } as const;

export const StatsQuery = z
  .object({
    /** first day of the period (Beijing); default 29 days before `to` */
    from: IsoDate.optional(),
    /** last day of the period; default today */
    to: IsoDate.optional(),
    departmentId: z.uuid().optional(),
    /** a county-level division code (区县, 6 digits) or the city's for 市本级 */
    county: z
      .string()
      .regex(/^\d{6}$/, '区县代码应为 6 位数字')
      .optional(),
    implementationId: z.uuid().optional(),
    channel: Channel.optional(),
  })
  .strict();
export type StatsQuery = z.infer<typeof StatsQuery>;

const Counts = z.object({
  submitted: z.number(),
  accepted: z.number(),
  refused: z.number(),
  returned: z.number(),
  withdrawn: z.number(),
  concluded: z.number(),
  concludedOnTime: z.number(),
  approved: z.number(),
  denied: z.number(),
});
export type Counts = z.infer<typeof Counts>;
/** A share in [0, 1] or null when there is nothing to divide by. */
const Rate = z.number().nullable();

export const Dashboard = z.object({
  asOf: z.string(),
  today: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  scope: z.object({
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    county: z.string().nullable(),
    implementationId: z.string().nullable(),
    channel: Channel.nullable(),
  }),
  todayCounts: Counts,
  totals: Counts,
  rates: z.object({
    /** 受理率 = 受理 ÷ (受理 + 不予受理 + 退件) */
    acceptance: Rate,
    /** 办结率 = 办结 ÷ 受理 (both counted in the period) */
    conclusion: Rate,
    /** 按时办结率 = 承诺期限内办结 ÷ 办结 */
    onTime: Rate,
    /** 网办率 = 网上申报 ÷ 申报 */
    online: Rate,
  }),
  overdueNow: z.number(),
  satisfaction: z.object({
    /** ratings by level 1 非常满意 … 5 非常不满意 */
    byLevel: z.array(z.number()).length(5),
    total: z.number(),
    /** (非常满意 + 满意 + 基本满意) ÷ all ratings */
    rate: Rate,
  }),
  trend: z.array(
    z.object({ day: z.string(), submitted: z.number(), accepted: z.number(), concluded: z.number() }),
  ),
  byCounty: z.array(
    z.object({ code: z.string(), name: z.string(), submitted: z.number(), concluded: z.number() }),
  ),
  byDepartment: z.array(
    z.object({
      departmentId: z.string(),
      name: z.string(),
      submitted: z.number(),
      concluded: z.number(),
      onTime: Rate,
    }),
  ),
  byItem: z.array(z.object({ implementationId: z.string(), name: z.string(), submitted: z.number() })),
  byChannel: z.array(z.object({ channel: Channel, label: z.string(), submitted: z.number() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const RebuildReport = z.object({
  cases: z.number(),
  factsRepaired: z.number(),
  dailyRepaired: z.number(),
  ratingsRepaired: z.number(),
  agreed: z.boolean(),
});
