// Case (办件) request/response shapes, states and code lists. Pure zod, shared with the web front end.
import { z } from 'zod';
import { FormSchema } from './form-schema.ts';

export { FormSchema } from './form-schema.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** The internal state machine (STANDARDS §5 recommendation); drafts live apart until submitted. */
export const CaseState = z.enum([
  'submitted',
  'supplementing',
  'refused',
  'returned',
  'reviewing',
  'special',
  'decided',
  'concluded',
  'withdrawn',
]);
export type CaseState = z.infer<typeof CaseState>;
export const CASE_STATE_LABELS: Record<CaseState, string> = {
  submitted: '已申报',
  supplementing: '补正中',
  refused: '不予受理',
  returned: '已退件',
  reviewing: '审查中',
  special: '特别程序中',
  decided: '已决定',
  concluded: '已办结',
  withdrawn: '已撤回',
};
/** States in which the applicant may still withdraw (before a decision). */
export const WITHDRAWABLE: readonly CaseState[] = ['submitted', 'supplementing', 'reviewing', 'special'];

export const DeliveryMethod = z.enum(['window', 'post', 'online']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export const DELIVERY_LABELS: Record<DeliveryMethod, string> = {
  window: '窗口领取',
  post: '邮寄送达',
  online: '电子送达',
};

/** 特别程序 kinds (行政许可法 art. 45); GB/T 39046 A.7 code 2 "除延长审批之外的情况". Extension is code 1. */
export const SpecialKind = z.enum([
  '听证',
  '招标',
  '拍卖',
  '检验',
  '检测',
  '检疫',
  '鉴定',
  '专家评审',
  '现场核查',
]);
export type SpecialKind = z.infer<typeof SpecialKind>;

// ── requests ─────────────────────────────────────────────────────────────────────────────────────────

export const MAX_FILES_PER_MATERIAL = 20;
export const MaterialInput = z
  .object({
    name: Text(200),
    fileIds: z.array(z.uuid()).max(MAX_FILES_PER_MATERIAL).default([]),
    /** an e-license offered in place of the paper (免提交); verified once the licenses module lands */
    licenseRef: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .strict();
export type MaterialInput = z.infer<typeof MaterialInput>;

export const Contact = z
  .object({
    name: Text(50),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码'),
    address: Text(200),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '邮政编码为 6 位数字')
      .nullable()
      .default(null),
  })
  .strict();
export type Contact = z.infer<typeof Contact>;

export const FormData = z.record(
  z.string().max(40),
  z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]),
);
export type FormData = z.infer<typeof FormData>;

export const SubmitBody = z
  .object({
    implementationId: z.uuid(),
    form: FormData,
    materials: z.array(MaterialInput).max(100),
    contact: Contact,
    deliveryMethod: DeliveryMethod,
    draftId: z.uuid().nullable().default(null),
  })
  .strict();
export type SubmitInput = z.infer<typeof SubmitBody>;

/** A bundle (一件事): the members to include beyond the required ones, one merged form and material list. */
export const BundleSubmitBody = z
  .object({
    bundleId: z.uuid(),
    division: z
      .string()
      .regex(/^\d{6}(\d{3})?$/)
      .default('411500'),
    optionalItemIds: z.array(z.uuid()).max(20).default([]),
    form: FormData,
    materials: z.array(MaterialInput).max(100),
    contact: Contact,
    deliveryMethod: DeliveryMethod,
  })
  .strict();
export type BundleSubmitInput = z.infer<typeof BundleSubmitBody>;

/** A walk-in applicant at the window (一窗受理): the clerk enters who applies. */
export const WindowApplicant = z
  .object({
    kind: z.enum(['citizen', 'enterprise']),
    name: Text(100),
    /** 公民身份号码 for a citizen, 统一社会信用代码 for an enterprise */
    idNumber: z.string().trim().min(15).max(18),
  })
  .strict();
export const WindowSubmitBody = SubmitBody.omit({ draftId: true })
  .extend({ applicant: WindowApplicant })
  .strict();
export type WindowSubmitInput = z.infer<typeof WindowSubmitBody>;

export const DraftBody = z
  .object({
    implementationId: z.uuid(),
    form: FormData,
    materials: z.array(MaterialInput).max(100),
    contact: Contact.partial().default({}),
    deliveryMethod: DeliveryMethod.nullable().default(null),
  })
  .strict();
export type DraftInput = z.infer<typeof DraftBody>;

export const NoteBody = z.object({ note: z.string().trim().max(1000).default('') }).strict();
export const ReasonBody = z.object({ reason: Text(1000) }).strict();
export const RefuseBody = z.object({ reason: Text(1000), basis: Text(500) }).strict();
export const SupplementBody = z
  .object({
    items: z
      .array(z.object({ name: Text(200), reason: Text(500) }).strict())
      .min(1)
      .max(50),
    note: z.string().trim().max(1000).default(''),
  })
  .strict();
export type SupplementInput = z.infer<typeof SupplementBody>;
export const SupplyBody = z.object({ materials: z.array(MaterialInput).min(1).max(50) }).strict();
export const SpecialStartBody = z.object({ kind: SpecialKind, reason: Text(1000) }).strict();
export const SpecialEndBody = z.object({ result: Text(2000) }).strict();
export const ExtendBody = z.object({ days: z.int().min(1).max(30), reason: Text(1000) }).strict();
export const ConcludeBody = z.object({ note: z.string().trim().max(1000).default('') }).strict();

export const CaseIdParams = z.object({ id: z.uuid() }).strict();

/** The window's written notices (行政许可法 art. 32): 受理、一次性告知补正、不予受理. */
export const NoticeKind = z.enum(['acceptance', 'supplement', 'refusal']);
export type NoticeKind = z.infer<typeof NoticeKind>;
export const NOTICE_TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  supplement: '补正材料通知书',
  refusal: '不予受理通知书',
};
export const NoticeParams = z.object({ id: z.uuid(), kind: NoticeKind }).strict();
export const CaseTaskParams = z.object({ id: z.uuid(), taskId: z.uuid() }).strict();
export const CaseListQuery = z
  .object({
    state: CaseState.optional(),
    q: z.string().trim().max(50).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const PublicLookupQuery = z.object({ caseNo: Text(50), name: Text(100) }).strict();

// ── views ──────────────────────────────────────────────────────────────────────────────────────────

export const ClockView = z.object({
  acceptedOn: z.string().nullable(),
  legalDueOn: z.string().nullable(),
  promisedDueOn: z.string().nullable(),
  /** working days left before the promised deadline (negative when overdue); null before acceptance */
  remainingDays: z.int().nullable(),
  legalRemainingDays: z.int().nullable(),
  isPaused: z.boolean(),
  isOverdue: z.boolean(),
  extensionDays: z.int(),
  pausedDays: z.int(),
  /** 一次性告知 deadline: the supplement notice is due within 5 working days of receipt */
  noticeDueOn: z.string(),
});
export type ClockView = z.infer<typeof ClockView>;

export const CaseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  applicantName: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  channel: z.enum(['online', 'window']),
  submittedAt: z.string(),
  isBundle: z.boolean(),
  remainingDays: z.int().nullable(),
  isOverdue: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CasePage = z.object({ items: z.array(CaseSummary), total: z.int() });

export const TimelineEntry = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: CaseState.nullable(),
  toState: CaseState,
  opinion: z.string().nullable(),
});

export const MaterialView = z.object({
  id: z.string(),
  name: z.string(),
  isRequired: z.boolean(),
  fileIds: z.array(z.string()),
  /** the files with short-lived download links made for the caller */
  files: z.array(
    z.object({ id: z.string(), name: z.string(), size: z.int(), mediaType: z.string(), url: z.string() }),
  ),
  licenseRef: z.string().nullable(),
  round: z.int(),
  providedAt: z.string(),
});

export const SupplementView = z.object({
  id: z.string(),
  items: z.array(z.object({ name: z.string(), reason: z.string() })),
  note: z.string(),
  requestedAt: z.string(),
  answeredAt: z.string().nullable(),
});

export const ClockStopView = z.object({
  kind: z.enum(['supplement', 'special', 'extension']),
  /** GB/T 39046 A.7: 1 延长审批, 2 除延长审批之外的情况 */
  a7Code: z.enum(['1', '2']).nullable(),
  specialKind: z.string().nullable(),
  reason: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  pausedDays: z.int().nullable(),
  result: z.string().nullable(),
});

export const CaseView = CaseSummary.extend({
  parentId: z.string().nullable(),
  children: z.array(CaseSummary),
  implementationId: z.string(),
  versionId: z.string(),
  basicCode: z.string(),
  implementationCode: z.string(),
  departmentId: z.string(),
  divisionCode: z.string(),
  isInstant: z.boolean(),
  legalLimitDays: z.int().nullable(),
  promisedLimitDays: z.int().nullable(),
  applicant: z.object({
    kind: z.enum(['citizen', 'enterprise']),
    name: z.string(),
    idType: z.string(),
    idNumberMasked: z.string(),
    contactName: z.string(),
    contactPhoneMasked: z.string(),
    address: z.string(),
    postcode: z.string().nullable(),
  }),
  deliveryMethod: DeliveryMethod,
  form: FormData,
  formSchema: FormSchema,
  materials: z.array(MaterialView),
  supplement: SupplementView.nullable(),
  clock: ClockView,
  clockStops: z.array(ClockStopView),
  acceptanceDocNo: z.string().nullable(),
  decision: z.enum(['approved', 'denied']).nullable(),
  decisionReason: z.string().nullable(),
  resultName: z.string().nullable(),
  refusal: z.object({ reason: z.string(), basis: z.string() }).nullable(),
  closedReason: z.string().nullable(),
  concludedAt: z.string().nullable(),
  timeline: z.array(TimelineEntry),
  /** what the caller may do now (buttons in the web) */
  allowed: z.array(z.string()),
});
export type CaseView = z.infer<typeof CaseView>;

export const PublicCaseView = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  applicantNameMasked: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  submittedAt: z.string(),
  promisedDueOn: z.string().nullable(),
  remainingDays: z.int().nullable(),
  timeline: z.array(z.object({ at: z.string(), actionLabel: z.string(), stateLabel: z.string() })),
});

export const DraftView = z.object({
  id: z.string(),
  implementationId: z.string(),
  content: DraftBody,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DraftView = z.infer<typeof DraftView>;

export const SubmitResult = z.object({ case: CaseView, isReplay: z.boolean() });
