// What supervision (电子监察) reads about a case's clock: the dues and remaining working days exactly
// as the case view computes them (clock.ts), when the first 补正 notice went out and the special
// procedures with their reasons. No access check: modules call it, not people. Changes nothing.
import { shanghaiDate } from '../../../platform/clock.ts';
import { clockView, isClosed } from '../clock.ts';
import type { CasesDeps } from '../deps.ts';
import { CASE_STATE_LABELS } from '../schema.ts';
import * as store from '../store.ts';

export type ClockFacts = {
  id: string;
  caseNo: string;
  state: string;
  /** 已办结, 已撤回 … */
  stateLabel: string;
  isOpen: boolean;
  departmentId: string;
  departmentName: string;
  itemName: string;
  implementationId: string;
  implementationCode: string;
  receivedOn: string;
  acceptedOn: string | null;
  promisedDueOn: string | null;
  legalDueOn: string | null;
  /** the promised limit including an extension (working days) */
  promisedDays: number | null;
  remainingDays: number | null;
  legalRemainingDays: number | null;
  isPaused: boolean;
  /** the day (Beijing) the first 补正 notice was sent */
  supplementRequestedOn: string | null;
  specials: Array<{ kind: string | null; reason: string; startedOn: string }>;
};

export async function clockFacts(deps: CasesDeps, caseIds: string[]): Promise<ClockFacts[]> {
  const out: ClockFacts[] = [];
  for (const id of caseIds) {
    const c = await store.findCase(deps.db, id);
    if (!c) continue;
    const stops = await store.clockStopsOf(deps.db, id);
    const clock = await clockView(deps.db, c, stops, deps.clock.now());
    const asked = await store.firstSupplementAt(deps.db, id);
    const limit = c.promised_limit_days ?? c.legal_limit_days;
    out.push({
      id: c.id,
      caseNo: c.case_no,
      state: c.state,
      stateLabel: CASE_STATE_LABELS[c.state],
      isOpen: !isClosed(c),
      departmentId: c.department_id,
      departmentName: c.department_name,
      itemName: c.item_name,
      implementationId: c.implementation_id,
      implementationCode: c.implementation_code,
      receivedOn: c.received_on,
      acceptedOn: c.accepted_on,
      promisedDueOn: clock.promisedDueOn,
      legalDueOn: clock.legalDueOn,
      promisedDays: limit === null ? null : limit + c.extension_days,
      remainingDays: clock.remainingDays,
      legalRemainingDays: clock.legalRemainingDays,
      isPaused: clock.isPaused,
      supplementRequestedOn: asked ? shanghaiDate(asked) : null,
      specials: stops
        .filter((s) => s.kind === 'special')
        .map((s) => ({ kind: s.special_kind, reason: s.reason, startedOn: s.started_on })),
    });
  }
  return out;
}

/** One page of open case ids (id order) for a sweep over every case still counting down. */
export const openCaseIds = async (deps: CasesDeps, afterId: string | null, limit: number) =>
  (await store.openCaseIds(deps.db, afterId, limit)).map((r) => r.id);
