// Process definitions: each implementation runs the default review unless its department admin saved
// its own. Reading is open to the department's staff; saving is the owning department admin's, audited.
import type { RequestContext } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { emit } from '../../../platform/events.ts';
import type { WorkflowDeps } from '../deps.ts';
import { workflowErrors } from '../errors.ts';
import { defaultProcess } from '../process.ts';
import type { ProcessDefinition, ProcessView } from '../schema.ts';
import * as store from '../store.ts';

/** The process a new case of this implementation starts with. */
export async function processFor(
  deps: WorkflowDeps,
  implementationId: string,
  promisedDays: number | null,
): Promise<ProcessDefinition> {
  const saved = await store.findProcess(deps.db, implementationId);
  return saved?.definition ?? defaultProcess(promisedDays);
}

async function ownerOf(deps: WorkflowDeps, implementationId: string) {
  const guide = await deps.catalog.getGuide(implementationId);
  return { departmentId: guide.department.id, promised: guide.version.content.promisedLimitDays };
}

export async function getProcess(
  deps: WorkflowDeps,
  ctx: RequestContext,
  implementationId: string,
): Promise<ProcessView> {
  const owner = await ownerOf(deps, implementationId);
  if (ctx.actor?.departmentId !== owner.departmentId) throw workflowErrors.notDepartmentAdmin();
  const saved = await store.findProcess(deps.db, implementationId);
  return {
    implementationId,
    departmentId: owner.departmentId,
    isDefault: !saved,
    revision: saved?.revision ?? 0,
    definition: saved?.definition ?? defaultProcess(owner.promised),
    updatedAt: saved?.updated_at.toISOString() ?? null,
  };
}

export async function saveProcess(
  deps: WorkflowDeps,
  ctx: RequestContext,
  implementationId: string,
  definition: ProcessDefinition,
): Promise<ProcessView> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const owner = await ownerOf(deps, implementationId);
  if (!actor.roles.includes('dept_admin') || actor.departmentId !== owner.departmentId) {
    throw workflowErrors.notDepartmentAdmin();
  }
  const saved = await deps.db.transaction().execute(async (tx) => {
    const row = await store.saveProcess(tx, {
      implementation_id: implementationId,
      department_id: owner.departmentId,
      definition,
      updated_by: actor.accountId,
      now: deps.clock.now(),
    });
    await deps.audit.record(tx, ctx, {
      action: 'workflow.process.save',
      subjectType: 'process',
      subjectId: implementationId,
      summary: { revision: row.revision, steps: definition.steps.map((s) => `${s.name}×${s.signers}`) },
    });
    await emit(tx, 'workflow.process.saved', { implementationId, revision: row.revision });
    return row;
  });
  return {
    implementationId,
    departmentId: owner.departmentId,
    isDefault: false,
    revision: saved.revision,
    definition: saved.definition,
    updatedAt: saved.updated_at.toISOString(),
  };
}
