// Who may see and act on a case. Outsiders get "not found", never "forbidden", so a case id reveals
// nothing (RELIABILITY Z3).
import type { Actor, StaffRole } from '../../platform/http/access.ts';
import type { CaseRow } from './store.ts';

const DEPARTMENT_ROLES: readonly StaffRole[] = ['window_clerk', 'reviewer', 'dept_head', 'dept_admin'];

/** The applicant's side: the citizen's own cases, or their enterprise's while acting for it. */
export function isApplicantOf(
  actor: Actor,
  c: Pick<CaseRow, 'applicant_account_id' | 'enterprise_id' | 'filed_by'>,
) {
  if (actor.kind !== 'citizen') return false;
  if (c.enterprise_id) return actor.enterpriseId === c.enterprise_id;
  return c.applicant_account_id === actor.accountId && actor.enterpriseId === null;
}

/** Staff of the handling department, and the clerk who filed it at a window. */
export function isHandlerOf(actor: Actor, c: Pick<CaseRow, 'department_id' | 'filed_by'>) {
  if (actor.kind !== 'staff') return false;
  if (c.filed_by === actor.accountId) return true;
  return actor.departmentId === c.department_id && actor.roles.some((r) => DEPARTMENT_ROLES.includes(r));
}

export const canSee = (actor: Actor, c: CaseRow) => isApplicantOf(actor, c) || isHandlerOf(actor, c);

export const hasRole = (actor: Actor, ...roles: StaffRole[]) =>
  actor.kind === 'staff' && roles.some((r) => actor.roles.includes(r));
