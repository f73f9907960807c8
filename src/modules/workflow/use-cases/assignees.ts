// Whom the department admin may reassign a task to: active staff of the admin's own department holding
// the step's role (the same rule reassign() checks).
import type { Actor } from '../../../platform/http/access.ts';
import type { WorkflowDeps } from '../deps.ts';
import type { AssigneeList, StepRole } from '../schema.ts';

export async function assignees(deps: WorkflowDeps, actor: Actor, role: StepRole): Promise<AssigneeList> {
  if (!actor.departmentId) return { items: [] };
  const staff = await deps.identity.listStaff();
  const items = staff
    .filter((s) => !s.isDisabled && s.departmentId === actor.departmentId && s.roles.includes(role))
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { items };
}
