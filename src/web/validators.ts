// Client-side checks that mirror the server's rules, so a form says what is wrong before it is sent.
// ID number, phone and USCC reuse the platform's pure standard functions (no Node APIs, so Vite bundles
// them); the password check mirrors length and character classes (the server also refuses common
// passwords from a 49k-word list that is too big to ship to the browser).
import { ID_NUMBER_MESSAGES, idNumberProblem } from '../platform/standards/id-number.ts';
import { isValidPhone as isValidMobile, PHONE_MESSAGE } from '../platform/standards/phone.ts';
import { isValidUscc as isValidCreditCode, parseUscc } from '../platform/standards/uscc.ts';

export { idNumberCheckChar, isValidIdNumber, normalizeIdNumber } from '../platform/standards/id-number.ts';
export { generateUscc, usccCheckChar } from '../platform/standards/uscc.ts';
export const isValidPhone = isValidMobile;
export const isValidUscc = isValidCreditCode;

/** The zh-CN reason an ID number is refused, or null. */
export function idNumberMessage(value: string): string | null {
  const problem = idNumberProblem(value);
  return problem ? ID_NUMBER_MESSAGES[problem] : null;
}

export function phoneMessage(value: string): string | null {
  return isValidMobile(value) ? null : PHONE_MESSAGE;
}

export function usccMessage(value: string): string | null {
  const parsed = parseUscc(value);
  if (!parsed.isWellFormed) return '统一社会信用代码应为 18 位，由数字和大写字母（不含 I、O、S、V、Z）组成';
  return parsed.isChecksumValid ? null : '统一社会信用代码校验位不正确，请核对后重新输入';
}

/** How many of the four classes (lower, upper, digit, other) a password uses. */
export function passwordClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(value)).length;
}

/** Null when acceptable, else the zh-CN reason; staff passwords need 12 characters. */
export function passwordProblem(value: string, kind: 'citizen' | 'staff' = 'citizen'): string | null {
  const min = kind === 'staff' ? 12 : 8;
  if (value.length < min) return `密码至少 ${min} 位`;
  if (value.length > 128) return '密码不能超过 128 位';
  if (passwordClasses(value) < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类';
  return null;
}

/** Turns a message function into an Ant Design form rule validator. */
export function rule(message: (value: string) => string | null) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      const problem = value ? message(value) : null;
      if (problem) throw new Error(problem);
    },
  };
}
