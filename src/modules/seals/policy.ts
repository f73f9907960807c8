// Who may do what with a seal (pure). Another department's seal is reported as not found (404), so
// staff cannot learn which seals other departments hold; a wrong role is refused at the route (403).
import type { Actor } from '../../platform/http/access.ts';

type SealScope = { department_id: string };

export const isOfficeAdmin = (actor: Actor | null): boolean =>
  actor?.kind === 'staff' && actor.roles.includes('office_admin');

const isOwnDepartment = (actor: Actor | null, seal: SealScope): boolean =>
  actor?.kind === 'staff' && actor.departmentId !== null && actor.departmentId === seal.department_id;

/** Sees the seal at all: the service office, or staff of the seal's department. */
export const canView = (actor: Actor | null, seal: SealScope): boolean =>
  isOfficeAdmin(actor) || isOwnDepartment(actor, seal);

/** 申请 / 授权: the department admin of the seal's department. */
export const canAdminister = (actor: Actor | null, seal: SealScope): boolean =>
  isOwnDepartment(actor, seal) && (actor?.roles.includes('dept_admin') ?? false);

/** 挂失: the department admin of the seal's department or the service office. */
export const canReportLost = (actor: Actor | null, seal: SealScope): boolean =>
  isOfficeAdmin(actor) || canAdminister(actor, seal);

/**
 * 用印: the platform itself (no actor), or staff of the seal's department who are authorised — when the
 * seal has active authorisations — or hold dept_admin / dept_head. Citizens never.
 */
export function canSign(actor: Actor | null, seal: SealScope, authorisedIds: readonly string[]): boolean {
  if (actor === null) return true;
  if (!isOwnDepartment(actor, seal)) return false;
  if (authorisedIds.length === 0) return true;
  return (
    authorisedIds.includes(actor.accountId) ||
    actor.roles.includes('dept_admin') ||
    actor.roles.includes('dept_head')
  );
}
