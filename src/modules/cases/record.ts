// One change of a case, recorded the same way by every verb, inside the verb's transaction: the state
// (if it changes), a timeline entry, the audit entry, the outbox event and the applicant's notification.
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import type { CasesDeps } from './deps.ts';
import { CASE_STATE_LABELS, type CaseState } from './schema.ts';
import * as store from './store.ts';

export const ACTION_LABELS: Record<string, string> = {
  submit: '提交申请',
  file: '窗口收件',
  accept: '受理',
  supplement: '一次性告知补正',
  supply: '提交补正材料',
  refuse: '不予受理',
  return: '退件',
  step: '审查',
  decide: '作出决定',
  special_start: '启动特别程序',
  special_end: '特别程序结束',
  extend: '延长审批期限',
  conclude: '办结',
  withdraw: '撤回申请',
  follow: '联办进度',
};

export type Change = {
  action: keyof typeof ACTION_LABELS;
  to: CaseState;
  /** extra columns to set with the state */
  patch?: Partial<store.CaseRow>;
  opinion?: string | null;
  /** label shown instead of the action's (e.g. a workflow step: "会审：通过") */
  label?: string;
  data?: Record<string, unknown>;
  /** false for changes the applicant need not be told about (a countersign still waiting) */
  notify?: boolean;
};

export async function recordChange(
  deps: CasesDeps,
  tx: Tx,
  ctx: RequestContext,
  c: store.CaseRow,
  change: Change,
): Promise<store.EventRow> {
  const now = deps.clock.now();
  // a first entry (submit, file) describes the row just written: nothing to update
  if (change.patch || change.to !== c.state) {
    await store.updateCase(tx, c.id, { ...change.patch, state: change.to, updated_at: now });
  }
  const label = change.label ?? ACTION_LABELS[change.action] ?? change.action;
  const event: store.EventRow = {
    id: newId(),
    case_id: c.id,
    at: now,
    actor_kind: ctx.actor?.kind ?? 'system',
    actor_name: ctx.actor?.displayName ?? '系统',
    action: change.action,
    from_state: change.action === 'submit' || change.action === 'file' ? null : c.state,
    to_state: change.to,
    opinion: change.opinion ?? null,
    data: { label, ...change.data },
  };
  await store.insertEvent(tx, event);
  await emit(tx, `case.${change.action}`, {
    caseId: c.id,
    caseNo: c.case_no,
    departmentId: c.department_id,
    implementationId: c.implementation_id,
    from: c.state,
    to: change.to,
  });
  const recipient = c.applicant_account_id ?? (c.channel === 'online' ? c.filed_by : null);
  if (change.notify !== false && recipient) {
    await deps.notify.send(tx, {
      recipient: { kind: 'citizen', id: recipient },
      kind: `case.${change.action}`,
      title: `${c.item_name}：${label}`,
      body: `办件 ${c.case_no} 当前状态：${CASE_STATE_LABELS[change.to]}`,
      link: `/mine/cases/${c.parent_id ?? c.id}`,
    });
  }
  // the audit chain's head stays locked until commit: record last, so the lock is held briefly
  const summary = { caseNo: c.case_no, from: c.state, to: change.to, ...change.data };
  await deps.audit.record(tx, ctx, {
    action: `case.${change.action}`,
    subjectType: 'case',
    subjectId: c.id,
    summary,
  });
  if (c.parent_id && change.action !== 'submit') await followChildren(deps, tx, ctx, c.parent_id);
  return event;
}

const ENDED: readonly CaseState[] = ['concluded', 'refused', 'returned', 'withdrawn'];
const STARTED: readonly CaseState[] = ['reviewing', 'special', 'decided', ...ENDED];
const FOLLOW_LABELS: Partial<Record<CaseState, string>> = {
  submitted: '等待各部门受理',
  supplementing: '有成员事项需要补正',
  reviewing: '各部门并联审批中',
  withdrawn: '全部成员事项已撤回',
};

/** A bundle's parent follows its sub-cases (并联审批): called in the child's transaction. */
async function followChildren(deps: CasesDeps, tx: Tx, ctx: RequestContext, parentId: string) {
  const parent = await store.lockCase(tx, parentId);
  if (!parent) return;
  const children = await store.childrenOf(tx, parentId);
  const states = children.map((c) => c.state);
  let next: CaseState = 'submitted';
  if (states.every((s) => ENDED.includes(s)))
    next = states.every((s) => s === 'withdrawn') ? 'withdrawn' : 'concluded';
  else if (states.some((s) => s === 'supplementing')) next = 'supplementing';
  else if (states.some((s) => STARTED.includes(s))) next = 'reviewing';
  if (next === parent.state) return;
  const approved = children.filter((c) => c.decision === 'approved').length;
  const label =
    next === 'concluded'
      ? approved === children.length
        ? '全部办结'
        : `部分办结（${approved}/${children.length} 项准予）`
      : FOLLOW_LABELS[next];
  const isEnd = next === 'concluded' || next === 'withdrawn';
  await recordChange(deps, tx, ctx, parent, {
    action: next === 'concluded' ? 'conclude' : 'follow',
    to: next,
    label,
    patch: isEnd ? { concluded_at: deps.clock.now() } : {},
  });
}
