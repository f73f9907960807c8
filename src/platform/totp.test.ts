import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, stepAt } from './totp.ts';

describe('TOTP', () => {
  it('matches the RFC 4226 test vectors', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, i) => hotp(secret, i))).toEqual(expected);
  });

  it('agrees with an independent implementation (otplib) on codes it generates', () => {
    for (let i = 0; i < 20; i++) {
      const secret = newTotpSecret();
      const now = new Date(Date.UTC(2026, 0, 1) + i * 7_919_000);
      const code = generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
      expect(matchTotp(secret, code, now)).toBe(stepAt(now));
    }
  });

  it('accepts one step of drift and refuses two', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-05-01T00:00:15Z');
    expect(matchTotp(secret, hotp(secret, stepAt(now) - 1), now)).toBe(stepAt(now) - 1);
    expect(matchTotp(secret, hotp(secret, stepAt(now) + 2), now)).toBeNull();
    expect(matchTotp(secret, '12345', now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from('any bytes at all \u0000\u00ff');
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });
});
