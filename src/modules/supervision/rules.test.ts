// The rules without a database (only supplement-late reads the calendar): the yellow threshold by
// share or by days, red past the due days, a special procedure without a reason, closed cases.
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../platform/db/index.ts';
import type { ClockFacts } from '../cases/index.ts';
import { findingsFor } from './rules.ts';
import type { RuleRow } from './store.ts';

const noDb = {} as Executor;
const rule = (code: string, level: 'yellow' | 'red', params: Record<string, number> = {}): RuleRow => ({
  code,
  name: code,
  level,
  params,
  is_enabled: true,
  updated_at: new Date(0),
});
const rules = [
  rule('deadline-yellow', 'yellow', { percent: 20, days: 2 }),
  rule('deadline-red', 'red'),
  rule('legal-overdue', 'red'),
  rule('special-no-reason', 'yellow'),
];
const facts = (over: Partial<ClockFacts>): ClockFacts => ({
  id: 'c',
  caseNo: 'n',
  state: 'reviewing',
  stateLabel: '审查中',
  isOpen: true,
  departmentId: 'd',
  departmentName: '部门',
  itemName: '事项',
  implementationId: 'i',
  implementationCode: 'ic',
  receivedOn: '2026-04-01',
  acceptedOn: '2026-04-02',
  promisedDueOn: '2026-04-30',
  legalDueOn: '2026-05-30',
  promisedDays: 20,
  remainingDays: 10,
  legalRemainingDays: 20,
  isPaused: false,
  supplementRequestedOn: null,
  specials: [],
  ...over,
});
const codes = async (over: Partial<ClockFacts>, list = rules) =>
  (await findingsFor(noDb, facts(over), list)).map((f) => f.rule);

describe('supervision rules', () => {
  it('yellow when 20% of a 20-day limit (4 days) remain, though more than 2 days are left', async () => {
    expect(await codes({ remainingDays: 5 })).toEqual([]);
    expect(await codes({ remainingDays: 4 })).toEqual(['deadline-yellow']);
  });
  it('yellow at 2 days left of a 5-day limit, still yellow on the due day, red the day after', async () => {
    expect(await codes({ promisedDays: 5, remainingDays: 3 })).toEqual([]);
    expect(await codes({ promisedDays: 5, remainingDays: 2 })).toEqual(['deadline-yellow']);
    expect(await codes({ promisedDays: 5, remainingDays: 0 })).toEqual(['deadline-yellow']);
    expect(await codes({ promisedDays: 5, remainingDays: -1 })).toEqual(['deadline-red']);
    expect(await codes({ remainingDays: -6, legalRemainingDays: -1 })).toEqual([
      'deadline-red',
      'legal-overdue',
    ]);
  });
  it('a not yet accepted case has no deadline warnings; a closed one has none at all', async () => {
    expect(await codes({ acceptedOn: null, remainingDays: null, legalRemainingDays: null })).toEqual([]);
    expect(await codes({ isOpen: false, state: 'concluded', remainingDays: -3 })).toEqual([]);
  });
  it('flags a special procedure with a blank reason, not one with a reason', async () => {
    const special = (reason: string) => [{ kind: '2', reason, startedOn: '2026-04-08' }];
    expect(await codes({ specials: special('现场核查') })).toEqual([]);
    expect(await codes({ specials: special('  ') })).toEqual(['special-no-reason']);
  });
  it('a disabled rule raises nothing', async () => {
    const off = rules.map((r) => ({ ...r, is_enabled: r.code !== 'deadline-red' }));
    expect(await codes({ remainingDays: -1 }, off)).toEqual([]);
  });
});
