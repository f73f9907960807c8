// Rectification orders (整改工单) that bad ratings open: 核实 → 整改 → 答复 → 回访 → 办结, worked by the
// case department's head or admin (another department: 404); closing needs the return visit (409). A
// department may appeal (申诉) a malicious or mistaken rating once; the service office decides: upheld →
// the rating leaves the statistics and the order closes as 申诉成立; rejected → the work goes on.
// Supervisors and the service office read every department's orders.
import { shanghaiDate } from '../../../platform/clock.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { actorIn, departmentScope } from '../../../platform/oversight.ts';
import type { InteractionDeps } from '../deps.ts';
import { ratingErrors } from '../errors.ts';
import { RECTIFICATION_STATE_LABELS, type RectificationQuery, type RectificationState } from './schema.ts';
import * as store from './store.ts';
import { toRectificationView } from './views.ts';

const today = (deps: InteractionDeps) => shanghaiDate(deps.clock.now());

export async function listRectifications(deps: InteractionDeps, actor: Actor, query: RectificationQuery) {
  const found = await store.listOrders(
    deps.db,
    {
      departmentId: departmentScope(actor),
      state: query.state,
      overdueOn: query.overdue === 'true' ? today(deps) : undefined,
      appeal: query.appeal,
    },
    query.page,
  );
  const day = today(deps);
  return { items: found.items.map((o) => toRectificationView(o, day)), total: found.total, page: query.page };
}

export async function getRectification(deps: InteractionDeps, actor: Actor, id: string) {
  const o = await store.findOrder(deps.db, id);
  const scope = departmentScope(actor);
  if (!o || (scope !== null && o.department_id !== scope)) throw ratingErrors.orderNotFound(id);
  return toRectificationView(o, today(deps), await store.stepsOf(deps.db, id));
}

type Step = {
  name: string;
  /** the step's event and audit action: rectification.<action> */
  action: string;
  from: RectificationState;
  to: RectificationState;
  content: string;
  patch: Parameters<typeof store.updateOrder>[2];
};

/** One step of the department's work on its own order, in the order's state `from`. */
async function advance(deps: InteractionDeps, ctx: RequestContext, id: string, step: Step) {
  const actor = actorIn(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const o = await store.lockOrder(tx, id);
    if (!o || o.department_id !== actor.departmentId) throw ratingErrors.orderNotFound(id);
    if (step.action === 'close' && o.state !== 'closed' && o.state !== 'visited')
      throw ratingErrors.returnVisitRequired(`当前环节：${RECTIFICATION_STATE_LABELS[o.state]}`);
    if (o.state !== step.from)
      throw ratingErrors.wrongStep(`当前环节：${RECTIFICATION_STATE_LABELS[o.state]}`);
    const now = deps.clock.now();
    await store.updateOrder(tx, id, { ...step.patch, state: step.to });
    await store.addStep(tx, {
      id: newId(),
      rectification_id: id,
      step: step.name,
      content: step.content,
      by_name: actor.displayName,
      at: now,
    });
    if (o.rater_account_id && (step.action === 'reply' || step.action === 'close'))
      await deps.notify?.send(tx, {
        recipient: { kind: 'citizen', id: o.rater_account_id },
        kind: `rectification.${step.action}`,
        title: `${o.item_name}：${step.action === 'reply' ? '差评整改答复' : '差评整改已办结'}`,
        body: step.action === 'reply' ? step.content : `${o.department_name}已完成整改并回访，工单办结。`,
        link: `/mine/cases/${o.case_id}`,
      });
    await emit(tx, `rectification.${step.action}`, {
      rectificationId: id,
      ratingId: o.rating_id,
      caseId: o.case_id,
      departmentId: o.department_id,
      at: now.toISOString(),
    });
    await deps.audit.record(tx, ctx, {
      action: `rectification.${step.action}`,
      subjectType: 'rectification',
      subjectId: id,
      summary: { no: o.no, state: step.to },
    });
    return toRectificationView(
      { ...o, ...step.patch, state: step.to } as store.OrderRow,
      shanghaiDate(now),
      await store.stepsOf(tx, id),
    );
  });
}

export const verify = (deps: InteractionDeps, ctx: RequestContext, id: string, finding: string) =>
  advance(deps, ctx, id, {
    name: '核实',
    action: 'verify',
    from: 'verify',
    to: 'rectify',
    content: finding,
    patch: { finding },
  });
export const rectify = (deps: InteractionDeps, ctx: RequestContext, id: string, measures: string) =>
  advance(deps, ctx, id, {
    name: '整改',
    action: 'rectify',
    from: 'rectify',
    to: 'reply',
    content: measures,
    patch: { measures },
  });
export const reply = (deps: InteractionDeps, ctx: RequestContext, id: string, text: string) =>
  advance(deps, ctx, id, {
    name: '答复',
    action: 'reply',
    from: 'reply',
    to: 'visit',
    content: text,
    patch: { reply: text },
  });
export const visit = (
  deps: InteractionDeps,
  ctx: RequestContext,
  id: string,
  input: { result: string; isSatisfied: boolean },
) =>
  advance(deps, ctx, id, {
    name: '回访',
    action: 'visit',
    from: 'visit',
    to: 'visited',
    content: `${input.isSatisfied ? '申请人满意' : '申请人不满意'}：${input.result}`,
    patch: { visit_result: input.result, is_visit_satisfied: input.isSatisfied },
  });
export const close = (deps: InteractionDeps, ctx: RequestContext, id: string, note: string | undefined) =>
  advance(deps, ctx, id, {
    name: '办结',
    action: 'close',
    from: 'visited',
    to: 'closed',
    content: note || '整改完成，工单办结',
    patch: { outcome: 'rectified', closed_at: deps.clock.now(), close_note: note || null },
  });

/** The department appeals (申诉) the rating, once, while the order is open. */
export async function appeal(deps: InteractionDeps, ctx: RequestContext, id: string, reason: string) {
  const actor = actorIn(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const o = await store.lockOrder(tx, id);
    if (!o || o.department_id !== actor.departmentId) throw ratingErrors.orderNotFound(id);
    if (o.state === 'closed' || o.appeal_state !== null)
      throw ratingErrors.appealNotAllowed(o.appeal_state ? '每张工单只能申诉一次' : '工单已办结');
    const now = deps.clock.now();
    await store.updateOrder(tx, id, { appeal_state: 'pending', appeal_reason: reason, appealed_at: now });
    await store.addStep(tx, {
      id: newId(),
      rectification_id: id,
      step: '申诉',
      content: reason,
      by_name: actor.displayName,
      at: now,
    });
    await emit(tx, 'rectification.appealed', {
      rectificationId: id,
      ratingId: o.rating_id,
      departmentId: o.department_id,
    });
    await deps.audit.record(tx, ctx, {
      action: 'rectification.appeal',
      subjectType: 'rectification',
      subjectId: id,
      summary: { no: o.no },
    });
    const next = { ...o, appeal_state: 'pending' as const, appeal_reason: reason, appealed_at: now };
    return toRectificationView(next, shanghaiDate(now), await store.stepsOf(tx, id));
  });
}

/** The service office decides an appeal: upheld closes the order and excludes the rating. */
export async function decideAppeal(
  deps: InteractionDeps,
  ctx: RequestContext,
  id: string,
  input: { isUpheld: boolean; decision: string },
) {
  const actor = actorIn(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const o = await store.lockOrder(tx, id);
    if (!o) throw ratingErrors.orderNotFound(id);
    if (o.appeal_state !== 'pending') throw ratingErrors.noPendingAppeal();
    const now = deps.clock.now();
    const patch: Parameters<typeof store.updateOrder>[2] = input.isUpheld
      ? {
          appeal_state: 'upheld',
          appeal_decision: input.decision,
          appeal_decided_at: now,
          state: 'closed',
          outcome: 'appeal_upheld',
          closed_at: now,
        }
      : { appeal_state: 'rejected', appeal_decision: input.decision, appeal_decided_at: now };
    await store.updateOrder(tx, id, patch);
    if (input.isUpheld) await store.excludeRating(tx, o.rating_id);
    await store.addStep(tx, {
      id: newId(),
      rectification_id: id,
      step: input.isUpheld ? '申诉成立' : '申诉驳回',
      content: input.decision,
      by_name: actor.displayName,
      at: now,
    });
    await emit(tx, input.isUpheld ? 'rating.excluded' : 'rectification.appeal-rejected', {
      rectificationId: id,
      ratingId: o.rating_id,
      caseId: o.case_id,
      departmentId: o.department_id,
      level: o.level,
      at: now.toISOString(),
    });
    await deps.audit.record(tx, ctx, {
      action: 'rectification.decide-appeal',
      subjectType: 'rectification',
      subjectId: id,
      summary: { no: o.no, isUpheld: input.isUpheld },
    });
    return toRectificationView(
      { ...o, ...patch } as store.OrderRow,
      shanghaiDate(now),
      await store.stepsOf(tx, id),
    );
  });
}

// ── settings ──
export const getSettings = async (deps: InteractionDeps) => ({
  rectifyDays: await store.rectifyDays(deps.db),
});
export async function setSettings(deps: InteractionDeps, ctx: RequestContext, rectifyDays: number) {
  return deps.db.transaction().execute(async (tx) => {
    const before = await store.rectifyDays(tx);
    await store.setRectifyDays(tx, rectifyDays, deps.clock.now());
    await emit(tx, 'rating.settings-updated', { rectifyDays });
    await deps.audit.record(tx, ctx, {
      action: 'rating-settings.update',
      subjectType: 'rating-settings',
      subjectId: 'rectify-days',
      summary: { before, rectifyDays },
    });
    return { rectifyDays };
  });
}
