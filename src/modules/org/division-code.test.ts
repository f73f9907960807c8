import { describe, expect, it } from 'vitest';
import { divisionLevelOf, divisionPrefix, isWithinScope } from './division-code.ts';

describe('division codes', () => {
  it('reads the level from the code', () => {
    expect(divisionLevelOf('410000')).toBe('province');
    expect(divisionLevelOf('411500')).toBe('city');
    expect(divisionLevelOf('411502')).toBe('county');
    expect(divisionLevelOf('411502001')).toBe('township');
    expect(divisionPrefix('411500')).toBe('4115');
  });

  it('puts counties and townships within their city, and nothing within a sibling', () => {
    expect(isWithinScope('411500', '411500')).toBe(true);
    expect(isWithinScope('411500', '411502')).toBe(true);
    expect(isWithinScope('411500', '411502001')).toBe(true);
    expect(isWithinScope('411502', '411502001')).toBe(true);
    expect(isWithinScope('411502', '411503')).toBe(false);
    expect(isWithinScope('411502', '411503001')).toBe(false);
    expect(isWithinScope('411502', '411500')).toBe(false);
    expect(isWithinScope('411502001', '411502')).toBe(false);
    expect(isWithinScope('411500', '411600')).toBe(false);
    expect(isWithinScope('410000', '411502001')).toBe(true);
  });

  it('never lets a malformed code through', () => {
    expect(isWithinScope('', '411502')).toBe(false);
    expect(isWithinScope('4115', '411502')).toBe(false);
    expect(isWithinScope('411500', '4115xx')).toBe(false);
  });
});
