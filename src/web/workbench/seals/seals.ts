// The seal pages' shared pieces: the module's shapes and labels, each state's label and tone, the next
// step the service office owes a seal (its 待办), which actions a staff member may take in which state
// (the same rules as the seals module's routes and policy), and the paths of a seal's page and image.
import {
  SEAL_KIND_LABELS,
  SEAL_KINDS,
  SEAL_STATES,
  type SealAuthorizationView,
  type SealKind,
  type SealPublicView,
  type SealState,
  type SealView,
} from '../../../modules/seals/schema.ts';
import type { StaffRole } from '../../api.ts';
import type { Tone } from '../../common/StatusTag.tsx';

export type { SealAuthorizationView, SealKind, SealPublicView, SealState, SealView };
export { SEAL_KIND_LABELS, SEAL_KINDS, SEAL_STATES };

export type SealPublicKeys = SealPublicView & {
  sm2PublicKeyPem: string | null;
  certificatePem: string | null;
};

export const SEAL_STATE_LABELS: Record<SealState, string> = {
  applied: '待审核',
  approved: '待制作',
  rejected: '未通过',
  made: '待备案',
  filed: '待发放',
  issued: '已发放',
  lost: '已挂失',
  destroyed: '已销毁',
};

export const SEAL_TONE: Record<SealState, Tone> = {
  applied: 'warning',
  approved: 'warning',
  rejected: 'danger',
  made: 'warning',
  filed: 'warning',
  issued: 'success',
  lost: 'danger',
  destroyed: 'neutral',
};

/** 申请 → 审核通过 → 制作 → 备案 → 发放, and the other steps, as the history names them. */
export const STEP_LABELS: Record<string, string> = {
  'seal.apply': '申请',
  'seal.approve': '审核通过',
  'seal.reject': '审核不通过',
  'seal.make': '制作',
  'seal.file': '备案',
  'seal.issue': '发放',
  'seal.report_lost': '挂失',
  'seal.destroy': '销毁',
};

export type SealAction = 'review' | 'make' | 'file' | 'issue' | 'report-lost' | 'destroy';

/** The step the service office owes a seal in each state: its 待办. */
export const OFFICE_NEXT: Partial<Record<SealState, SealAction>> = {
  applied: 'review',
  approved: 'make',
  made: 'file',
  filed: 'issue',
};

export const ACTION_LABELS: Record<SealAction, string> = {
  review: '审核',
  make: '制作',
  file: '备案',
  issue: '发放',
  'report-lost': '挂失',
  destroy: '销毁',
};

const LOSABLE: SealState[] = ['made', 'filed', 'issued'];

export const isOfficeAdmin = (roles: readonly StaffRole[]) => roles.includes('office_admin');
export const isDeptAdmin = (roles: readonly StaffRole[]) => roles.includes('dept_admin');

/** What this staff member may do with the seal now, the office's next step first. */
export function actionsFor(
  seal: Pick<SealPublicView, 'state' | 'departmentId'>,
  roles: readonly StaffRole[],
  departmentId: string | null,
): SealAction[] {
  const isOffice = isOfficeAdmin(roles);
  const isOwnAdmin = isDeptAdmin(roles) && departmentId === seal.departmentId;
  const actions: SealAction[] = [];
  const next = OFFICE_NEXT[seal.state];
  if (isOffice && next) actions.push(next);
  if ((isOffice || isOwnAdmin) && LOSABLE.includes(seal.state)) actions.push('report-lost');
  if (isOffice && seal.state !== 'destroyed') actions.push('destroy');
  return actions;
}

/** 授权 and 撤销: the seal's own department admin, while the seal can still be used or become usable. */
export const canAuthorize = (
  seal: Pick<SealPublicView, 'state' | 'departmentId'>,
  roles: readonly StaffRole[],
  departmentId: string | null,
) =>
  isDeptAdmin(roles) &&
  departmentId === seal.departmentId &&
  !['rejected', 'lost', 'destroyed'].includes(seal.state);

/** The seal has an image once made (制作 draws it); destroyed seals keep theirs. */
export const hasImage = (state: SealState) =>
  ['made', 'filed', 'issued', 'lost', 'destroyed'].includes(state);

export const sealPath = (id: string) => `/workbench/seals/${id}`;
export const sealImage = (id: string, format: 'png' | 'svg' = 'png') => `/api/seals/${id}/image.${format}`;

/** The date part of a timestamp in the reader's calendar: 2026-11-22. */
export function day(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An authorisation as the table shows it: 有效, 已撤销 or 已过期. */
export function authorizationState(a: SealAuthorizationView, now = Date.now()): '有效' | '已撤销' | '已过期' {
  if (a.revokedAt) return '已撤销';
  return new Date(a.until).getTime() > now ? '有效' : '已过期';
}
