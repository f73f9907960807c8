// 统一社会信用代码 (unified social credit code, GB 32100-2015) and its embedded 组织机构代码
// (organization code, GB 11714-1997): pure parsing, check-character computation and generation.
// Some pilot-era codes fail the checksum yet are legal, so `parseUscc` reports a checksum mismatch
// separately from a malformed code: callers reject the format, but may let an officer override the check.

/** The 31 symbols of GB 32100 (no I, O, S, V, Z); each symbol's value is its index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ORG_BODY_PATTERN = /^[0-9A-Z]{8}$/;

/** The GB 11714 check character for an 8-character organization code body. */
export function orgCodeCheckChar(body: string): string {
  if (!ORG_BODY_PATTERN.test(body)) throw new RangeError(`invalid organization code body: ${body}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(body[i]) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** true when a 9-character organization code (8 body + check) passes GB 11714. */
export function isValidOrgCode(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  return orgCodeCheckChar(code.slice(0, 8)) === code[8];
}

/** The GB 32100 check character (position 18) for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('a USCC check needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character ${first17[i]} is not in the USCC alphabet`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export type ParsedUscc =
  | { isWellFormed: false }
  | {
      isWellFormed: true;
      /** position 18 matches GB 32100 */
      isChecksumValid: boolean;
      /** positions 9–17 pass GB 11714 */
      isOrgCodeValid: boolean;
      /** 登记管理部门代码, e.g. '1' 机构编制, '9' 市场监管 */
      registrationAuthority: string;
      /** 机构类别代码 */
      category: string;
      /** 登记管理机关行政区划码 (GB/T 2260) */
      divisionCode: string;
      orgCode: string;
    };

/** Parses a code after trimming and upper-casing; never throws. */
export function parseUscc(input: string): ParsedUscc {
  const code = input.trim().toUpperCase();
  if (!USCC_PATTERN.test(code)) return { isWellFormed: false };
  const orgCode = code.slice(8, 17);
  return {
    isWellFormed: true,
    isChecksumValid: usccCheckChar(code.slice(0, 17)) === code[17],
    isOrgCodeValid: isValidOrgCode(orgCode),
    registrationAuthority: code[0],
    category: code[1],
    divisionCode: code.slice(2, 8),
    orgCode,
  };
}

/** Strict validity: well formed and the GB 32100 check character matches. */
export function isValidUscc(input: string): boolean {
  const parsed = parseUscc(input);
  return parsed.isWellFormed && parsed.isChecksumValid;
}

export type UsccParts = {
  /** 登记管理部门代码 (one USCC symbol) */
  registrationAuthority: string;
  /** 机构类别代码 (one USCC symbol) */
  category: string;
  /** six-digit GB/T 2260 code */
  divisionCode: string;
  /** eight characters drawn from the USCC alphabet; its GB 11714 check character is appended */
  orgBody: string;
};

/** Builds a valid 18-character code: org code check (GB 11714) then USCC check (GB 32100). */
export function generateUscc(parts: UsccParts): string {
  const symbol = /^[0-9A-HJ-NPQRTUWXY]$/;
  if (!symbol.test(parts.registrationAuthority) || !symbol.test(parts.category)) {
    throw new RangeError('registration authority and category must be single USCC symbols');
  }
  if (!/^\d{6}$/.test(parts.divisionCode)) throw new RangeError('division code must be six digits');
  if (!/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(parts.orgBody)) {
    throw new RangeError('organization code body must be 8 USCC symbols');
  }
  const orgCode = parts.orgBody + orgCodeCheckChar(parts.orgBody);
  const first17 = parts.registrationAuthority + parts.category + parts.divisionCode + orgCode;
  return first17 + usccCheckChar(first17);
}
