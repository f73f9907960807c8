// Who may look across departments: supervisors and the service office see every department; other
// staff see their own; staff without a department see nothing. One rule for supervision, ratings,
// performance and analytics.

import type { RequestContext } from './context.ts';
import { errors } from './errors.ts';
import type { Actor } from './http/access.ts';

export const isOverseer = (a: Actor) =>
  a.kind === 'staff' && (a.roles.includes('supervisor') || a.roles.includes('office_admin'));

/** No department has the nil id: department staff without a department see nothing. */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/** null: every department; otherwise the one department the actor may see. */
export const departmentScope = (actor: Actor): string | null =>
  isOverseer(actor) ? null : (actor.departmentId ?? NO_DEPARTMENT);

export const canSeeDepartment = (actor: Actor, departmentId: string) =>
  isOverseer(actor) || actor.departmentId === departmentId;

/** The signed-in actor a verb acts for; 401 when the request has none. */
export function actorIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw errors.unauthenticated();
  return ctx.actor;
}
