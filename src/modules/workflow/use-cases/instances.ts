// A case's run through its process: started when the case is accepted, advanced by the reviewers'
// actions, finished by the decision or cancelled. The caller (cases) holds its own row lock and passes
// its transaction, so the case and its tasks change together or not at all.
import { addWorkingDays } from '../../../platform/calendar.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import type { WorkflowDeps } from '../deps.ts';
import { workflowErrors } from '../errors.ts';
import { nextStep, previousStep } from '../process.ts';
import type { ActInput, ProcessDefinition, ProcessStep, StepRole, TaskView } from '../schema.ts';
import * as store from '../store.ts';
import { toTaskView } from '../views.ts';

export type StartInput = {
  subjectId: string;
  departmentId: string;
  definition: ProcessDefinition;
  context: store.InstanceContext;
  subject: store.InstanceSubject;
};

/** Opens the tasks of one step: one per countersign slot, due after the step's working days. */
async function openStep(
  deps: WorkflowDeps,
  tx: Tx,
  instance: store.InstanceRow,
  index: number,
  round: number,
) {
  const step = instance.definition.steps[index] as ProcessStep;
  const now = deps.clock.now();
  const due = await addWorkingDays(tx, shanghaiDate(now), step.deadlineDays);
  await store.insertTasks(
    tx,
    Array.from({ length: step.signers }, (_, slot) => ({
      id: newId(),
      instance_id: instance.id,
      department_id: instance.department_id,
      step_index: index,
      step_key: step.key,
      step_name: step.name,
      role: step.role,
      slot: slot + 1,
      signers: step.signers,
      round,
      state: 'open' as const,
      due_on: due,
      created_at: now,
    })),
  );
  await store.updateInstance(tx, instance.id, { step_index: index, round });
}

export async function startInstance(deps: WorkflowDeps, tx: Tx, input: StartInput): Promise<void> {
  if (await store.findInstanceBySubject(tx, input.subjectId)) throw workflowErrors.instanceExists();
  const instance: store.InstanceRow = {
    id: newId(),
    subject_id: input.subjectId,
    department_id: input.departmentId,
    definition: input.definition,
    context: input.context,
    subject: input.subject,
    step_index: null,
    round: 1,
    state: 'running',
    created_at: deps.clock.now(),
    finished_at: null,
  };
  await store.insertInstance(tx, instance);
  const first = nextStep(input.definition, -1, input.context);
  if (first === null) throw workflowErrors.processInvalid('没有可执行的环节');
  await openStep(deps, tx, instance, first, 1);
  await emit(tx, 'workflow.started', { instanceId: instance.id, subjectId: input.subjectId });
}

export type ActOutcome = {
  /** waiting: other countersigners still to sign · advanced: the next step opened · returned: sent back */
  outcome: 'waiting' | 'advanced' | 'returned' | 'approved' | 'denied';
  task: TaskView;
  step: ProcessStep;
};

/** The task as an actor of its department and role may see it; anything else is "not found". */
export async function visibleTask(tx: Tx, actor: Actor, taskId: string): Promise<store.TaskWithSubject> {
  const task = await store.findTask(tx, taskId);
  if (!task || task.department_id !== actor.departmentId || !actor.roles.includes(task.role as StepRole)) {
    throw workflowErrors.taskNotFound();
  }
  return task;
}

function checkOpenFor(task: store.TaskRow, actor: Actor) {
  if (task.state === 'done' || task.state === 'cancelled') throw workflowErrors.taskClosed();
  if (task.state === 'claimed' && task.assignee_id !== actor.accountId) throw workflowErrors.taskClaimed();
}

async function checkNotSignedYet(tx: Tx, task: store.TaskRow, actor: Actor) {
  const siblings = await store.stepTasks(tx, task.instance_id, task.round, task.step_index);
  if (siblings.some((s) => s.id !== task.id && s.assignee_id === actor.accountId))
    throw workflowErrors.alreadySigned();
  return siblings;
}

/**
 * Completes a task with an action and opinion. Locks the instance first, so two people acting on the
 * same task (or on the last two countersign slots) are serialised: exactly one wins, the other gets 409.
 */
export async function act(
  deps: WorkflowDeps,
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  subjectId: string,
  taskId: string,
  input: ActInput,
): Promise<ActOutcome> {
  const seen = await visibleTask(tx, actor, taskId);
  if (seen.subject_id !== subjectId) throw workflowErrors.taskNotFound();
  const instance = await store.lockInstance(tx, seen.instance_id);
  const task = await store.lockTask(tx, taskId);
  if (!instance || !task) throw workflowErrors.taskNotFound();
  checkOpenFor(task, actor);
  if (instance.state !== 'running') throw workflowErrors.taskClosed();
  const step = instance.definition.steps[task.step_index] as ProcessStep;
  const allowed = step.isDecision ? ['approve', 'deny'] : ['pass', 'return'];
  if (!allowed.includes(input.action))
    throw workflowErrors.wrongAction(`本环节可用的操作：${allowed.join('、')}`);
  const previous = previousStep(instance.definition, task.step_index, instance.context);
  if (input.action === 'return' && previous === null)
    throw workflowErrors.wrongAction('第一个审查环节不能退回');
  const siblings = await checkNotSignedYet(tx, task, actor);

  const now = deps.clock.now();
  await store.updateTask(tx, task.id, {
    state: 'done',
    assignee_id: actor.accountId,
    assignee_name: actor.displayName,
    action: input.action,
    opinion: input.opinion,
    claimed_at: task.claimed_at ?? now,
    completed_at: now,
  });
  const outcome = await advance(deps, tx, instance, task, input.action, siblings, previous);
  await deps.audit.record(tx, ctx, {
    action: 'workflow.task.complete',
    subjectType: 'task',
    subjectId: task.id,
    summary: { subjectId, step: step.key, action: input.action, outcome },
  });
  await emit(tx, 'workflow.task.completed', { taskId: task.id, subjectId, action: input.action, outcome });
  const done = await store.findTask(tx, task.id);
  if (!done) throw workflowErrors.taskNotFound();
  return { outcome, task: toTaskView(done), step };
}

async function advance(
  deps: WorkflowDeps,
  tx: Tx,
  instance: store.InstanceRow,
  task: store.TaskRow,
  action: ActInput['action'],
  siblings: store.TaskRow[],
  previous: number | null,
): Promise<ActOutcome['outcome']> {
  const now = deps.clock.now();
  if (action === 'approve' || action === 'deny') {
    const state = action === 'approve' ? 'approved' : 'denied';
    await store.updateInstance(tx, instance.id, { state, step_index: null, finished_at: now });
    return state;
  }
  if (action === 'return' && previous !== null) {
    await store.cancelOpenTasks(tx, instance.id, now);
    await openStep(deps, tx, instance, previous, instance.round + 1);
    return 'returned';
  }
  const othersOpen = siblings.some((s) => s.id !== task.id && (s.state === 'open' || s.state === 'claimed'));
  if (othersOpen) return 'waiting';
  const next = nextStep(instance.definition, task.step_index, instance.context);
  if (next === null) throw workflowErrors.processInvalid('流程缺少决定环节');
  await openStep(deps, tx, instance, next, instance.round);
  return 'advanced';
}

/** Withdrawal or refusal: every open task is cancelled; the instance ends. */
export async function cancelInstance(deps: WorkflowDeps, tx: Tx, subjectId: string): Promise<void> {
  const instance = await store.lockInstanceBySubject(tx, subjectId);
  if (instance?.state !== 'running') return;
  const now = deps.clock.now();
  await store.cancelOpenTasks(tx, instance.id, now);
  await store.updateInstance(tx, instance.id, { state: 'cancelled', step_index: null, finished_at: now });
  await emit(tx, 'workflow.cancelled', { instanceId: instance.id, subjectId });
}

/** Every task of a case in order: the process steps of its timeline (GB/T 39046 Table 7). */
export async function tasksOf(deps: WorkflowDeps, subjectId: string): Promise<TaskView[]> {
  return (await store.tasksOfSubject(deps.db, subjectId)).map(toTaskView);
}
