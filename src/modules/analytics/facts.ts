// The pure heart of the incremental statistics: a case's fact row (what statistics keep of it) and
// its contribution to the daily aggregates — one count per thing that happened, on the day it
// happened. When a fact row changes, the old contribution is taken away and the new one added; the
// rebuild recounts the same definition in SQL (store.recountDaily) and must agree.
import type { StatFacts } from '../cases/index.ts';

export const MEASURES = [
  'submitted',
  'accepted',
  'refused',
  'returned',
  'withdrawn',
  'concluded',
  'concluded_on_time',
  'approved',
  'denied',
] as const;
export type Measure = (typeof MEASURES)[number];

export type FactRow = {
  case_id: string;
  version: Date;
  department_id: string;
  implementation_id: string;
  division_code: string;
  channel: string;
  state: string;
  decision: string | null;
  received_on: string;
  accepted_on: string | null;
  closed_on: string | null;
  promised_due_on: string | null;
  is_open: boolean;
  is_paused: boolean;
  is_on_time: boolean | null;
};

const CLOSED = ['decided', 'concluded', 'withdrawn', 'refused', 'returned'];

/** The fact row of a case as the cases module reports it now. */
export function toFactRow(f: StatFacts): FactRow {
  const isConcluded = f.state === 'concluded';
  return {
    case_id: f.id,
    version: f.version,
    department_id: f.departmentId,
    implementation_id: f.implementationId,
    division_code: f.divisionCode,
    channel: f.channel,
    state: f.state,
    decision: f.decision,
    received_on: f.receivedOn,
    accepted_on: f.acceptedOn,
    closed_on: f.closedOn,
    promised_due_on: f.promisedDueOn,
    is_open: !CLOSED.includes(f.state),
    is_paused: f.isPaused,
    // 按时办结: concluded on or before the promised due day (an instant item has none: on time)
    is_on_time: isConcluded
      ? f.promisedDueOn === null || (f.closedOn !== null && f.closedOn <= f.promisedDueOn)
      : null,
  };
}

export type Dims = Pick<FactRow, 'department_id' | 'implementation_id' | 'division_code' | 'channel'>;
export type Contribution = { day: string; measure: Measure };

/** What one case counts: submitted on its receipt day, accepted on its acceptance day, and so on. */
export function contributionsOf(f: FactRow): Contribution[] {
  const out: Contribution[] = [{ day: f.received_on, measure: 'submitted' }];
  if (f.accepted_on) out.push({ day: f.accepted_on, measure: 'accepted' });
  const closed = f.closed_on;
  if (closed && ['refused', 'returned', 'withdrawn'].includes(f.state))
    out.push({ day: closed, measure: f.state as Measure });
  if (closed && f.state === 'concluded') {
    out.push({ day: closed, measure: 'concluded' });
    if (f.is_on_time) out.push({ day: closed, measure: 'concluded_on_time' });
    if (f.decision === 'approved' || f.decision === 'denied') out.push({ day: closed, measure: f.decision });
  }
  return out;
}

export type Delta = Dims & { day: string; counts: Partial<Record<Measure, number>> };

const keyOf = (d: Dims, day: string) =>
  [day, d.department_id, d.implementation_id, d.division_code, d.channel].join('|');

/** The changes to the aggregate rows when a case's fact row goes from `before` (null: new) to `after`. */
export function deltaBetween(before: FactRow | null, after: FactRow | null): Delta[] {
  const rows = new Map<string, Delta>();
  const add = (f: FactRow, sign: 1 | -1) => {
    for (const c of contributionsOf(f)) {
      const key = keyOf(f, c.day);
      let row = rows.get(key);
      if (!row) {
        row = {
          day: c.day,
          department_id: f.department_id,
          implementation_id: f.implementation_id,
          division_code: f.division_code,
          channel: f.channel,
          counts: {},
        };
        rows.set(key, row);
      }
      row.counts[c.measure] = (row.counts[c.measure] ?? 0) + sign;
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  return [...rows.values()].filter((r) => Object.values(r.counts).some((n) => n !== 0));
}

/** Same facts (ignoring the version)? Then nothing to apply. */
export const sameFacts = (a: FactRow, b: FactRow) =>
  (Object.keys(a) as Array<keyof FactRow>).every(
    (k) => k === 'version' || String(a[k] ?? '') === String(b[k] ?? ''),
  );
