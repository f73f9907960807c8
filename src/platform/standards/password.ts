// Password policy: citizens ≥ 8 characters, staff ≥ 12, at least 3 of 4 character classes, at most
// 128, not a commonly used password (the ~49k-entry common list of @zxcvbn-ts/language-common),
// and not containing the account's own identifiers.
import common from '@zxcvbn-ts/language-common';

const COMMON = new Set((common.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export type PasswordKind = 'citizen' | 'staff';

export const MIN_LENGTH: Record<PasswordKind, number> = { citizen: 8, staff: 12 };
export const MAX_LENGTH = 128;

/** The zh-CN reason a password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  kind: PasswordKind,
  identifiers: string[] = [],
): string | null {
  const min = MIN_LENGTH[kind];
  if (password.length < min) return `密码至少 ${min} 位`;
  if (password.length > MAX_LENGTH) return `密码不能超过 ${MAX_LENGTH} 位`;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类';
  const lower = password.toLowerCase();
  if (
    COMMON.has(lower) ||
    COMMON.has(lower.replace(/[^a-z\d]+$/, '')) ||
    COMMON.has(lower.replace(/\d+$/, ''))
  ) {
    return '密码过于常见，容易被猜中，请换一个';
  }
  for (const id of identifiers) {
    if (id.length >= 4 && lower.includes(id.toLowerCase())) return '密码不能包含账号、证件号或手机号';
  }
  return null;
}

export const isCommonPassword = (password: string): boolean => COMMON.has(password.toLowerCase());
