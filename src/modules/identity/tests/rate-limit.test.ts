import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { signUpCitizen } from '../../../../test/support/auth.ts';

describe('rate limits on sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ config: { authRateLimitPerMinute: 5, authAttemptsPerAccountHour: 8 } });
  });
  afterAll(() => t.close());

  const login = (username: string, ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { kind: 'citizen', username, password: 'Wrong#pass1' },
    });

  it('answers 429 with Retry-After once one address exceeds its per-minute budget; another address is unaffected', async () => {
    const codes = [];
    for (let i = 0; i < 7; i++)
      codes.push((await login(`1370000${String(i).padStart(4, '0')}`, '10.1.1.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await login('13700000099', '10.1.1.1');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', title: '请求过于频繁，请稍后再试' });
    expect((await login('13700000099', '10.1.1.2')).statusCode).toBe(401);
  });

  it('limits attempts on one account even when they come from many addresses', async () => {
    const target = await signUpCitizen(t);
    const codes = [];
    for (let i = 0; i < 10; i++) codes.push((await login(target.input.phone, `10.2.0.${i}`)).statusCode);
    expect(codes.slice(0, 8), String(codes)).toEqual(Array(8).fill(401));
    expect(codes.slice(8)).toEqual([429, 429]);
  });
});
