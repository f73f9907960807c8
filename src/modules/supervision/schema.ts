// Request and response shapes of the supervision module (电子监察); pure zod, shared with the web.
import { z } from 'zod';
import { IsoDate } from '../../platform/standards/date.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const WarningLevel = z.enum(['yellow', 'red']);
export type WarningLevel = z.infer<typeof WarningLevel>;
export const RuleCode = z.enum([
  'deadline-yellow',
  'deadline-red',
  'legal-overdue',
  'supplement-late',
  'special-no-reason',
]);
export type RuleCode = z.infer<typeof RuleCode>;

/** The parameters each rule accepts; anything else is nonsense (400). */
export const RULE_PARAMS = {
  'deadline-yellow': z
    .object({ percent: z.int().min(0).max(100), days: z.int().min(0).max(60) })
    .strict()
    .refine((p) => p.percent > 0 || p.days > 0, { message: '比例与天数不能同时为 0' }),
  'deadline-red': z.object({}).strict(),
  'legal-overdue': z.object({}).strict(),
  'supplement-late': z.object({ days: z.int().min(1).max(60) }).strict(),
  'special-no-reason': z.object({}).strict(),
} as const;
export type YellowParams = { percent: number; days: number };

export const RuleView = z.object({
  code: RuleCode,
  name: z.string(),
  level: WarningLevel,
  params: z.record(z.string(), z.number()),
  isEnabled: z.boolean(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof RuleView>;
export const RuleList = z.object({ items: z.array(RuleView) });
export const RuleParams = z.object({ code: RuleCode }).strict();
export const RuleUpdate = z
  .object({ params: z.record(z.string(), z.unknown()).optional(), isEnabled: z.boolean().optional() })
  .strict();
export type RuleUpdate = z.infer<typeof RuleUpdate>;

export const WarningQuery = z
  .object({
    level: WarningLevel.optional(),
    departmentId: z.uuid().optional(),
    rule: RuleCode.optional(),
    status: z.enum(['open', 'closed', 'all']).default('open'),
    caseId: z.uuid().optional(),
    /** raised on or after this day (Beijing) */
    from: IsoDate.optional(),
    /** raised on or before this day (Beijing) */
    to: IsoDate.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type WarningQuery = z.infer<typeof WarningQuery>;
export const WarningView = z.object({
  id: z.string(),
  /** 监察编号 */
  no: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemName: z.string(),
  ruleCode: RuleCode,
  level: WarningLevel,
  detail: z.string(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type WarningView = z.infer<typeof WarningView>;
export const WarningList = z.object({ items: z.array(WarningView), total: z.number(), page: z.number() });
/** Per department: open warnings by level and by the two process rules, and its orders still waiting. */
export const DepartmentCounts = z.object({
  items: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      yellow: z.number(),
      red: z.number(),
      /** open 补正告知超时 warnings */
      supplementLate: z.number(),
      /** open 特别程序无理由 warnings */
      specialNoReason: z.number(),
      /** orders issued and not answered yet */
      openOrders: z.number(),
      /** of those, past their due day */
      overdueOrders: z.number(),
    }),
  ),
});

export const OrderState = z.enum(['issued', 'answered', 'closed']);
export const IssueOrderBody = z
  .object({
    caseId: z.uuid(),
    content: Text(2000),
    days: z.int().min(1).max(60).optional(),
    dueOn: IsoDate.optional(),
    warningId: z.uuid().optional(),
  })
  .strict()
  .refine((b) => (b.days === undefined) !== (b.dueOn === undefined), {
    message: '请给出督办期限：工作日天数或截止日期之一',
  });
export type IssueOrderBody = z.infer<typeof IssueOrderBody>;
export const AnswerBody = z.object({ answer: Text(2000) }).strict();
export const CloseBody = z.object({ result: Text(2000) }).strict();
export const IdParams = z.object({ id: z.uuid() }).strict();
export const OrderQuery = z
  .object({
    state: OrderState.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    caseId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type OrderQuery = z.infer<typeof OrderQuery>;
export const OrderView = z.object({
  id: z.string(),
  no: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemName: z.string(),
  warningId: z.string().nullable(),
  ruleCode: z.string().nullable(),
  level: z.string().nullable(),
  content: z.string(),
  dueOn: z.string(),
  state: OrderState,
  /** issued and past its due day, not answered */
  isOverdue: z.boolean(),
  /** answered after its due day */
  isAnsweredLate: z.boolean(),
  issuedByName: z.string(),
  issuedAt: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  result: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type OrderView = z.infer<typeof OrderView>;
export const OrderList = z.object({ items: z.array(OrderView), total: z.number(), page: z.number() });

/** One warning with its case's clock facts (applicant masked), the case's warning history and orders. */
export const WarningDetail = z.object({
  warning: WarningView,
  case: z.object({
    id: z.string(),
    caseNo: z.string(),
    itemName: z.string(),
    departmentName: z.string(),
    applicantNameMasked: z.string(),
    stateLabel: z.string(),
    isOpen: z.boolean(),
    receivedOn: z.string(),
    acceptedOn: z.string().nullable(),
    promisedDueOn: z.string().nullable(),
    legalDueOn: z.string().nullable(),
    promisedDays: z.number().nullable(),
    remainingDays: z.number().nullable(),
    legalRemainingDays: z.number().nullable(),
    isPaused: z.boolean(),
    supplementRequestedOn: z.string().nullable(),
    specials: z.array(z.object({ kind: z.string().nullable(), reason: z.string(), startedOn: z.string() })),
  }),
  history: z.array(WarningView),
  orders: z.array(OrderView),
});
export type WarningDetail = z.infer<typeof WarningDetail>;

/** GB/T 39046 Table 11 (电子监察): one row per warning or order of a case. */
export const Table11Row = z.object({
  监察编号: z.string(),
  办件编号: z.string(),
  督办内容: z.string().nullable(),
  机构名称: z.string(),
  督办发出时间: z.string().nullable(),
  监察规则编号: z.string().nullable(),
  监察预警类型代码: z.string().nullable(),
  状态产生时间: z.string(),
  监察结果描述: z.string().nullable(),
  责任部门: z.string(),
});
export const Table11 = z.object({ items: z.array(Table11Row) });
