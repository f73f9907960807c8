// The reviewers' inbox (待办): tasks of their department and roles, claimed (签收) and released, and
// reassigned by the department admin. Each change is audited in its own transaction.
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { actorIn } from '../../../platform/oversight.ts';
import type { WorkflowDeps } from '../deps.ts';
import { workflowErrors } from '../errors.ts';
import { type InboxQuery, type InboxView, StepRole, type TaskView } from '../schema.ts';
import * as store from '../store.ts';
import { toTaskView } from '../views.ts';
import { visibleTask } from './instances.ts';

function scopeOf(actor: Actor & { departmentId: string }): store.InboxScope {
  const roles = actor.roles.filter((r): r is StepRole => StepRole.safeParse(r).success);
  return { accountId: actor.accountId, departmentId: actor.departmentId, roles };
}

const EMPTY: InboxView = { items: [], total: 0, counts: { todo: 0, mine: 0, done: 0 } };

export async function inbox(deps: WorkflowDeps, actor: Actor, query: InboxQuery): Promise<InboxView> {
  if (!actor.departmentId) return EMPTY;
  const scope = scopeOf({ ...actor, departmentId: actor.departmentId });
  const { rows, total } = await store.inbox(deps.db, scope, {
    box: query.box,
    text: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const [todo, mine, done] = await Promise.all(
    (['todo', 'mine', 'done'] as const).map((box) => store.countBox(deps.db, scope, box)),
  );
  return {
    items: rows.map(toTaskView),
    total,
    counts: { todo: todo ?? 0, mine: mine ?? 0, done: done ?? 0 },
  };
}

async function change(
  deps: WorkflowDeps,
  ctx: RequestContext,
  taskId: string,
  apply: (tx: Tx, actor: Actor, task: store.TaskRow) => Promise<{ action: string; summary?: object }>,
): Promise<TaskView> {
  const actor = actorIn(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const seen = await visibleTask(tx, actor, taskId);
    await store.lockInstance(tx, seen.instance_id);
    const task = await store.lockTask(tx, taskId);
    if (!task) throw workflowErrors.taskNotFound();
    const { action, summary } = await apply(tx, actor, task);
    await deps.audit.record(tx, ctx, {
      action: `workflow.task.${action}`,
      subjectType: 'task',
      subjectId: taskId,
      summary: { subjectId: seen.subject_id, ...summary },
    });
    await emit(tx, `workflow.task.${action}`, { taskId, subjectId: seen.subject_id });
    const updated = await store.findTask(tx, taskId);
    if (!updated) throw workflowErrors.taskNotFound();
    return toTaskView(updated);
  });
}

/** 签收: the task becomes the actor's; someone else's claim or a finished task → 409. */
export function claim(deps: WorkflowDeps, ctx: RequestContext, taskId: string): Promise<TaskView> {
  return change(deps, ctx, taskId, async (tx, actor, task) => {
    if (task.state === 'done' || task.state === 'cancelled') throw workflowErrors.taskClosed();
    if (task.state === 'claimed') {
      if (task.assignee_id === actor.accountId) return { action: 'claim' };
      throw workflowErrors.taskClaimed();
    }
    const siblings = await store.stepTasks(tx, task.instance_id, task.round, task.step_index);
    if (siblings.some((s) => s.id !== task.id && s.assignee_id === actor.accountId)) {
      throw workflowErrors.alreadySigned();
    }
    const now = deps.clock.now();
    await store.updateTask(tx, task.id, {
      state: 'claimed',
      assignee_id: actor.accountId,
      assignee_name: actor.displayName,
      claimed_at: now,
    });
    return { action: 'claim' };
  });
}

/** 退回待办池: only the holder releases a claimed task. */
export function release(deps: WorkflowDeps, ctx: RequestContext, taskId: string): Promise<TaskView> {
  return change(deps, ctx, taskId, async (tx, actor, task) => {
    if (task.state === 'done' || task.state === 'cancelled') throw workflowErrors.taskClosed();
    if (task.state !== 'claimed' || task.assignee_id !== actor.accountId)
      throw workflowErrors.notClaimedByYou();
    await store.updateTask(tx, task.id, {
      state: 'open',
      assignee_id: null,
      assignee_name: null,
      claimed_at: null,
    });
    return { action: 'release' };
  });
}

/** 改派: the department admin gives an open or claimed task to a colleague holding the step's role. */
export async function reassign(
  deps: WorkflowDeps,
  ctx: RequestContext,
  taskId: string,
  input: { staffId: string; reason: string },
): Promise<TaskView> {
  const admin = actorIn(ctx);
  const staff = (await deps.identity.listStaff()).find((s) => s.id === input.staffId);
  return deps.db.transaction().execute(async (tx) => {
    const task = await store.findTask(tx, taskId);
    if (!task || task.department_id !== admin.departmentId) throw workflowErrors.taskNotFound();
    await store.lockInstance(tx, task.instance_id);
    const locked = await store.lockTask(tx, taskId);
    if (!locked || locked.state === 'done' || locked.state === 'cancelled') throw workflowErrors.taskClosed();
    if (
      !staff ||
      staff.isDisabled ||
      staff.departmentId !== admin.departmentId ||
      !staff.roles.includes(locked.role)
    ) {
      throw workflowErrors.assigneeInvalid();
    }
    const siblings = await store.stepTasks(tx, locked.instance_id, locked.round, locked.step_index);
    if (siblings.some((s) => s.id !== locked.id && s.assignee_id === staff.id))
      throw workflowErrors.alreadySigned();
    await store.updateTask(tx, taskId, {
      state: 'claimed',
      assignee_id: staff.id,
      assignee_name: staff.name,
      claimed_at: deps.clock.now(),
    });
    await deps.audit.record(tx, ctx, {
      action: 'workflow.task.reassign',
      subjectType: 'task',
      subjectId: taskId,
      summary: { subjectId: task.subject_id, from: locked.assignee_id, to: staff.id, reason: input.reason },
    });
    await emit(tx, 'workflow.task.reassigned', { taskId, subjectId: task.subject_id, to: staff.id });
    const updated = await store.findTask(tx, taskId);
    if (!updated) throw workflowErrors.taskNotFound();
    return toTaskView(updated);
  });
}

/** The department admin's view of every open task of the department (for reassignment). */
export async function departmentTasks(
  deps: WorkflowDeps,
  actor: Actor,
  query: InboxQuery,
): Promise<InboxView> {
  if (!actor.departmentId) return EMPTY;
  const scope: store.InboxScope = {
    accountId: '00000000-0000-0000-0000-000000000000',
    departmentId: actor.departmentId,
    roles: StepRole.options,
  };
  const { rows, total } = await store.inbox(deps.db, scope, {
    box: 'department',
    text: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toTaskView), total, counts: { todo: total, mine: 0, done: 0 } };
}
