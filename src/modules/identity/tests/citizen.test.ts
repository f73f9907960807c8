import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp, testConfig } from '../../../../test/support/app.ts';
import { PASSWORD, signUpCitizen, validIdNumber, validPhone } from '../../../../test/support/auth.ts';
import { buildApp } from '../../../app.ts';
import { sql } from '../../../platform/db/index.ts';

describe('citizen registration and sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const register = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/citizen/register', payload });

  it('registers a citizen, signs them in and shows only masked personal data', async () => {
    const idNumber = validIdNumber(501);
    const res = await register({ realName: '李四', idNumber, phone: '13812345678', password: PASSWORD });
    expect(res.statusCode).toBe(201);
    const me = res.json();
    expect(me).toMatchObject({ kind: 'citizen', displayName: '李四', phoneMasked: '138****5678' });
    expect(me.idNumberMasked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(res.body).not.toContain(idNumber);
    const cookie = res.cookies.find((c) => c.name === 'yiwang_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('stores ID numbers and phones only as ciphertext', async () => {
    const idNumber = validIdNumber(502);
    await register({ realName: '王五', idNumber, phone: '13912340000', password: PASSWORD });
    const { rows } = await sql<{
      dump: string;
    }>`select row_to_json(c)::text as dump from identity.citizen c`.execute(t.db);
    const all = rows.map((r) => r.dump).join('\n');
    expect(all).not.toContain(idNumber);
    expect(all).not.toContain('13912340000');
    const events = await sql<{ payload: string }>`
      select payload::text from platform.outbox where type = 'identity.citizen.registered'`.execute(t.db);
    expect(events.rows.length).toBe(2); // one event per registration, written with it
    expect(events.rows.map((r) => r.payload).join()).not.toContain(idNumber);
  });

  it('explains exactly what is wrong with an ID number, a phone or a password', async () => {
    const good = validIdNumber(503);
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ idNumber: badCheck }, 'IDENTITY_ID_NUMBER_INVALID', /校验位/],
      [{ idNumber: '411502199002300011' }, 'IDENTITY_ID_NUMBER_INVALID', /出生日期/],
      [{ idNumber: '991502199001010011' }, 'IDENTITY_ID_NUMBER_INVALID', /行政区划/],
      [{ phone: '12812345678' }, 'IDENTITY_PHONE_INVALID', /手机号/],
      [{ password: 'short1A' }, 'IDENTITY_WEAK_PASSWORD', /至少 8 位/],
      [{ password: 'alllowercase' }, 'IDENTITY_WEAK_PASSWORD', /至少 3 类/],
      [{ password: 'Password1' }, 'IDENTITY_WEAK_PASSWORD', /常见/],
    ];
    for (const [over, code, message] of cases) {
      const res = await register({
        realName: '赵六',
        idNumber: good,
        phone: validPhone(),
        password: PASSWORD,
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
      expect(res.json().detail).toMatch(message);
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from identity.citizen`.execute(t.db);
    expect(rows[0].n).toBe(2); // nothing half-written by the refused requests
  });

  it('lists every bad field, refuses unknown fields and malformed JSON with problem+json', async () => {
    const res = await register({ realName: 1, idNumber: true, isAdmin: true });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path).join(' ');
    for (const field of ['realName', 'idNumber', 'phone', 'password']) expect(paths).toContain(field);
    expect(JSON.stringify(body)).toMatch(/isAdmin|未知|unrecognized/i);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"realName": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'MALFORMED_BODY', title: '请求体不是有效的 JSON' });
    expect(broken.body).not.toMatch(/at \S+ \(|node_modules|SELECT /);
  });

  it('allows one account per ID number and per phone', async () => {
    const first = await signUpCitizen(t);
    const again = await register({ ...first.input, phone: validPhone() });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('IDENTITY_ID_NUMBER_TAKEN');
    const samePhone = await register({ ...first.input, idNumber: validIdNumber() });
    expect(samePhone.json().code).toBe('IDENTITY_PHONE_TAKEN');
  });

  it('signs in by ID number (lower-case x, full-width digits) or by phone', async () => {
    const c = await signUpCitizen(t);
    const fullWidth = c.input.idNumber.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const username of [
      c.input.idNumber.toLowerCase(),
      fullWidth,
      c.input.phone,
      `+86 ${c.input.phone}`,
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { kind: 'citizen', username, password: PASSWORD },
      });
      expect(res.statusCode, username).toBe(200);
      expect(res.json().next).toBe('done');
    }
  });

  it('gives a new session at every login, ends it at logout, and refuses writes without the CSRF token', async () => {
    const c = await signUpCitizen(t);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: c.cookie },
      payload: { kind: 'citizen', username: c.input.phone, password: PASSWORD },
    });
    const newCookie = login.cookies.find((x) => x.name === 'yiwang_session')?.value;
    expect(`yiwang_session=${newCookie}`).not.toBe(c.cookie);
    const csrfLess = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie },
    });
    expect(csrfLess.statusCode).toBe(403);
    expect(csrfLess.json().code).toBe('CSRF_REJECTED');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: c.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: c.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('expires a session after 30 idle minutes and after 12 hours in all', async () => {
    const c = await signUpCitizen(t);
    const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: c.cookie } });
    t.clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await me()).statusCode).toBe(401);

    const d = await signUpCitizen(t);
    for (let i = 0; i < 26; i++) {
      t.clock.advance(28 * 60_000); // always active, never idle
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: d.cookie } });
      expect(res.statusCode, `after ${(i + 1) * 28} minutes`).toBe((i + 1) * 28 <= 12 * 60 ? 200 : 401);
    }
  });

  it('revokes the other sessions when the password changes', async () => {
    const c = await signUpCitizen(t);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { kind: 'citizen', username: c.input.phone, password: PASSWORD },
    });
    const otherCookie = `yiwang_session=${other.cookies.find((x) => x.name === 'yiwang_session')?.value}`;
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: c.headers,
      payload: { currentPassword: 'Not-the-password-1', newPassword: 'Nanwan-Lake-88' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'IDENTITY_CURRENT_PASSWORD_WRONG',
      errors: [{ path: 'body.currentPassword', message: '当前密码不正确' }],
    });
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: c.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'Nanwan-Lake-88' },
    });
    expect(change.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: otherCookie } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: c.cookie } })).statusCode,
    ).toBe(200);
  });

  it('ends a logged-out session on another app node within the 5-second session cache', async () => {
    const other = await buildApp({
      config: testConfig(),
      database: t.database,
      clock: t.clock,
      logLevel: 'silent',
    });
    const c = await signUpCitizen(t);
    const meOn = (app: typeof t.app) =>
      app.inject({ method: 'GET', url: '/api/me', headers: { cookie: c.cookie } });
    expect((await meOn(other.app)).statusCode).toBe(200); // cached on the other node now
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: c.headers });
    expect((await meOn(t.app)).statusCode).toBe(401); // this node forgets at once
    t.clock.advance(5_001);
    expect((await meOn(other.app)).statusCode).toBe(401); // the other node within the cache's lifetime
    await other.app.close();
  });
});
