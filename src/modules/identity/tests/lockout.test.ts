import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { PASSWORD, signUpCitizen } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';

describe('lockout after repeated failures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { kind: 'citizen', username, password },
    });
  const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  it('locks after 5 wrong passwords for 15 minutes, with one generic error even for the right password', async () => {
    const c = await signUpCitizen(t);
    const wrong = await login(c.input.phone, 'Wrong#pass1');
    expect(wrong.statusCode).toBe(401);
    for (let i = 0; i < 4; i++) await login(c.input.phone, 'Wrong#pass1');
    const locked = await login(c.input.phone, PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(strip(locked.json())).toEqual(strip(wrong.json()));
    expect(locked.cookies.find((x) => x.name === 'yiwang_session')).toBeUndefined();
    t.clock.advance(14 * 60_000);
    expect((await login(c.input.phone, PASSWORD)).statusCode).toBe(401);
    t.clock.advance(2 * 60_000);
    expect((await login(c.input.phone, PASSWORD)).statusCode).toBe(200);
  });

  it('counts every one of 30 parallel wrong attempts and locks exactly once', async () => {
    const c = await signUpCitizen(t);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => login(c.input.idNumber, 'Wrong#pass1')),
    );
    expect(results.every((r) => r.statusCode === 401)).toBe(true);
    const { rows } = await sql<{ failures: number; locks: number }>`
      select count(*) filter (where action = 'auth.login' and outcome = 'failure')::int as failures,
             count(*) filter (where action = 'auth.lock')::int as locks
      from audit.entry where subject_id = ${c.accountId}`.execute(t.db);
    expect(rows[0]).toEqual({ failures: 30, locks: 1 });
    expect((await login(c.input.idNumber, PASSWORD)).statusCode).toBe(401);
  });

  it('gives an unknown account the same answer as a wrong password', async () => {
    const c = await signUpCitizen(t);
    const wrong = await login(c.input.phone, 'Wrong#pass1');
    const unknown = await login('13000000000', 'Wrong#pass1');
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });
});
