// Rows to response DTOs (a database row never reaches JSON as-is).
import { shanghaiDate } from '../../platform/clock.ts';
import type { OrderView, RuleView, WarningView } from './schema.ts';
import type { OrderRow, RuleRow, WarningRow } from './store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toRuleView = (r: RuleRow): RuleView => ({
  code: r.code as RuleView['code'],
  name: r.name,
  level: r.level,
  params: r.params,
  isEnabled: r.is_enabled,
  updatedAt: r.updated_at.toISOString(),
});

export const toWarningView = (w: WarningRow): WarningView => ({
  id: w.id,
  no: w.no,
  caseId: w.case_id,
  caseNo: w.case_no,
  departmentId: w.department_id,
  departmentName: w.department_name,
  itemName: w.item_name,
  ruleCode: w.rule_code as WarningView['ruleCode'],
  level: w.level,
  detail: w.detail,
  raisedAt: w.raised_at.toISOString(),
  resolvedAt: iso(w.resolved_at),
  resolution: w.resolution,
});

export const toOrderView = (o: OrderRow, today: string): OrderView => ({
  id: o.id,
  no: o.no,
  caseId: o.case_id,
  caseNo: o.case_no,
  departmentId: o.department_id,
  departmentName: o.department_name,
  itemName: o.item_name,
  warningId: o.warning_id,
  ruleCode: o.rule_code,
  level: o.level,
  content: o.content,
  dueOn: o.due_on,
  state: o.state,
  isOverdue: o.state === 'issued' && o.due_on < today,
  isAnsweredLate: o.answered_at !== null && shanghaiDate(o.answered_at) > o.due_on,
  issuedByName: o.issued_by_name,
  issuedAt: o.issued_at.toISOString(),
  answer: o.answer,
  answeredByName: o.answered_by_name,
  answeredAt: iso(o.answered_at),
  result: o.result,
  closedAt: iso(o.closed_at),
});
