// The statutory clock (行政许可法 arts. 32, 42, 45, 82): deadlines count working days from acceptance on
// the holiday calendar; a paused interval (补正 during review, 特别程序) moves both deadlines by the working
// days it lasted; one extension (延长审批) adds days. "Remaining" counts working days after today up to
// and including the due day: 0 means today is the last day, negative means overdue.
import {
  addWorkingDays,
  type CalendarWindow,
  calendarWindow,
  workingDaysBetween,
} from '../../platform/calendar.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { ClockView } from './schema.ts';
import type { CaseRow, ClockStopRow } from './store.ts';

/** Days the 一次性告知 (supplement notice) may take after the materials were received (art. 32). */
export const NOTICE_DAYS = 5;

/** The dues of a case accepted on `acceptedOn` (the limits run from the next working day). */
export async function duesFrom(
  db: Executor,
  acceptedOn: string,
  c: Pick<CaseRow, 'legal_limit_days' | 'promised_limit_days'>,
) {
  const legal = c.legal_limit_days ?? c.promised_limit_days;
  const promised = c.promised_limit_days ?? c.legal_limit_days;
  return {
    legalDueOn: legal === null ? null : await addWorkingDays(db, acceptedOn, legal),
    promisedDueOn: promised === null ? null : await addWorkingDays(db, acceptedOn, promised),
  };
}

/** Moves a due day by n working days (a closed pause or an extension); null stays null. */
export async function shiftDue(db: Executor, due: string | null, n: number): Promise<string | null> {
  if (due === null || n === 0) return due;
  return addWorkingDays(db, due, n);
}

/** Working days a pause from `startedOn` to `endedOn` took: the days in (start, end]. */
export const pausedDaysBetween = (db: Executor, startedOn: string, endedOn: string) =>
  workingDaysBetween(db, startedOn, endedOn);

export async function clockView(
  db: Executor,
  c: CaseRow,
  stops: ClockStopRow[],
  now: Date,
): Promise<ClockView> {
  // a clock that does not count (not yet accepted, or closed) reads no calendar
  if (!isCounting(c)) return clockViewOn(NO_CALENDAR, c, stops, now);
  const calendar = await calendarWindow(db, clockDays(c, stops, now));
  return clockViewOn(calendar, c, stops, now);
}

const isCounting = (c: CaseRow) => c.accepted_on !== null && !isClosed(c);
const NO_CALENDAR: CalendarWindow = {
  workingDaysBetween: () => {
    throw new RangeError('the clock does not count');
  },
};

/** The days clockViewOn counts between: give them to calendarWindow (for many cases, all of them). */
export function clockDays(c: CaseRow, stops: ClockStopRow[], now: Date): string[] {
  const days = [countingFrom(stops, now)];
  if (c.promised_due_on) days.push(c.promised_due_on);
  if (c.legal_due_on) days.push(c.legal_due_on);
  return days;
}

/** While paused the count stands still at the day the pause began. */
const openPause = (stops: ClockStopRow[]) => stops.find((s) => s.kind !== 'extension' && s.ended_on === null);
const countingFrom = (stops: ClockStopRow[], now: Date) => openPause(stops)?.started_on ?? shanghaiDate(now);

/** The clock of a case with the calendar of its days already read (clockDays). */
export function clockViewOn(
  calendar: CalendarWindow,
  c: CaseRow,
  stops: ClockStopRow[],
  now: Date,
): ClockView {
  const asOf = countingFrom(stops, now);
  const counting = isCounting(c);
  const remaining = (due: string | null) =>
    counting && due !== null ? calendar.workingDaysBetween(asOf, due) : null;
  const remainingDays = remaining(c.promised_due_on);
  return {
    acceptedOn: c.accepted_on,
    legalDueOn: c.legal_due_on,
    promisedDueOn: c.promised_due_on,
    remainingDays,
    legalRemainingDays: remaining(c.legal_due_on),
    isPaused: openPause(stops) !== undefined,
    isOverdue: remainingDays !== null && remainingDays < 0,
    extensionDays: c.extension_days,
    pausedDays: stops.reduce((sum, s) => sum + (s.paused_days ?? 0), 0),
    noticeDueOn: c.notice_due_on,
  };
}

/** A decided, concluded or closed case no longer counts down. */
export const isClosed = (c: Pick<CaseRow, 'state'>) =>
  ['decided', 'concluded', 'withdrawn', 'refused', 'returned'].includes(c.state);
