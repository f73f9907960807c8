// The explicit mapping between GB/T 39046 A.8 codes (1 非常满意 … 5 非常不满意) and reversed star scales.
import { describe, expect, it } from 'vitest';
import { isBad, LEVEL_LABELS, levelFromStars, starsFromLevel } from './levels.ts';

describe('rating levels', () => {
  it('maps five stars to 非常满意 (code 1) and one star to 非常不满意 (code 5)', () => {
    expect(levelFromStars(5)).toBe(1);
    expect(LEVEL_LABELS[levelFromStars(5)]).toBe('非常满意');
    expect(levelFromStars(1)).toBe(5);
    expect(LEVEL_LABELS[levelFromStars(1)]).toBe('非常不满意');
    expect([1, 2, 3, 4, 5].map(levelFromStars)).toEqual([5, 4, 3, 2, 1]);
  });
  it('round-trips every level', () => {
    for (const level of [1, 2, 3, 4, 5]) expect(levelFromStars(starsFromLevel(level))).toBe(level);
  });
  it('refuses anything outside 1–5', () => {
    for (const bad of [0, 6, 2.5, Number.NaN]) {
      expect(() => levelFromStars(bad)).toThrow(RangeError);
      expect(() => starsFromLevel(bad)).toThrow(RangeError);
    }
  });
  it('counts 不满意 and 非常不满意 as bad ratings, nothing else', () => {
    expect([1, 2, 3, 4, 5].map(isBad)).toEqual([false, false, false, true, true]);
  });
});
