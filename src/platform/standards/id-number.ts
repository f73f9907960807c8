// 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence, and an
// ISO 7064 MOD 11-2 check character. See STANDARDS.md §1.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (incl. 港澳台 83/81/82 used on residence permits). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'format' | 'region' | 'birthDate' | 'checksum';

/** Why an ID number is not valid, or null when it is. `today` bounds the birth date. */
export function idNumberProblem(raw: string, today: Date = new Date()): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCES.has(id.slice(0, 2)) || id.slice(2, 6) === '0000') return 'region';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const isRealDate =
    birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!isRealDate || y < 1880 || birth.getTime() > today.getTime()) return 'birthDate';
  if (idNumberCheckChar(id) !== id[17]) return 'checksum';
  return null;
}

export const isValidIdNumber = (raw: string, today?: Date): boolean => idNumberProblem(raw, today) === null;

/** Upper-case x, trim spaces, fold full-width digits and letters to ASCII. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X',
  region: '身份证号前 6 位不是有效的行政区划代码',
  birthDate: '身份证号中的出生日期无效',
  checksum: '身份证号校验位不正确，请核对后重新输入',
};

/** Birth date and sex derived from the number instead of being stored twice. */
export function idNumberFacts(id: string): { birthDate: string; sex: 'male' | 'female' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}
