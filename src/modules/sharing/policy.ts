// Who may do what with a catalogued resource. Pure.
import type { Actor } from '../../platform/http/access.ts';

/** A department's data officer registers, edits and mounts its own department's resources. */
export const canEdit = (actor: Actor, resource: { department_id: string }) =>
  actor.roles.includes('data_officer') && actor.departmentId === resource.department_id;
/** The data bureau (数据局) reviews and publishes every department's resources. */
export const isReviewer = (actor: Actor) => actor.roles.includes('data_reviewer');
/** Drafts, submitted versions, loads and data previews: the provider's officers and the data bureau. */
export const canSeeWorking = (actor: Actor, resource: { department_id: string }) =>
  canEdit(actor, resource) || isReviewer(actor);
