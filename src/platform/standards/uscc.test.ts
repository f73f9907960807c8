import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateUscc,
  isValidOrgCode,
  isValidUscc,
  orgCodeCheckChar,
  parseUscc,
  USCC_ALPHABET,
  usccCheckChar,
} from './uscc.ts';

const symbol = fc.constantFrom(...USCC_ALPHABET.split(''));
const parts = fc.record({
  registrationAuthority: symbol,
  category: symbol,
  divisionCode: fc.stringMatching(/^\d{6}$/),
  orgBody: fc.array(symbol, { minLength: 8, maxLength: 8 }).map((a) => a.join('')),
});

describe('unified social credit code (GB 32100) and organization code (GB 11714)', () => {
  it('accepts the published valid samples and their embedded organization codes', () => {
    for (const code of [
      '91110000600037341L',
      '91110108551385082Q',
      '11100000000013338W',
      '11110000000021135M',
      '12441500196720244T',
    ]) {
      expect(isValidUscc(code)).toBe(true);
      expect(isValidOrgCode(code.slice(8, 17))).toBe(true);
    }
  });

  it('computes the org check as 11 − (Σ mod 11), with X for 10 and 0 for 11', () => {
    expect(orgCodeCheckChar('60003734')).toBe('1');
    expect(orgCodeCheckChar('00001333')).toBe('8');
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('reports a pilot-era checksum mismatch as well formed but not checksum-valid', () => {
    expect(parseUscc('91350100M0001TGQXM')).toMatchObject({ isWellFormed: true, isChecksumValid: false });
    expect(isValidUscc('91350100M0001TGQXM')).toBe(false);
  });

  it('rejects malformed codes: wrong length, excluded letters, letters in the division part', () => {
    for (const bad of [
      '',
      '9111000060003734L',
      '91110000600037341LL',
      '9I110000600037341L',
      '911A0000600037341L',
    ]) {
      expect(parseUscc(bad)).toEqual({ isWellFormed: false });
    }
  });

  it('generates codes that always validate, embed a valid org code and keep their parts', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const code = generateUscc(p);
        const parsed = parseUscc(code);
        expect(code).toHaveLength(18);
        expect(parsed).toMatchObject({
          isWellFormed: true,
          isChecksumValid: true,
          isOrgCodeValid: true,
          registrationAuthority: p.registrationAuthority,
          category: p.category,
          divisionCode: p.divisionCode,
        });
      }),
    );
  });

  it('detects every single-character substitution in a generated code', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: 17 }), symbol, (p, position, replacement) => {
        const code = generateUscc(p);
        fc.pre(code[position] !== replacement);
        fc.pre(position < 2 || position > 7 || /\d/.test(replacement));
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidUscc(changed)).toBe(false);
      }),
    );
  });
});
