// The supervisors' verbs: edit rules, read warnings and per-department counts, and the supervision
// order (督办) from issue to the department's answer to closing, each step audited with an event.
// Supervisors and the service office see every department; a department's head and admin see their own.
import { addWorkingDays, isIsoDate } from '../../platform/calendar.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import { newId } from '../../platform/ids.ts';
import type { SupervisionDeps } from './deps.ts';
import { supervisionErrors } from './errors.ts';
import {
  type IssueOrderBody,
  type OrderQuery,
  RULE_PARAMS,
  type RuleCode,
  type RuleUpdate,
  type WarningQuery,
} from './schema.ts';
import * as store from './store.ts';
import { toOrderView, toRuleView, toWarningView } from './views.ts';

const isOverseer = (a: Actor) => a.roles.includes('supervisor') || a.roles.includes('office_admin');
/** No department has the nil id: department staff without a department see nothing. */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';
/** null: every department; otherwise the one department the actor may see. */
const scopeOf = (actor: Actor): string | null =>
  isOverseer(actor) ? null : (actor.departmentId ?? NO_DEPARTMENT);
const actorOfCtx = (ctx: RequestContext) => {
  if (!ctx.actor) throw errors.unauthenticated();
  return ctx.actor;
};

// ── rules ──
export const listRules = async (deps: SupervisionDeps) => (await store.listRules(deps.db)).map(toRuleView);

export async function updateRule(
  deps: SupervisionDeps,
  ctx: RequestContext,
  code: RuleCode,
  input: RuleUpdate,
) {
  const check = RULE_PARAMS[code];
  return deps.db.transaction().execute(async (tx) => {
    const before = await store.lockRule(tx, code);
    if (!before) throw supervisionErrors.ruleNotFound(code);
    const parsed = check.safeParse(input.params ?? before.params);
    if (!parsed.success)
      throw supervisionErrors.badParams(
        parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('；'),
      );
    const isEnabled = input.isEnabled ?? before.is_enabled;
    const now = deps.clock.now();
    await store.updateRule(tx, code, parsed.data, isEnabled, now);
    await emit(tx, 'supervision.rule-updated', { code });
    await deps.audit.record(tx, ctx, {
      action: 'supervision-rule.update',
      subjectType: 'supervision-rule',
      subjectId: code,
      summary: {
        before: { params: before.params, isEnabled: before.is_enabled },
        params: parsed.data,
        isEnabled,
      },
    });
    return toRuleView({
      ...before,
      params: parsed.data as Record<string, number>,
      is_enabled: isEnabled,
      updated_at: now,
    });
  });
}

// ── warnings ──
export async function listWarnings(deps: SupervisionDeps, actor: Actor, query: WarningQuery) {
  const scope = scopeOf(actor);
  const departmentId = scope ?? query.departmentId;
  if (scope && query.departmentId && query.departmentId !== scope)
    return { items: [], total: 0, page: query.page };
  const found = await store.listWarnings(deps.db, { ...query, departmentId }, query.page);
  return { items: found.items.map(toWarningView), total: found.total, page: query.page };
}

export async function departmentCounts(deps: SupervisionDeps, actor: Actor) {
  const rows = await store.countsByDepartment(deps.db, scopeOf(actor));
  return {
    items: rows.map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      yellow: r.yellow,
      red: r.red,
    })),
  };
}

// ── supervision orders (督办) ──
export async function issueOrder(deps: SupervisionDeps, ctx: RequestContext, input: IssueOrderBody) {
  const actor = actorOfCtx(ctx);
  const [c] = await deps.cases.clockFacts([input.caseId]);
  if (!c) throw supervisionErrors.caseNotFound(input.caseId);
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  if (input.dueOn !== undefined && (!isIsoDate(input.dueOn) || input.dueOn < today))
    throw supervisionErrors.badDeadline('截止日期不能早于今天');
  const warning = input.warningId ? await store.findWarning(deps.db, input.warningId) : null;
  if (input.warningId && warning?.case_id !== c.id) throw supervisionErrors.badDeadline('预警不属于该办件');
  return deps.db.transaction().execute(async (tx) => {
    const dueOn = input.dueOn ?? (await addWorkingDays(tx, today, input.days ?? 0));
    const row: store.OrderRow = {
      id: newId(),
      no: await store.nextNo(tx, 'DB', now.getUTCFullYear()),
      case_id: c.id,
      case_no: c.caseNo,
      department_id: c.departmentId,
      department_name: c.departmentName,
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
    await emit(tx, 'supervision.order-issued', {
      orderId: row.id,
      caseId: c.id,
      departmentId: c.departmentId,
    });
    await deps.audit.record(tx, ctx, {
      action: 'supervision-order.issue',
      subjectType: 'supervision-order',
      subjectId: row.id,
      summary: { caseNo: c.caseNo, dueOn },
    });
    return toOrderView(row, today);
  });
}

export async function answerOrder(deps: SupervisionDeps, ctx: RequestContext, id: string, answer: string) {
  const actor = actorOfCtx(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const o = await store.lockOrder(tx, id);
    if (!o || o.department_id !== actor.departmentId) throw supervisionErrors.orderNotFound(id);
    if (o.state !== 'issued')
      throw supervisionErrors.wrongState(`督办单已${o.state === 'closed' ? '办结' : '回复'}`);
    const now = deps.clock.now();
    await store.answerOrder(tx, id, answer, actor.displayName, now);
    await emit(tx, 'supervision.order-answered', { orderId: id, caseId: o.case_id });
    await deps.audit.record(tx, ctx, {
      action: 'supervision-order.answer',
      subjectType: 'supervision-order',
      subjectId: id,
    });
    const next = {
      ...o,
      state: 'answered' as const,
      answer,
      answered_by_name: actor.displayName,
      answered_at: now,
    };
    return toOrderView(next, shanghaiDate(now));
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
  const found = await store.listOrders(
    deps.db,
    {
      state: query.state,
      caseId: query.caseId,
      departmentId: scopeOf(actor) ?? undefined,
      overdueOn: query.overdue === 'true' ? today : undefined,
    },
    query.page,
  );
  return { items: found.items.map((o) => toOrderView(o, today)), total: found.total, page: query.page };
}

/** GB/T 39046 Table 11 rows of one case: its warnings and its orders. */
export async function table11(deps: SupervisionDeps, actor: Actor, caseId: string) {
  const scope = scopeOf(actor);
  const warnings = await store.listWarnings(
    deps.db,
    { caseId, status: 'all', departmentId: scope ?? undefined },
    1,
  );
  const orders = await store.listOrders(deps.db, { caseId, departmentId: scope ?? undefined }, 1);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    items: [
      ...warnings.items.map((w) => ({
        监察编号: w.no,
        办件编号: w.case_no,
        督办内容: null,
        机构名称: w.department_name,
        督办发出时间: null,
        监察规则编号: w.rule_code,
        监察预警类型代码: w.level === 'red' ? '2' : '1',
        状态产生时间: (w.resolved_at ?? w.raised_at).toISOString(),
        监察结果描述: w.resolution ?? w.detail,
        责任部门: w.department_name,
      })),
      ...orders.items.map((o) => ({
        监察编号: o.no,
        办件编号: o.case_no,
        督办内容: o.content,
        机构名称: o.department_name,
        督办发出时间: o.issued_at.toISOString(),
        监察规则编号: o.rule_code,
        监察预警类型代码: o.level === 'red' ? '2' : o.level === 'yellow' ? '1' : null,
        状态产生时间: iso(o.state_changed_at) ?? o.issued_at.toISOString(),
        监察结果描述: o.result ?? o.answer,
        责任部门: o.department_name,
      })),
    ],
  };
}
