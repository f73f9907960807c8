// Request and response shapes of ratings (好差评) and rectification orders; pure zod, shared with the web.
import { z } from 'zod';
import { IsoDate } from '../../../platform/standards/date.ts';
import { CHANNEL_CODES, EVENT_KINDS, LINK_CHANNELS, PORTAL_CHANNELS } from './levels.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const RATING_TEXT_MAX = 500;
export const LevelCode = z.int().min(1).max(5);
export const ChannelSchema = z.enum(CHANNEL_CODES as [string, ...string[]]);
export const EventKindSchema = z.enum(Object.keys(EVENT_KINDS) as [keyof typeof EVENT_KINDS]);

export const RateBody = z
  .object({
    /** GB/T 39046 A.8 code: 1 非常满意 … 5 非常不满意 */
    level: LevelCode,
    text: z.string().trim().max(RATING_TEXT_MAX).optional(),
    channel: z.enum(PORTAL_CHANNELS as [string, ...string[]]).default('1'),
  })
  .strict();
export type RateBody = z.infer<typeof RateBody>;
export const AmendBody = z
  .object({ level: LevelCode, text: z.string().trim().max(RATING_TEXT_MAX).optional() })
  .strict();
export type AmendBody = z.infer<typeof AmendBody>;
export const LinkRateBody = AmendBody;

export const CaseParams = z.object({ caseId: z.uuid() }).strict();
export const CaseEventParams = z.object({ caseId: z.uuid(), eventId: z.uuid() }).strict();
export const IdParams = z.object({ id: z.uuid() }).strict();
export const TokenParams = z.object({ token: z.string().min(10).max(400) }).strict();

export const RectificationState = z.enum(['verify', 'rectify', 'reply', 'visit', 'visited', 'closed']);
export type RectificationState = z.infer<typeof RectificationState>;
export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  verify: '待核实',
  rectify: '待整改',
  reply: '待答复',
  visit: '待回访',
  visited: '待办结',
  closed: '已办结',
};
export const AppealState = z.enum(['pending', 'upheld', 'rejected']);
export const APPEAL_STATE_LABELS = { pending: '申诉待审', upheld: '申诉成立', rejected: '申诉驳回' } as const;

/** What the applicant sees of the rectification that followed their bad rating. */
export const RectificationOutcome = z.object({
  id: z.string(),
  no: z.string(),
  state: RectificationState,
  stateLabel: z.string(),
  outcome: z.enum(['rectified', 'appeal_upheld']).nullable(),
  dueOn: z.string(),
  reply: z.string().nullable(),
  visitResult: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const RatingView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  eventId: z.string(),
  eventKind: EventKindSchema,
  eventKindLabel: z.string(),
  channel: ChannelSchema,
  channelLabel: z.string(),
  level: LevelCode,
  levelLabel: z.string(),
  previousLevel: LevelCode.nullable(),
  text: z.string().nullable(),
  /** 评价次数 */
  times: z.number(),
  canAmend: z.boolean(),
  raterName: z.string(),
  ratedAt: z.string(),
  amendedAt: z.string().nullable(),
  isExcluded: z.boolean(),
  rectification: RectificationOutcome.nullable(),
});
export type RatingView = z.infer<typeof RatingView>;

export const RatableEvent = z.object({
  eventId: z.string(),
  kind: EventKindSchema,
  kindLabel: z.string(),
  at: z.string(),
  rating: RatingView.nullable(),
});
export const CaseRatings = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  events: z.array(RatableEvent),
});
export type CaseRatings = z.infer<typeof CaseRatings>;

export const LinkBody = z
  .object({
    caseId: z.uuid(),
    eventId: z.uuid(),
    channel: z.enum(LINK_CHANNELS as [string, ...string[]]).default('3'),
  })
  .strict();
export type LinkBody = z.infer<typeof LinkBody>;
export const LinkView = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
/** What the public rating page shows for a link: the one event, no personal data beyond a masked name. */
export const LinkEventView = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  applicantName: z.string(),
  eventKind: EventKindSchema,
  eventKindLabel: z.string(),
  eventAt: z.string(),
  channel: ChannelSchema,
  expiresAt: z.string(),
  rating: RatingView.nullable(),
});

// ── rectification orders ──
export const VerifyBody = z.object({ finding: Text(2000) }).strict();
export const RectifyBody = z.object({ measures: Text(2000) }).strict();
export const ReplyBody = z.object({ reply: Text(2000) }).strict();
export const VisitBody = z.object({ result: Text(2000), isSatisfied: z.boolean() }).strict();
export const CloseBody = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export const AppealBody = z.object({ reason: Text(2000) }).strict();
export const DecideBody = z.object({ isUpheld: z.boolean(), decision: Text(2000) }).strict();
export const RectificationQuery = z
  .object({
    state: z.enum(['open', 'closed', 'all']).default('open'),
    overdue: z.enum(['true', 'false']).optional(),
    appeal: AppealState.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type RectificationQuery = z.infer<typeof RectificationQuery>;
export const StepView = z.object({
  step: z.string(),
  content: z.string(),
  byName: z.string(),
  at: z.string(),
});
export const RectificationView = z.object({
  id: z.string(),
  no: z.string(),
  ratingId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemName: z.string(),
  level: LevelCode,
  levelLabel: z.string(),
  ratingText: z.string().nullable(),
  eventKindLabel: z.string(),
  state: RectificationState,
  stateLabel: z.string(),
  outcome: z.enum(['rectified', 'appeal_upheld']).nullable(),
  dueOn: z.string(),
  isOverdue: z.boolean(),
  openedAt: z.string(),
  finding: z.string().nullable(),
  measures: z.string().nullable(),
  reply: z.string().nullable(),
  visitResult: z.string().nullable(),
  isVisitSatisfied: z.boolean().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  appealState: AppealState.nullable(),
  appealReason: z.string().nullable(),
  appealDecision: z.string().nullable(),
  steps: z.array(StepView),
});
export type RectificationView = z.infer<typeof RectificationView>;
export const RectificationList = z.object({
  items: z.array(RectificationView),
  total: z.number(),
  page: z.number(),
});

export const SettingsView = z.object({ rectifyDays: z.number() });
export const SettingsBody = z.object({ rectifyDays: z.int().min(1).max(60) }).strict();

// ── public statistics ──
export const StatsQuery = z
  .object({
    by: z.enum(['department', 'item']).default('department'),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .strict();
export type StatsQuery = z.infer<typeof StatsQuery>;
export const StatsRow = z.object({
  id: z.string(),
  name: z.string(),
  departmentName: z.string(),
  /** ratings per A.8 code, "1" … "5" */
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  bad: z.number(),
  /** (非常满意 + 满意 + 基本满意) / total, 0–1; null without ratings */
  satisfactionRate: z.number().nullable(),
  /** bad ratings whose order closed after a return visit / bad ratings; null without bad ratings */
  rectificationRate: z.number().nullable(),
});
export const StatsView = z.object({ by: z.enum(['department', 'item']), items: z.array(StatsRow) });

/** GB/T 39046 Table 9 (评价信息): one row per rating of a case. */
export const Table9Row = z.object({
  办件编号: z.string(),
  评价渠道: z.string(),
  评价渠道代码: z.string(),
  评价人: z.string(),
  评价时间: z.string(),
  评价次数: z.number(),
  满意度: z.string(),
  满意度代码: z.string(),
  文字评价: z.string().nullable(),
  行政区划: z.string(),
});
export const Table9 = z.object({ items: z.array(Table9Row) });
