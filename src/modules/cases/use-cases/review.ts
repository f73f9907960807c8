// After acceptance: reviewers act on their workflow tasks (the decision step decides the case), the head
// starts and ends special procedures (the clock stops) and extends the limit once; the department
// concludes a decided case; the applicant may withdraw before a decision.
import { shanghaiDate } from '../../../platform/clock.ts';
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { ActInput } from '../../workflow/index.ts';
import { pausedDaysBetween, shiftDue } from '../clock.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import { hasRole, isApplicantOf, isHandlerOf } from '../policy.ts';
import { recordChange } from '../record.ts';
import { type SpecialKind, WITHDRAWABLE } from '../schema.ts';
import * as store from '../store.ts';
import { requireRole, requireState, withCase } from './common.ts';

const ACT_LABELS = { pass: '通过', return: '退回', approve: '准予许可', deny: '不予许可' } as const;

/** A reviewer's action on a task of this case; the decision step moves the case to 已决定. */
export function actOnTask(
  deps: CasesDeps,
  ctx: RequestContext,
  caseId: string,
  taskId: string,
  input: ActInput,
) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireState(c, ['reviewing'], '审查');
    const result = await deps.workflow.act(tx, ctx, actor, c.id, taskId, input);
    const label = `${result.step.name}：${ACT_LABELS[input.action]}`;
    if (result.outcome === 'approved' || result.outcome === 'denied') {
      await recordChange(deps, tx, ctx, c, {
        action: 'decide',
        to: 'decided',
        label: result.outcome === 'approved' ? '决定：准予许可' : '决定：不予许可',
        opinion: input.opinion,
        patch: { decision: result.outcome, decision_reason: input.opinion, decided_at: deps.clock.now() },
      });
      return;
    }
    await recordChange(deps, tx, ctx, c, {
      action: 'step',
      to: 'reviewing',
      label,
      opinion: input.opinion,
      data: { step: result.step.key, outcome: result.outcome },
      notify: result.outcome !== 'waiting',
    });
  });
}

export function startSpecial(
  deps: CasesDeps,
  ctx: RequestContext,
  caseId: string,
  input: { kind: SpecialKind; reason: string },
) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isHandlerOf(actor, c) && hasRole(actor, 'dept_head'));
    requireState(c, ['reviewing'], '启动特别程序');
    const now = deps.clock.now();
    await store.insertClockStop(tx, {
      id: newId(),
      case_id: c.id,
      kind: 'special',
      special_kind: input.kind,
      reason: input.reason,
      started_at: now,
      started_on: shanghaiDate(now),
    });
    await recordChange(deps, tx, ctx, c, {
      action: 'special_start',
      to: 'special',
      label: `启动特别程序：${input.kind}`,
      opinion: input.reason,
      data: { kind: input.kind },
    });
  });
}

export function endSpecial(deps: CasesDeps, ctx: RequestContext, caseId: string, result: string) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isHandlerOf(actor, c) && hasRole(actor, 'dept_head'));
    requireState(c, ['special'], '结束特别程序');
    const stop = (await store.clockStopsOf(tx, c.id)).find(
      (s) => s.kind === 'special' && s.ended_on === null,
    );
    if (!stop) throw caseErrors.noOpenStop();
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const paused = await pausedDaysBetween(tx, stop.started_on, today);
    await store.endClockStop(tx, stop.id, { ended_at: now, ended_on: today, paused_days: paused, result });
    await recordChange(deps, tx, ctx, c, {
      action: 'special_end',
      to: 'reviewing',
      label: `特别程序结束：${stop.special_kind}`,
      opinion: result,
      patch: {
        legal_due_on: await shiftDue(tx, c.legal_due_on, paused),
        promised_due_on: await shiftDue(tx, c.promised_due_on, paused),
      },
      data: { pausedDays: paused },
    });
  });
}

/** 延长审批 (art. 42): once per case, by the head, with a reason the applicant is told. */
export function extend(
  deps: CasesDeps,
  ctx: RequestContext,
  caseId: string,
  input: { days: number; reason: string },
) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isHandlerOf(actor, c) && hasRole(actor, 'dept_head'));
    requireState(c, ['reviewing', 'special'], '延长审批期限');
    if (c.extension_days > 0) throw caseErrors.extendedAlready();
    const now = deps.clock.now();
    await store.insertClockStop(tx, {
      id: newId(),
      case_id: c.id,
      kind: 'extension',
      reason: input.reason,
      started_at: now,
      started_on: shanghaiDate(now),
      ended_at: now,
      ended_on: shanghaiDate(now),
      paused_days: 0,
      result: `延长 ${input.days} 个工作日`,
    });
    await recordChange(deps, tx, ctx, c, {
      action: 'extend',
      to: c.state,
      label: `延长审批期限 ${input.days} 个工作日`,
      opinion: input.reason,
      patch: {
        extension_days: input.days,
        extension_reason: input.reason,
        legal_due_on: await shiftDue(tx, c.legal_due_on, input.days),
        promised_due_on: await shiftDue(tx, c.promised_due_on, input.days),
      },
      data: { days: input.days },
    });
  });
}

export function conclude(deps: CasesDeps, ctx: RequestContext, caseId: string, note: string) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isHandlerOf(actor, c) && hasRole(actor, 'window_clerk', 'dept_head'));
    requireState(c, ['decided'], '办结');
    await recordChange(deps, tx, ctx, c, {
      action: 'conclude',
      to: 'concluded',
      opinion: note || null,
      patch: {
        concluded_at: deps.clock.now(),
        result_name:
          c.decision === 'approved' ? `${c.item_name}（准予）` : `${c.item_name}（不予许可决定书）`,
      },
    });
  });
}

/** Withdraws one case (a bundle's parent: every sub-case still open), inside the caller's transaction. */
async function withdrawOne(deps: CasesDeps, tx: Tx, ctx: RequestContext, c: store.CaseRow, reason: string) {
  const now = deps.clock.now();
  await deps.workflow.cancel(tx, c.id);
  const open = (await store.clockStopsOf(tx, c.id)).find(
    (s) => s.kind !== 'extension' && s.ended_on === null,
  );
  if (open) {
    const today = shanghaiDate(now);
    const paused = await pausedDaysBetween(tx, open.started_on, today);
    await store.endClockStop(tx, open.id, {
      ended_at: now,
      ended_on: today,
      paused_days: paused,
      result: '申请人撤回',
    });
  }
  await recordChange(deps, tx, ctx, c, {
    action: 'withdraw',
    to: 'withdrawn',
    patch: { closed_reason: reason, concluded_at: now },
    opinion: reason,
  });
}

export function withdraw(deps: CasesDeps, ctx: RequestContext, caseId: string, reason: string) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isApplicantOf(actor, c));
    requireState(c, WITHDRAWABLE, '撤回');
    if (c.bundle_id && !c.parent_id) {
      for (const child of await store.childrenOf(tx, c.id)) {
        const locked = await store.lockCase(tx, child.id);
        if (locked && WITHDRAWABLE.includes(locked.state)) await withdrawOne(deps, tx, ctx, locked, reason);
      }
      return;
    }
    await withdrawOne(deps, tx, ctx, c, reason);
  });
}
