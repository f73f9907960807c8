// Cases (办件) and review tasks as the pages read them: response types from the cases, workflow and files
// schemas (type-only imports, nothing from the server is bundled), the Chinese wording of their codes,
// and small formatting helpers shared by the portal and the workbench.
import type { z } from 'zod';
import type {
  CasePage as CasePageSchema,
  CaseState,
  CaseSummary,
  CaseView,
  ClockView,
  Contact,
  DeliveryMethod,
  DraftInput,
  DraftView,
  FormData,
  FormSchema,
  MaterialInput,
  PublicCaseView,
  SpecialKind,
} from '../../modules/cases/schema.ts';
import type { AllowedMediaType, FileView } from '../../modules/files/schema.ts';
import type {
  InboxBox,
  InboxView,
  ProcessDefinition,
  ProcessStep,
  ProcessView,
  StepRole,
  TaskAction,
  TaskView,
} from '../../modules/workflow/schema.ts';
import type { Tone } from './StatusTag.tsx';

export type {
  CaseState,
  CaseSummary,
  CaseView,
  ClockView,
  Contact,
  DeliveryMethod,
  DraftInput,
  DraftView,
  FileView,
  FormData,
  FormSchema,
  InboxBox,
  InboxView,
  MaterialInput,
  ProcessDefinition,
  ProcessStep,
  ProcessView,
  StepRole,
  TaskAction,
  TaskView,
};
export type FormField = FormSchema['properties'][string];
export type CasePage = z.infer<typeof CasePageSchema>;
export type PublicCase = z.infer<typeof PublicCaseView>;
export type TimelineEntry = CaseView['timeline'][number];
export type CaseMaterial = CaseView['materials'][number];

/** GET /api/cases/forms/:implementationId — the item's form and material list. */
export type ItemForm = {
  implementationId: string;
  versionId: string;
  itemName: string;
  departmentName: string;
  isInstant: boolean;
  promisedLimitDays: number | null;
  serves: string[];
  formSchema: FormSchema;
  materials: Array<{
    name: string;
    isRequired: boolean;
    form: string;
    copies: number;
    licenseType: string | null;
    note: string;
  }>;
};
export type ItemFormMaterial = ItemForm['materials'][number];

/** A file of a case's material with a short-lived (5 min) download link made for the caller. */
export type CaseFile = CaseMaterial['files'][number];

export const STATE_TONE: Record<CaseState, Tone> = {
  submitted: 'info',
  supplementing: 'warning',
  refused: 'danger',
  returned: 'neutral',
  reviewing: 'info',
  special: 'warning',
  decided: 'success',
  concluded: 'success',
  withdrawn: 'neutral',
};

export const CASE_STATES = [
  'submitted',
  'supplementing',
  'reviewing',
  'special',
  'decided',
  'concluded',
  'refused',
  'returned',
  'withdrawn',
] as const satisfies readonly CaseState[];

/** The same wording as the server's CASE_STATE_LABELS (for filters; views carry their own label). */
export const STATE_LABEL: Record<CaseState, string> = {
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

export const DELIVERY_LABEL: Record<DeliveryMethod, string> = {
  window: '窗口领取',
  post: '邮寄送达',
  online: '电子送达',
};

export const TASK_ACTION_LABEL: Record<TaskAction, string> = {
  pass: '通过',
  return: '退回',
  approve: '准予许可',
  deny: '不予许可',
};

export const STEP_ROLE_LABEL: Record<StepRole, string> = { reviewer: '审批人员', dept_head: '审批负责人' };

export const SPECIAL_KINDS = [
  '听证',
  '招标',
  '拍卖',
  '检验',
  '检测',
  '检疫',
  '鉴定',
  '专家评审',
  '现场核查',
] as const satisfies readonly SpecialKind[];

/** The upload rules of the files module (MAX_FILE_BYTES, ALLOWED_MEDIA_TYPES); a unit test keeps them equal. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_TYPES: Record<AllowedMediaType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/ofd': ['.ofd'],
};
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';

/** 1.2 MB, 35 KB, 800 B. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The remaining-days figure in words: 剩余 3 个工作日, 已超期 2 个工作日, or null before acceptance. */
export function remainingText(remainingDays: number | null, isOverdue: boolean): string | null {
  if (remainingDays === null) return null;
  if (isOverdue || remainingDays < 0) return `已超期 ${Math.abs(remainingDays)} 个工作日`;
  return `剩余 ${remainingDays} 个工作日`;
}

/** A list row's clock is stopped while the case waits for a supplement or a special procedure after
 * acceptance (the case page's ClockView says so itself). */
export const isPausedSummary = (c: Pick<CaseSummary, 'state' | 'remainingDays'>) =>
  (c.state === 'supplementing' || c.state === 'special') && c.remainingDays !== null;

export const casePath = (id: string) => `/mine/cases/${id}`;
export const workbenchCasePath = (id: string) => `/workbench/cases/${id}`;
export const applyPath = (implementationId: string, draftId?: string) =>
  draftId ? `/apply/${implementationId}?draft=${draftId}` : `/apply/${implementationId}`;

/** An Idempotency-Key for one submission attempt (kept and reused when the same attempt is retried). */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // plain-HTTP pages (no secure context) lack randomUUID: 16 random bytes as a v4 UUID
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
