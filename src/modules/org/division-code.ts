// GB/T 2260 division codes, pure: a code's level and whether one division lies within another.
// Six-digit codes end in 0000 for a province and 00 for a prefecture-level city; nine-digit codes are
// townships (six-digit county code + three digits, 国家统计局 统计用区划代码).
import type { DivisionLevel } from './schema.ts';

const CODE = /^\d{6}(\d{3})?$/;

export const isDivisionCodeFormat = (code: string): boolean => CODE.test(code);

export function divisionLevelOf(code: string): DivisionLevel {
  if (!CODE.test(code)) throw new RangeError(`not a division code: ${code}`);
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The significant prefix: 410000 → 41, 411500 → 4115, 411502 → 411502, 411502001 → 411502001. */
export function divisionPrefix(code: string): string {
  const level = divisionLevelOf(code);
  if (level === 'province') return code.slice(0, 2);
  if (level === 'city') return code.slice(0, 4);
  return code;
}

/**
 * true when `target` is `scope` itself or lies below it (city ⊇ its counties ⊇ their townships).
 * A staff member scoped to 411500 may act in 411502 and 411502001; one scoped to 411502 may not act
 * in 411503 or in the city itself. Malformed codes are never within scope.
 */
export function isWithinScope(scope: string, target: string): boolean {
  if (!CODE.test(scope) || !CODE.test(target)) return false;
  return target.startsWith(divisionPrefix(scope));
}
