// workflow: the review after acceptance — process definitions per implementation (steps, roles,
// countersign, conditions, step deadlines), one instance per case with its tasks, the reviewers' inbox
// (claim, release, reassign). Owns schema `workflow`. Calls audit, catalog (the implementation's owner)
// and identity (staff for reassignment); knows cases only as opaque subject ids.
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { WorkflowDeps } from './deps.ts';
import type { ActInput, InboxQuery, ProcessDefinition, StepRole } from './schema.ts';
import * as assignees from './use-cases/assignees.ts';
import * as inbox from './use-cases/inbox.ts';
import * as instances from './use-cases/instances.ts';
import * as processes from './use-cases/processes.ts';

export type { WorkflowDeps } from './deps.ts';
export { workflowRoutes } from './routes.ts';
export { ActBody, type ActInput, type ProcessDefinition, type TaskView } from './schema.ts';
export type { ActOutcome, StartInput } from './use-cases/instances.ts';

export function createWorkflow(deps: WorkflowDeps) {
  return {
    // ── called by cases inside its transaction ──
    processFor: (implementationId: string, promisedDays: number | null) =>
      processes.processFor(deps, implementationId, promisedDays),
    start: (tx: Tx, input: instances.StartInput) => instances.startInstance(deps, tx, input),
    act: (tx: Tx, ctx: RequestContext, actor: Actor, subjectId: string, taskId: string, input: ActInput) =>
      instances.act(deps, tx, ctx, actor, subjectId, taskId, input),
    cancel: (tx: Tx, subjectId: string) => instances.cancelInstance(deps, tx, subjectId),
    tasksOf: (subjectId: string) => instances.tasksOf(deps, subjectId),

    // ── the inbox ──
    inbox: (actor: Actor, query: InboxQuery) => inbox.inbox(deps, actor, query),
    departmentTasks: (actor: Actor, query: InboxQuery) => inbox.departmentTasks(deps, actor, query),
    claim: (ctx: RequestContext, taskId: string) => inbox.claim(deps, ctx, taskId),
    release: (ctx: RequestContext, taskId: string) => inbox.release(deps, ctx, taskId),
    reassign: (ctx: RequestContext, taskId: string, input: { staffId: string; reason: string }) =>
      inbox.reassign(deps, ctx, taskId, input),
    assignees: (actor: Actor, role: StepRole) => assignees.assignees(deps, actor, role),

    // ── the process editor ──
    getProcess: (ctx: RequestContext, implementationId: string) =>
      processes.getProcess(deps, ctx, implementationId),
    saveProcess: (ctx: RequestContext, implementationId: string, definition: ProcessDefinition) =>
      processes.saveProcess(deps, ctx, implementationId, definition),
  };
}
export type WorkflowModule = ReturnType<typeof createWorkflow>;
