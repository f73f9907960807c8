// Who sees what in supervision: supervisors and the service office see every department; a
// department's head and admin see their own; staff without a department see nothing.
import type { Actor } from '../../platform/http/access.ts';

export const isOverseer = (a: Actor) => a.roles.includes('supervisor') || a.roles.includes('office_admin');
/** No department has the nil id: department staff without a department see nothing. */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';
/** null: every department; otherwise the one department the actor may see. */
export const scopeOf = (actor: Actor): string | null =>
  isOverseer(actor) ? null : (actor.departmentId ?? NO_DEPARTMENT);
export const canSeeDepartment = (actor: Actor, departmentId: string) =>
  isOverseer(actor) || actor.departmentId === departmentId;
/** The staff of a department who receive its supervision orders. */
export const ORDER_RECIPIENT_ROLES = ['dept_head', 'dept_admin'] as const;
