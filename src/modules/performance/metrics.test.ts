// Unit tests of the pure rules: 跑动次数, periods, 无数据 without ratings, the score and shared ranks.
import { describe, expect, it } from 'vitest';
import type { PerformanceCaseFacts } from '../cases/index.ts';
import { type Facts, rowsOf, visitsOf } from './metrics.ts';
import { resolvePeriod } from './period.ts';

const march = resolvePeriod({ month: '2026-03' }, new Date('2026-03-31T02:00:00Z'));
const at = (day: string) => new Date(`${day}T02:00:00Z`);
function kase(over: Partial<PerformanceCaseFacts> & { id: string }): PerformanceCaseFacts {
  return {
    caseNo: over.id,
    departmentId: 'd1',
    departmentName: '甲局',
    implementationId: 'i1',
    itemName: '事项',
    window: null,
    channel: 'online',
    deliveryMethod: 'online',
    state: 'concluded',
    submittedAt: at('2026-03-02'),
    acceptedAt: at('2026-03-02'),
    concludedAt: at('2026-03-04'),
    promisedDueOn: '2026-03-09',
    legalDueOn: '2026-03-16',
    supplements: { requested: 0, suppliedOnline: 0, suppliedAtWindow: 0 },
    ...over,
  };
}
const facts = (cases: PerformanceCaseFacts[]): Facts => ({
  period: march,
  today: '2026-03-31',
  cases,
  ratings: [],
  orders: [],
});

describe('performance metrics', () => {
  it('counts visits: window filing 1, each 补正 supplied at the window 1, pickup 1 unless on the spot', () => {
    expect(visitsOf(kase({ id: 'a' }))).toBe(0);
    expect(visitsOf(kase({ id: 'b', deliveryMethod: 'window' }))).toBe(1);
    const window = { channel: 'window' as const, window: { id: 'c', name: '张' } };
    expect(visitsOf(kase({ id: 'c', ...window }))).toBe(1);
    expect(visitsOf(kase({ id: 'd', ...window, deliveryMethod: 'window' }))).toBe(2);
    expect(
      visitsOf(kase({ id: 'e', ...window, deliveryMethod: 'window', concludedAt: at('2026-03-02') })),
    ).toBe(1);
    const supplied = { requested: 2, suppliedOnline: 1, suppliedAtWindow: 1 };
    expect(visitsOf(kase({ id: 'f', ...window, supplements: supplied }))).toBe(2);
  });

  it('resolves months and ranges in Beijing time and refuses nonsense', () => {
    expect(march.start.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(march.end.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(resolvePeriod({}, new Date('2026-02-28T17:00:00Z')).from).toBe('2026-03-01');
    expect(resolvePeriod({ month: '2028-02' }, new Date()).to).toBe('2028-02-29');
    expect(() => resolvePeriod({ from: '2026-03-02', to: '2026-03-01' }, new Date())).toThrow();
    expect(() => resolvePeriod({ from: '2026-02-29', to: '2026-03-01' }, new Date())).toThrow();
    expect(() => resolvePeriod({ from: '2025-01-01', to: '2026-03-01' }, new Date())).toThrow();
  });

  it('shows 无数据 without ratings and leaves those weights out of the score; equal scores share a rank', () => {
    const rows = rowsOf(
      'department',
      facts([
        kase({ id: 'a' }),
        kase({ id: 'b', departmentId: 'd2', departmentName: '乙局' }),
        kase({ id: 'c', departmentId: 'd3', departmentName: '丙局', concludedAt: at('2026-03-20') }),
      ]),
    );
    const sat = rows[0]?.metrics.find((m) => m.key === 'satisfaction');
    expect(sat).toMatchObject({ numerator: 0, denominator: 0, value: null, text: '无数据' });
    // a, b: everything perfect → 100; c: late (legal 03-16), not early → (15 + 10 + 10) ÷ 70 × 100
    expect(rows.map((r) => [r.name, r.score, r.rank])).toEqual([
      ['甲局', 100, 1],
      ['乙局', 100, 1],
      ['丙局', 50, 3],
    ]);
  });
});
