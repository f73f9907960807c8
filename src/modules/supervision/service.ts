// The supervisors' verbs besides orders (orders.ts): edit rules, read warnings, one warning with its
// case's clock facts and history, per-department counts and GB/T 39046 Table 11. Supervisors and the
// service office see every department; a department's head and admin see their own (policy.ts).
import { shanghaiDate } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { maskName } from '../../platform/crypto.ts';
import { emit } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import { canSeeDepartment, departmentScope } from '../../platform/oversight.ts';
import type { SupervisionDeps } from './deps.ts';
import { supervisionErrors } from './errors.ts';
import {
  RULE_PARAMS,
  type RuleCode,
  type RuleUpdate,
  type WarningDetail,
  type WarningQuery,
} from './schema.ts';
import * as store from './store.ts';
import { toOrderView, toRuleView, toWarningView } from './views.ts';

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
/** 00:00 Beijing time of `day` plus `days` days. */
const beijingMidnight = (day: string, days: number) =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + days * 86_400_000);

export async function listWarnings(deps: SupervisionDeps, actor: Actor, query: WarningQuery) {
  const scope = departmentScope(actor);
  const departmentId = scope ?? query.departmentId;
  if (scope && query.departmentId && query.departmentId !== scope)
    return { items: [], total: 0, page: query.page };
  const { from, to, ...rest } = query;
  if (from && to && from > to) throw supervisionErrors.badWindow('开始日期不能晚于结束日期');
  const found = await store.listWarnings(
    deps.db,
    {
      ...rest,
      departmentId,
      raisedFrom: from ? beijingMidnight(from, 0) : undefined,
      raisedBefore: to ? beijingMidnight(to, 1) : undefined,
    },
    query.page,
  );
  return { items: found.items.map(toWarningView), total: found.total, page: query.page };
}

export async function departmentCounts(deps: SupervisionDeps, actor: Actor) {
  const today = shanghaiDate(deps.clock.now());
  const rows = await store.countsByDepartment(deps.db, departmentScope(actor), today);
  return {
    items: rows.map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      yellow: r.yellow,
      red: r.red,
      supplementLate: r.supplement_late,
      specialNoReason: r.special_no_reason,
      openOrders: r.open_orders,
      overdueOrders: r.overdue_orders,
    })),
  };
}

/** One warning, its case's clock facts as of now (applicant masked), every warning and order of the case. */
export async function warningDetail(deps: SupervisionDeps, actor: Actor, id: string): Promise<WarningDetail> {
  const w = await store.findWarning(deps.db, id);
  if (!w || !canSeeDepartment(actor, w.department_id)) throw supervisionErrors.warningNotFound(id);
  const [c] = await deps.cases.clockFacts([w.case_id]);
  const facts = await deps.cases.facts(w.case_id);
  if (!c || !facts) throw supervisionErrors.warningNotFound(id);
  const history = await store.listWarnings(deps.db, { caseId: w.case_id, status: 'all' }, 1);
  const orders = await store.listOrders(deps.db, { caseId: w.case_id }, 1);
  const today = shanghaiDate(deps.clock.now());
  return {
    warning: toWarningView(w),
    case: {
      id: c.id,
      caseNo: c.caseNo,
      itemName: c.itemName,
      departmentName: c.departmentName,
      applicantNameMasked: maskName(facts.applicant.name),
      stateLabel: c.stateLabel,
      isOpen: c.isOpen,
      receivedOn: c.receivedOn,
      acceptedOn: c.acceptedOn,
      promisedDueOn: c.promisedDueOn,
      legalDueOn: c.legalDueOn,
      promisedDays: c.promisedDays,
      remainingDays: c.remainingDays,
      legalRemainingDays: c.legalRemainingDays,
      isPaused: c.isPaused,
      supplementRequestedOn: c.supplementRequestedOn,
      specials: c.specials,
    },
    history: history.items.map(toWarningView),
    orders: orders.items.map((o) => toOrderView(o, today)),
  };
}

/** GB/T 39046 Table 11 rows of one case: its warnings and its orders. */
export async function table11(deps: SupervisionDeps, actor: Actor, caseId: string) {
  const scope = departmentScope(actor);
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
