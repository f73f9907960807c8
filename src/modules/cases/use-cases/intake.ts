// The window's decisions on a filed case: accept (受理, the clock starts and the review begins), ask once
// for everything missing (一次性告知补正), refuse (不予受理, with reason and legal basis) or return (退件);
// and the applicant's answer to a supplement request.
import { addWorkingDays } from '../../../platform/calendar.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { ProcessDefinition } from '../../workflow/index.ts';
import { duesFrom, NOTICE_DAYS, pausedDaysBetween, shiftDue } from '../clock.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import { hasRole, isApplicantOf, isHandlerOf } from '../policy.ts';
import { recordChange } from '../record.ts';
import type { CaseView, MaterialInput, SupplementInput } from '../schema.ts';
import * as store from '../store.ts';
import { actorIn, requireRole, requireState, visibleCase, withCase } from './common.ts';
import { addMaterials } from './submit.ts';

/** Accepts inside the caller's transaction; without a process the item is instant and concludes at once. */
export async function acceptInTx(
  deps: CasesDeps,
  tx: Tx,
  ctx: RequestContext,
  caseId: string,
  note: string,
  process?: ProcessDefinition,
): Promise<void> {
  const c = await store.lockCase(tx, caseId);
  if (!c) throw caseErrors.notFound();
  requireState(c, ['submitted'], '受理');
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const dues = await duesFrom(tx, today, c);
  const accepted = {
    accepted_at: now,
    accepted_on: today,
    accepted_by_name: ctx.actor?.displayName ?? '系统',
    acceptance_doc_no: `SL${c.case_no.replaceAll('-', '')}`,
    legal_due_on: dues.legalDueOn,
    promised_due_on: dues.promisedDueOn,
  };
  if (c.is_instant || !process) {
    await recordChange(deps, tx, ctx, c, {
      action: 'accept',
      to: 'reviewing',
      patch: accepted,
      opinion: note,
      notify: false,
    });
    const decided = { ...c, ...accepted, state: 'reviewing' as const };
    await recordChange(deps, tx, ctx, decided, {
      action: 'decide',
      to: 'decided',
      patch: { decision: 'approved', decision_reason: '即办件当场办理', decided_at: now },
      notify: false,
    });
    await recordChange(
      deps,
      tx,
      ctx,
      { ...decided, state: 'decided' },
      {
        action: 'conclude',
        to: 'concluded',
        patch: { concluded_at: now },
      },
    );
    return;
  }
  await deps.workflow.start(tx, {
    subjectId: c.id,
    departmentId: c.department_id,
    definition: process,
    context: { applicantKind: c.applicant_kind, form: c.form },
    subject: { caseNo: c.case_no, title: c.item_name, applicantName: c.applicant_name },
  });
  await recordChange(deps, tx, ctx, c, {
    action: 'accept',
    to: 'reviewing',
    patch: accepted,
    opinion: note || null,
    data: {
      legalDueOn: dues.legalDueOn,
      promisedDueOn: dues.promisedDueOn,
      isNoticeLate: today > c.notice_due_on,
    },
  });
}

export async function accept(
  deps: CasesDeps,
  ctx: RequestContext,
  caseId: string,
  note: string,
): Promise<CaseView> {
  const actor = actorIn(ctx);
  const seen = await visibleCase(deps.db, actor, caseId);
  const process = seen.is_instant
    ? undefined
    : await deps.workflow.processFor(seen.implementation_id, seen.promised_limit_days);
  return withCase(deps, ctx, caseId, async (tx, c) => {
    requireRole(hasRole(actor, 'window_clerk') && isHandlerOf(actor, c));
    await acceptInTx(deps, tx, ctx, c.id, note, process);
  });
}

/** 一次性告知: one complete list. Before acceptance the clock has not started; during review it pauses. */
export function requestSupplement(
  deps: CasesDeps,
  ctx: RequestContext,
  caseId: string,
  input: SupplementInput,
) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    const isReview = c.state === 'reviewing';
    requireRole(
      isHandlerOf(actor, c) &&
        hasRole(actor, ...(isReview ? (['reviewer', 'dept_head'] as const) : (['window_clerk'] as const))),
    );
    requireState(c, ['submitted', 'reviewing'], '要求补正');
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    await store.insertSupplement(tx, {
      id: newId(),
      case_id: c.id,
      items: input.items,
      note: input.note,
      requested_at: now,
      requested_by_name: actor.displayName,
      answered_at: null,
    });
    if (isReview) {
      await store.insertClockStop(tx, {
        id: newId(),
        case_id: c.id,
        kind: 'supplement',
        reason: `补正：${input.items.map((i) => i.name).join('、')}`,
        started_at: now,
        started_on: today,
      });
    }
    await recordChange(deps, tx, ctx, c, {
      action: 'supplement',
      to: 'supplementing',
      opinion: [input.items.map((i) => `${i.name}（${i.reason}）`).join('；'), input.note]
        .filter(Boolean)
        .join('。'),
      data: { items: input.items.length, isNoticeLate: !isReview && today > c.notice_due_on },
    });
  });
}

/** The applicant supplies what was asked; the case returns to where it was and the clock runs again. */
export function supply(deps: CasesDeps, ctx: RequestContext, caseId: string, materials: MaterialInput[]) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isApplicantOf(actor, c));
    requireState(c, ['supplementing'], '提交补正材料');
    // every supplied material needs files (e-licenses in place of files wait for the licenses module)
    const empty = materials.findIndex((m) => m.fileIds.length === 0 || m.licenseRef !== null);
    if (empty >= 0) {
      throw caseErrors.materialsInvalid(undefined, [
        { path: `body.materials.${empty}.fileIds`, message: '请上传文件' },
      ]);
    }
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const earlier = await store.materialsOf(tx, c.id);
    const required = new Set(earlier.filter((m) => m.is_required).map((m) => m.name));
    const round = Math.max(1, ...earlier.map((m) => m.round)) + 1;
    await addMaterials(deps, tx, c, materials, round, actor, required);
    const request = await store.openSupplement(tx, c.id);
    if (request && !request.answered_at) await store.answerSupplement(tx, request.id, now);
    const stop = (await store.clockStopsOf(tx, c.id)).find(
      (s) => s.kind === 'supplement' && s.ended_on === null,
    );
    if (!stop) {
      // before acceptance: a new receipt, and a new 5-working-day notice deadline
      const patch = { received_on: today, notice_due_on: await addWorkingDays(tx, today, NOTICE_DAYS) };
      await recordChange(deps, tx, ctx, c, { action: 'supply', to: 'submitted', patch, data: { round } });
      return;
    }
    const paused = await pausedDaysBetween(tx, stop.started_on, today);
    await store.endClockStop(tx, stop.id, {
      ended_at: now,
      ended_on: today,
      paused_days: paused,
      result: null,
    });
    const patch = {
      legal_due_on: await shiftDue(tx, c.legal_due_on, paused),
      promised_due_on: await shiftDue(tx, c.promised_due_on, paused),
    };
    await recordChange(deps, tx, ctx, c, {
      action: 'supply',
      to: 'reviewing',
      patch,
      data: { round, pausedDays: paused },
    });
  });
}

export function refuse(
  deps: CasesDeps,
  ctx: RequestContext,
  caseId: string,
  input: { reason: string; basis: string },
) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isHandlerOf(actor, c) && hasRole(actor, 'window_clerk'));
    requireState(c, ['submitted', 'supplementing'], '作出不予受理决定');
    await deps.workflow.cancel(tx, c.id);
    await recordChange(deps, tx, ctx, c, {
      action: 'refuse',
      to: 'refused',
      patch: { refusal_reason: input.reason, refusal_basis: input.basis, concluded_at: deps.clock.now() },
      opinion: input.reason,
    });
  });
}

export function returnCase(deps: CasesDeps, ctx: RequestContext, caseId: string, reason: string) {
  return withCase(deps, ctx, caseId, async (tx, c, actor) => {
    requireRole(isHandlerOf(actor, c) && hasRole(actor, 'window_clerk'));
    requireState(c, ['submitted'], '退件');
    await recordChange(deps, tx, ctx, c, {
      action: 'return',
      to: 'returned',
      patch: { closed_reason: reason, concluded_at: deps.clock.now() },
      opinion: reason,
    });
  });
}
