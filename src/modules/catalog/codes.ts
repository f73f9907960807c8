// Item codes, stored as opaque strings (STANDARDS §4: nothing is ever derived from them).
//
// 基本编码 (basic code, ≤ 12): the demo data has no verified national codes, so the seed makes them in the
// shape seen on real platforms — 2-character catalog prefix + 2-digit 事项类型 (A.1) + 5-digit main item +
// 3-digit sub-item. Demo prefix '41' (河南 local items); main item = 10000 + the item's position in the seed
// list; sub-item '000'. Example: the first item, a 行政许可, is 41 01 10001 000 → '410110001000'.
//
// 实施编码 (implementation code, ≤ 36): the implementing department's 18-character USCC + the 行使层级
// digit (A.2: 3 市级, 4 县级, 5 乡级) + the 12-character basic code = 31 characters. A township
// implementation carried out by a county department at the township's service centre (便民服务中心)
// appends the township's 3-digit code so each township's code stays unique (34 characters; demo scheme).
import type { ImplementationLevel, ItemTypeCode } from './schema.ts';

export const LEVEL_DIGIT: Record<ImplementationLevel, string> = { city: '3', county: '4', township: '5' };

export function basicCode(typeCode: ItemTypeCode, position: number, prefix = '41'): string {
  return `${prefix}${typeCode}${String(10000 + position).padStart(5, '0')}000`;
}

export function implementationCode(
  departmentUscc: string,
  level: ImplementationLevel,
  basic: string,
  townshipCode?: string,
): string {
  const suffix = level === 'township' && townshipCode ? townshipCode.slice(-3) : '';
  return `${departmentUscc}${LEVEL_DIGIT[level]}${basic}${suffix}`;
}
