// What supervision (电子监察) reads about a case's clock: the dues and remaining working days exactly
// as the case view computes them (clock.ts), when the first 补正 notice went out and the special
// procedures with their reasons. No access check: modules call it, not people. Changes nothing.

import { calendarWindow } from '../../../platform/calendar.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import { clockDays, clockViewOn, isClosed } from '../clock.ts';
import type { CasesDeps } from '../deps.ts';
import { CASE_STATE_LABELS } from '../schema.ts';
import * as reads from '../store-reads.ts';

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

/** The clock facts of many cases with five queries in all (cases, stops, 补正, calendar) — the sweep's path. */
export async function clockFacts(deps: CasesDeps, caseIds: string[]): Promise<ClockFacts[]> {
  const now = deps.clock.now();
  const [cases, allStops, asked] = await Promise.all([
    reads.findCases(deps.db, caseIds),
    reads.clockStopsOfCases(deps.db, caseIds),
    reads.firstSupplementsOf(deps.db, caseIds),
  ]);
  const stopsOf = (id: string) => allStops.filter((s) => s.case_id === id);
  const askedOn = new Map(asked.map((a) => [a.case_id, shanghaiDate(new Date(a.requested_at))]));
  const calendar = await calendarWindow(
    deps.db,
    cases.flatMap((c) => clockDays(c, stopsOf(c.id), now)),
  );
  return cases.map((c) => {
    const stops = stopsOf(c.id);
    const clock = clockViewOn(calendar, c, stops, now);
    const limit = c.promised_limit_days ?? c.legal_limit_days;
    return {
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
      supplementRequestedOn: askedOn.get(c.id) ?? null,
      specials: stops
        .filter((s) => s.kind === 'special')
        .map((s) => ({ kind: s.special_kind, reason: s.reason, startedOn: s.started_on })),
    };
  });
}

/** One page of open case ids (id order) for a sweep over every case still counting down. */
export const openCaseIds = async (deps: CasesDeps, afterId: string | null, limit: number) =>
  (await reads.openCaseIds(deps.db, afterId, limit)).map((r) => r.id);
