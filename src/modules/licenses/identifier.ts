// 电子证照标识 (GB/T 36904): `1.2.156.3005.2.{证照类型代码}.{颁发机构代码}.{流水号}.{版本号}.{校验位}`.
// The check character is ISO 7064 MOD 37,36 (hybrid) over the four middle parts concatenated, alphabet
// 0-9A-Z — verified against real identifiers (STANDARDS.md §7).

export const LICENSE_ID_ROOT = '1.2.156.3005.2';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** MOD 37,36 check character of `body` (characters 0-9A-Z; anything else → null). */
export function mod3736CheckChar(body: string): string | null {
  let p = 36;
  for (const ch of body.toUpperCase()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    let t = (p + v) % 36;
    if (t === 0) t = 36;
    p = (2 * t) % 37;
  }
  return ALPHABET[(37 - p) % 36] ?? null;
}

export type LicenseIdParts = { typeCode: string; issuerCode: string; serial: string; version: string };

export function buildLicenseIdentifier(parts: LicenseIdParts): string {
  const check = mod3736CheckChar(parts.typeCode + parts.issuerCode + parts.serial + parts.version);
  if (!check) throw new Error('license identifier parts must be 0-9A-Z');
  return [LICENSE_ID_ROOT, parts.typeCode, parts.issuerCode, parts.serial, parts.version, check].join('.');
}

export type ParsedIdentifier =
  | { ok: true; parts: LicenseIdParts; checkChar: string }
  | { ok: false; problem: 'format' | 'check' };

/** Splits and checks an identifier; `check` when only the check character is wrong. */
export function parseLicenseIdentifier(raw: string): ParsedIdentifier {
  const text = raw.trim().toUpperCase();
  if (!text.startsWith(`${LICENSE_ID_ROOT}.`)) return { ok: false, problem: 'format' };
  const rest = text.slice(LICENSE_ID_ROOT.length + 1).split('.');
  if (rest.length !== 5) return { ok: false, problem: 'format' };
  const [typeCode, issuerCode, serial, version, checkChar] = rest as [string, string, string, string, string];
  if (!/^[0-9A-Z]{19,24}$/.test(typeCode) || !/^[0-9A-Z]{18}$/.test(issuerCode)) {
    return { ok: false, problem: 'format' };
  }
  if (!/^[0-9A-Z]{1,30}$/.test(serial) || !/^\d{3}$/.test(version) || !/^[0-9A-Z]$/.test(checkChar)) {
    return { ok: false, problem: 'format' };
  }
  const parts = { typeCode, issuerCode, serial, version };
  if (mod3736CheckChar(typeCode + issuerCode + serial + version) !== checkChar) {
    return { ok: false, problem: 'check' };
  }
  return { ok: true, parts, checkChar };
}
