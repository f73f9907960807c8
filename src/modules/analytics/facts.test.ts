// The contribution of one case to the daily aggregates, and the difference when its facts change.
import { describe, expect, it } from 'vitest';
import { contributionsOf, deltaBetween, type FactRow } from './facts.ts';

const base: FactRow = {
  case_id: 'c1',
  version: new Date('2026-04-01T02:00:00Z'),
  department_id: 'd1',
  implementation_id: 'i1',
  division_code: '411500',
  channel: 'online',
  state: 'submitted',
  decision: null,
  received_on: '2026-03-31',
  accepted_on: null,
  closed_on: null,
  promised_due_on: null,
  is_open: true,
  is_paused: false,
  is_on_time: null,
};

describe('contributions and differences', () => {
  it('a submitted case counts once, on its receipt day', () => {
    expect(contributionsOf(base)).toEqual([{ day: '2026-03-31', measure: 'submitted' }]);
    expect(deltaBetween(null, base)).toEqual([
      {
        day: '2026-03-31',
        department_id: 'd1',
        implementation_id: 'i1',
        division_code: '411500',
        channel: 'online',
        counts: { submitted: 1 },
      },
    ]);
  });

  it('acceptance adds one on the acceptance day and leaves the receipt day alone', () => {
    const accepted = { ...base, state: 'reviewing', accepted_on: '2026-04-02' };
    expect(deltaBetween(base, accepted).map((d) => [d.day, d.counts])).toEqual([
      ['2026-04-02', { accepted: 1 }],
    ]);
  });

  it('conclusion on time counts concluded, on time and the decision; the same facts again change nothing', () => {
    const done: FactRow = {
      ...base,
      state: 'concluded',
      decision: 'approved',
      accepted_on: '2026-04-02',
      closed_on: '2026-04-09',
      promised_due_on: '2026-04-10',
      is_open: false,
      is_on_time: true,
    };
    const reviewing = { ...base, state: 'reviewing', accepted_on: '2026-04-02' };
    expect(deltaBetween(reviewing, done).map((d) => [d.day, d.counts])).toEqual([
      ['2026-04-09', { concluded: 1, concluded_on_time: 1, approved: 1 }],
    ]);
    expect(deltaBetween(done, done)).toEqual([]);
  });

  it('a case moved to another item takes its counts with it', () => {
    const moved = { ...base, implementation_id: 'i2' };
    expect(deltaBetween(base, moved).map((d) => [d.implementation_id, d.counts])).toEqual([
      ['i1', { submitted: -1 }],
      ['i2', { submitted: 1 }],
    ]);
  });
});
