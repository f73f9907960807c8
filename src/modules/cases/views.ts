// Rows to response shapes. Personal data leaves only masked; the allowed actions tell the web which
// buttons to show (the service verbs check again).
import { maskIdNumber, maskPhone } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import { clockView } from './clock.ts';
import type { CasesDeps } from './deps.ts';
import { hasRole, isApplicantOf, isHandlerOf } from './policy.ts';
import { ACTION_LABELS } from './record.ts';
import { CASE_STATE_LABELS, type CaseSummary, type CaseView, WITHDRAWABLE } from './schema.ts';
import * as store from './store.ts';

const maskNumber = (idType: string, plain: string) => (idType === '111' ? maskIdNumber(plain) : plain);

export async function toSummary(db: Executor, c: store.CaseRow, now: Date): Promise<CaseSummary> {
  const stops = c.accepted_on ? await store.clockStopsOf(db, c.id) : [];
  const clock = await clockView(db, c, stops, now);
  return {
    id: c.id,
    caseNo: c.case_no,
    itemName: c.item_name,
    departmentName: c.department_name,
    applicantName: c.applicant_name,
    state: c.state,
    stateLabel: CASE_STATE_LABELS[c.state],
    channel: c.channel,
    submittedAt: c.submitted_at.toISOString(),
    isBundle: c.bundle_id !== null && c.parent_id === null,
    remainingDays: clock.remainingDays,
    isOverdue: clock.isOverdue,
  };
}

export function allowedActions(actor: Actor, c: store.CaseRow): string[] {
  const allowed: string[] = [];
  const isParent = c.bundle_id !== null && c.parent_id === null;
  if (isApplicantOf(actor, c)) {
    if (WITHDRAWABLE.includes(c.state)) allowed.push('withdraw');
    if (c.state === 'supplementing' && !isParent) allowed.push('supply');
    return allowed;
  }
  if (!isHandlerOf(actor, c) || isParent) return allowed;
  const clerk = hasRole(actor, 'window_clerk');
  const head = hasRole(actor, 'dept_head');
  if (c.state === 'submitted' && clerk) allowed.push('accept', 'supplement', 'refuse', 'return');
  if (c.state === 'reviewing' && hasRole(actor, 'reviewer', 'dept_head')) allowed.push('supplement');
  if (c.state === 'reviewing' && head) allowed.push('special_start');
  if (c.state === 'special' && head) allowed.push('special_end');
  if ((c.state === 'reviewing' || c.state === 'special') && head && c.extension_days === 0)
    allowed.push('extend');
  if (c.state === 'decided' && (clerk || head)) allowed.push('conclude');
  return allowed;
}

/** A case's rows as its view reads them; given for a case just written, they need not be read back. */
export type CaseRows = {
  materials: store.MaterialRow[];
  events: store.EventRow[];
  stops: store.ClockStopRow[];
  supplement: store.SupplementRow | undefined;
  children: store.CaseRow[];
};

export async function toCaseView(
  deps: CasesDeps,
  c: store.CaseRow,
  actor: Actor,
  known?: CaseRows,
): Promise<CaseView> {
  const db = deps.db;
  const now = deps.clock.now();
  const { materials, events, stops, supplement, children } = known ?? (await caseRows(db, c.id));
  const summary = await toSummary(db, c, now);
  const files = new Map(
    (
      await deps.files.describe(
        materials.flatMap((m) => m.file_ids),
        actor.accountId,
      )
    ).map((f) => [f.id, f]),
  );
  return {
    ...summary,
    parentId: c.parent_id,
    children: await Promise.all(children.map((child) => toSummary(db, child, now))),
    implementationId: c.implementation_id,
    versionId: c.version_id,
    basicCode: c.basic_code,
    implementationCode: c.implementation_code,
    departmentId: c.department_id,
    divisionCode: c.division_code,
    isInstant: c.is_instant,
    legalLimitDays: c.legal_limit_days,
    promisedLimitDays: c.promised_limit_days,
    applicant: {
      kind: c.applicant_kind,
      name: c.applicant_name,
      idType: c.applicant_id_type,
      idNumberMasked: maskNumber(c.applicant_id_type, deps.cipher.decrypt(c.applicant_id_enc)),
      contactName: c.contact_name,
      contactPhoneMasked: maskPhone(deps.cipher.decrypt(c.contact_phone_enc)),
      address: c.contact_address,
      postcode: c.postcode,
    },
    deliveryMethod: c.delivery_method,
    form: c.form,
    formSchema: c.form_schema,
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      isRequired: m.is_required,
      fileIds: m.file_ids,
      files: m.file_ids.flatMap((id) => files.get(id) ?? []),
      licenseRef: m.license_ref,
      round: m.round,
      providedAt: m.provided_at.toISOString(),
    })),
    supplement: supplement
      ? {
          id: supplement.id,
          items: supplement.items,
          note: supplement.note,
          requestedAt: supplement.requested_at.toISOString(),
          answeredAt: supplement.answered_at?.toISOString() ?? null,
        }
      : null,
    clock: await clockView(db, c, stops, now),
    clockStops: stops.map((s) => ({
      kind: s.kind,
      a7Code: s.kind === 'extension' ? '1' : s.kind === 'special' ? '2' : null,
      specialKind: s.special_kind,
      reason: s.reason,
      startedOn: s.started_on,
      endedOn: s.ended_on,
      pausedDays: s.paused_days,
      result: s.result,
    })),
    acceptanceDocNo: c.acceptance_doc_no,
    decision: c.decision,
    decisionReason: c.decision_reason,
    resultName: c.result_name,
    refusal: c.refusal_reason ? { reason: c.refusal_reason, basis: c.refusal_basis ?? '' } : null,
    closedReason: c.closed_reason,
    concludedAt: c.concluded_at?.toISOString() ?? null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      actorName: e.actor_name,
      action: e.action,
      actionLabel: String(e.data.label ?? ACTION_LABELS[e.action] ?? e.action),
      fromState: e.from_state,
      toState: e.to_state,
      opinion: e.opinion,
    })),
    allowed: allowedActions(actor, c),
  };
}

async function caseRows(db: Executor, caseId: string): Promise<CaseRows> {
  const [materials, events, stops, supplement, children] = await Promise.all([
    store.materialsOf(db, caseId),
    store.eventsOf(db, caseId),
    store.clockStopsOf(db, caseId),
    store.openSupplement(db, caseId),
    store.childrenOf(db, caseId),
  ]);
  return { materials, events, stops, supplement, children };
}
