// Supervision orders (督办) from issue to the department's answer to closing, each step audited with an
// event in one transaction. Issuing tells the case department's heads and admins in their inbox (in the
// same transaction); answering tells the supervisor who issued it. An order past its due day and not
// answered is overdue; an answer after the due day is marked late.
import { addWorkingDays, isIsoDate } from '../../platform/calendar.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { emit } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import { newId } from '../../platform/ids.ts';
import { actorIn, canSeeDepartment, departmentScope } from '../../platform/oversight.ts';
import type { SupervisionDeps } from './deps.ts';
import { supervisionErrors } from './errors.ts';
import { ORDER_RECIPIENT_ROLES } from './policy.ts';
import type { IssueOrderBody, OrderQuery } from './schema.ts';
import * as store from './store.ts';
import { toOrderView } from './views.ts';

/** The order's page in the workbench (the department answers there, the supervisor closes there). */
export const orderLink = (id: string) => `/workbench/supervision/orders/${id}`;

export async function issueOrder(deps: SupervisionDeps, ctx: RequestContext, input: IssueOrderBody) {
  const actor = actorIn(ctx);
  const [c] = await deps.cases.clockFacts([input.caseId]);
  if (!c) throw supervisionErrors.caseNotFound(input.caseId);
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  if (input.dueOn !== undefined && (!isIsoDate(input.dueOn) || input.dueOn < today))
    throw supervisionErrors.badDeadline('截止日期不能早于今天');
  const warning = input.warningId ? await store.findWarning(deps.db, input.warningId) : null;
  if (input.warningId && warning?.case_id !== c.id) throw supervisionErrors.badDeadline('预警不属于该办件');
  const recipients = (await deps.staff.departmentStaff(c.departmentId)).filter((s) =>
    s.roles.some((r) => (ORDER_RECIPIENT_ROLES as readonly string[]).includes(r)),
  );
  return deps.db.transaction().execute(async (tx) => {
    const dueOn = input.dueOn ?? (await addWorkingDays(tx, today, input.days ?? 0));
    const row: store.OrderRow = {
      id: newId(),
      no: await store.nextNo(tx, 'DB', now.getUTCFullYear()),
      case_id: c.id,
      case_no: c.caseNo,
      department_id: c.departmentId,
      department_name: c.departmentName,
      item_name: c.itemName,
      warning_id: warning?.id ?? null,
      rule_code: warning?.rule_code ?? null,
      level: warning?.level ?? null,
      content: input.content,
      due_on: dueOn,
      state: 'issued',
      issued_by: actor.accountId,
      issued_by_name: actor.displayName,
      issued_at: now,
      answer: null,
      answered_by_name: null,
      answered_at: null,
      result: null,
      closed_at: null,
      state_changed_at: now,
    };
    await store.insertOrder(tx, row);
    for (const r of recipients)
      await deps.notify.send(tx, {
        recipient: { kind: 'staff', id: r.id },
        kind: 'supervision.order-issued',
        title: `督办：${c.itemName}（${c.caseNo}）`,
        body: `电子监察发出督办，请于 ${dueOn} 前回复。督办内容：${input.content}`,
        link: orderLink(row.id),
      });
    await emit(tx, 'supervision.order-issued', {
      orderId: row.id,
      caseId: c.id,
      departmentId: c.departmentId,
    });
    await deps.audit.record(tx, ctx, {
      action: 'supervision-order.issue',
      subjectType: 'supervision-order',
      subjectId: row.id,
      summary: { caseNo: c.caseNo, dueOn, notified: recipients.length },
    });
    return toOrderView(row, today);
  });
}

export async function answerOrder(deps: SupervisionDeps, ctx: RequestContext, id: string, answer: string) {
  const actor = actorIn(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const o = await store.lockOrder(tx, id);
    if (!o || o.department_id !== actor.departmentId) throw supervisionErrors.orderNotFound(id);
    if (o.state !== 'issued')
      throw supervisionErrors.wrongState(`督办单已${o.state === 'closed' ? '办结' : '回复'}`);
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    await store.answerOrder(tx, id, answer, actor.displayName, now);
    if (o.issued_by)
      await deps.notify.send(tx, {
        recipient: { kind: 'staff', id: o.issued_by },
        kind: 'supervision.order-answered',
        title: `督办已回复：${o.item_name || o.case_no}（${o.case_no}）`,
        body: `${o.department_name}${today > o.due_on ? '逾期' : ''}回复督办 ${o.no}：${answer}`,
        link: orderLink(id),
      });
    await emit(tx, 'supervision.order-answered', { orderId: id, caseId: o.case_id });
    await deps.audit.record(tx, ctx, {
      action: 'supervision-order.answer',
      subjectType: 'supervision-order',
      subjectId: id,
      summary: { isLate: today > o.due_on },
    });
    const next = {
      ...o,
      state: 'answered' as const,
      answer,
      answered_by_name: actor.displayName,
      answered_at: now,
    };
    return toOrderView(next, today);
  });
}

export async function closeOrder(deps: SupervisionDeps, ctx: RequestContext, id: string, result: string) {
  return deps.db.transaction().execute(async (tx) => {
    const o = await store.lockOrder(tx, id);
    if (!o) throw supervisionErrors.orderNotFound(id);
    if (o.state !== 'answered') throw supervisionErrors.wrongState('部门回复后才能办结督办');
    const now = deps.clock.now();
    await store.closeOrder(tx, id, result, now);
    await emit(tx, 'supervision.order-closed', { orderId: id, caseId: o.case_id });
    await deps.audit.record(tx, ctx, {
      action: 'supervision-order.close',
      subjectType: 'supervision-order',
      subjectId: id,
    });
    return toOrderView({ ...o, state: 'closed', result, closed_at: now }, shanghaiDate(now));
  });
}

export async function listOrders(deps: SupervisionDeps, actor: Actor, query: OrderQuery) {
  const today = shanghaiDate(deps.clock.now());
  const scope = departmentScope(actor);
  if (scope && query.departmentId && query.departmentId !== scope)
    return { items: [], total: 0, page: query.page };
  const found = await store.listOrders(
    deps.db,
    {
      state: query.state,
      caseId: query.caseId,
      departmentId: scope ?? query.departmentId,
      overdueOn: query.overdue === 'true' ? today : undefined,
    },
    query.page,
  );
  return { items: found.items.map((o) => toOrderView(o, today)), total: found.total, page: query.page };
}

/** One order; another department's is 404. */
export async function getOrder(deps: SupervisionDeps, actor: Actor, id: string) {
  const o = await store.findOrder(deps.db, id);
  if (!o || !canSeeDepartment(actor, o.department_id)) throw supervisionErrors.orderNotFound(id);
  return toOrderView(o, shanghaiDate(deps.clock.now()));
}
