import { describe, expect, it } from 'vitest';
import { checkRows, typedValue } from './quality.ts';
import { DataItem } from './schema.ts';

const item = (over: object) => DataItem.parse({ name: '项', key: 'v', type: 'C', length: 10, ...over });
const today = new Date('2026-03-02T02:00:00Z');
const rows = (...values: string[]) => values.map((v, i) => ({ row: i + 2, cells: { v } }));

describe('quality rules', () => {
  it('reads every type code and refuses what is not of the type', () => {
    expect(typedValue(item({ type: 'I' }), '42')).toEqual({ value: 42 });
    expect(typedValue(item({ type: 'I' }), '4.2')).toHaveProperty('error');
    expect(typedValue(item({ type: 'Y' }), '12.50')).toEqual({ value: 12.5 });
    expect(typedValue(item({ type: 'Y' }), '12.505')).toHaveProperty('error');
    expect(typedValue(item({ type: 'N', length: 3 }), '1234')).toHaveProperty('error');
    expect(typedValue(item({ type: 'F' }), '1e3')).toEqual({ value: 1000 });
    expect(typedValue(item({ type: 'B' }), 'abc')).toHaveProperty('error');
    expect(typedValue(item({ type: 'L' }), '是')).toEqual({ value: true });
    expect(typedValue(item({ type: 'L' }), '也许')).toHaveProperty('error');
    expect(typedValue(item({ type: 'D' }), '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(typedValue(item({ type: 'D' }), '2023-02-29')).toHaveProperty('error');
    expect(typedValue(item({ type: 'T' }), '2024-02-29 08:30')).toEqual({ value: '2024-02-29T08:30:00' });
    expect(typedValue(item({ type: 'C', length: 2 }), '信阳市')).toHaveProperty('error');
    expect(typedValue(item({ type: 'M' }), 'x'.repeat(10))).toEqual({ value: 'x'.repeat(10) });
  });

  it('checks pattern, range, code list and references, and measures validity', () => {
    const items = [item({ type: 'I', rules: { min: 1, max: 10 } })];
    const range = checkRows(items, {}, 'daily', rows('0', '5', '11'), today, () => true);
    expect(range.problems.map((p) => [p.row, p.message])).toEqual([
      [2, '小于下限 1：0'],
      [4, '大于上限 10：11'],
    ]);
    expect(range.validity).toBeCloseTo(1 / 3, 4);
    const pattern = checkRows(
      [item({ rules: { pattern: '[A-Z]{2}\\d+' } })],
      {},
      'daily',
      rows('AB12', 'AB12x'),
      today,
      () => true,
    );
    expect(pattern.rejected).toEqual(new Set([3]));
    const codes = checkRows(
      [item({ rules: { codes: ['01', '02'] } })],
      {},
      'daily',
      rows('01', '03'),
      today,
      () => true,
    );
    expect(codes.rejected).toEqual(new Set([3]));
    const refs = checkRows(
      [item({ rules: { references: { resourceCode: '102001/00001', itemKey: 'uscc' } } })],
      {},
      'daily',
      rows('known', 'unknown'),
      today,
      (_item, value) => value === 'known',
    );
    expect(refs.problems.map((p) => p.row)).toEqual([3]);
    expect(refs.problems[0].message).toContain('102001/00001');
  });

  it('counts stale rows against the update cycle as warnings, not rejections', () => {
    const items = [item({ type: 'D' })];
    const monthly = checkRows(
      items,
      { freshness: { itemKey: 'v' } },
      'monthly',
      rows('2026-02-20', '2025-12-01'),
      today,
      () => true,
    );
    expect(monthly.rejected.size).toBe(0);
    expect(monthly.timeliness).toBe(0.5);
    expect(monthly.warnings.map((w) => [w.row, w.code])).toEqual([[3, 'stale']]);
    const explicit = checkRows(
      items,
      { freshness: { itemKey: 'v', maxAgeDays: 365 } },
      'monthly',
      rows('2025-12-01'),
      today,
      () => true,
    );
    expect(explicit.timeliness).toBe(1);
    expect(checkRows(items, {}, 'monthly', rows('2025-12-01'), today, () => true).timeliness).toBeNull();
  });
});
