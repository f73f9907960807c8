import { describe, expect, it } from 'vitest';
import { buildLicenseIdentifier, mod3736CheckChar, parseLicenseIdentifier } from './identifier.ts';

// three real e-license identifiers (STANDARDS.md §7): 住建部 types 011, 032 and 009
const REAL = [
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
  '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
];

describe('GB/T 36904 license identifier', () => {
  it('computes the MOD 37,36 check character of the three real identifiers', () => {
    for (const id of REAL) {
      const parts = id.split('.');
      const body = parts.slice(5, 9).join('');
      expect(mod3736CheckChar(body)).toBe(parts[9]);
      const parsed = parseLicenseIdentifier(id);
      expect(parsed.ok).toBe(true);
    }
  });

  it('refuses a wrong check character and a malformed identifier', () => {
    const wrong = REAL[0]?.replace(/\.U$/, '.V') ?? '';
    expect(parseLicenseIdentifier(wrong)).toEqual({ ok: false, problem: 'check' });
    // one changed digit in the serial is caught too
    expect(parseLicenseIdentifier(REAL[1]?.replace('2430599', '2430598') ?? '')).toEqual({
      ok: false,
      problem: 'check',
    });
    expect(parseLicenseIdentifier('1.2.156.3005.2.abc')).toEqual({ ok: false, problem: 'format' });
    expect(parseLicenseIdentifier('not an identifier')).toEqual({ ok: false, problem: 'format' });
    expect(mod3736CheckChar('中文')).toBeNull();
  });

  it('builds identifiers that parse back', () => {
    const id = buildLicenseIdentifier({
      typeCode: '11411500MB1234567X001',
      issuerCode: '11411500MB1234567X',
      serial: '20260000001',
      version: '001',
    });
    expect(id.startsWith('1.2.156.3005.2.11411500MB1234567X001.')).toBe(true);
    expect(parseLicenseIdentifier(id).ok).toBe(true);
    expect(parseLicenseIdentifier(id.toLowerCase()).ok).toBe(true);
  });
});
