import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { STAFF_PASSWORD, sessionCookie, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { systemContext } from '../../../platform/context.ts';
import { sql } from '../../../platform/db/index.ts';
import { hotp, stepAt } from '../../../platform/totp.ts';

describe('staff sign-in with TOTP, roles and 三员分立', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
  });
  afterAll(() => t.close());

  const login = (username: string, password = STAFF_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { kind: 'staff', username, password } });

  it('makes an administrator enrol TOTP before anything else, then asks for a code at every login', async () => {
    await t.modules.identity.createStaff(systemContext(), {
      username: 'Admin.Li',
      name: '李管理',
      departmentId: null,
      divisionCode: '411500',
      roles: ['sys_admin'],
      password: STAFF_PASSWORD,
    });
    const first = await login('admin.li');
    expect(first.json().next).toBe('totp-enrol');
    const pending = { cookie: sessionCookie(first), 'x-csrf-token': first.json().me.csrfToken };
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: pending })).statusCode,
    ).toBe(401);
    const enrol = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', headers: pending });
    expect(enrol.json().otpauthUri).toContain('otpauth://totp/');
    expect(enrol.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = enrol.json().secret;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: pending,
      payload: { code: '000000' },
    });
    expect(bad.statusCode).toBe(401);
    const code = hotp(secret, stepAt(t.clock.now()));
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: pending,
      payload: { code },
    });
    expect(ok.statusCode).toBe(200);
    expect(sessionCookie(ok)).not.toBe(pending.cookie); // a new session id once the login completes
    const full = { cookie: sessionCookie(ok), 'x-csrf-token': ok.json().csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: full })).statusCode).toBe(
      200,
    );

    // full-width and upper-case variants of the username reach the same account
    const again = await login('ＡＤＭＩＮ.ＬＩ ');
    expect(again.json().next).toBe('totp');
    const headers = { cookie: sessionCookie(again), 'x-csrf-token': again.json().me.csrfToken };
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers,
      payload: { code },
    });
    expect(replay.statusCode).toBe(401); // the same code in the same time step is single use
    t.clock.advance(30_000);
    const fresh = hotp(secret, stepAt(t.clock.now()));
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/totp/verify',
          headers,
          payload: { code: fresh },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets a window clerk without TOTP straight in', async () => {
    const clerk = await staffSession(t, ['window_clerk']);
    expect(clerk.secret).toBeNull();
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: clerk.headers });
    expect(me.json()).toMatchObject({ kind: 'staff', roles: ['window_clerk'], isMfaComplete: true });
  });

  it('keeps the system administrator and the auditor apart', async () => {
    const admin = await staffSession(t, ['sys_admin']);
    const auditor = await staffSession(t, ['auditor']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/audit/entries', headers: admin.headers })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: auditor.headers })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/audit/entries', headers: auditor.headers })).statusCode,
    ).toBe(200);
    const both = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: admin.headers,
      payload: {
        username: 'both',
        name: '双角色',
        departmentId: null,
        divisionCode: '411500',
        roles: ['sys_admin', 'auditor'],
        password: STAFF_PASSWORD,
      },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('IDENTITY_ROLE_CONFLICT');
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/staff/${admin.id}`,
      headers: admin.headers,
      payload: { roles: ['auditor'] },
    });
    expect(self.json().code).toBe('IDENTITY_SELF_ROLE_CHANGE');
  });

  it('creates staff in a real department and division, audits it, and ends sessions when roles change', async () => {
    const admin = await staffSession(t, ['sys_admin']);
    const dept = (await t.modules.org.listDepartments('411500'))[0];
    const create = (over: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/admin/staff',
        headers: admin.headers,
        payload: {
          username: 'clerk.wang',
          name: '王窗口',
          departmentId: dept.id,
          divisionCode: '411502',
          roles: ['window_clerk'],
          password: STAFF_PASSWORD,
          ...over,
        },
      });
    expect((await create({ divisionCode: '419999' })).json().code).toBe('IDENTITY_UNKNOWN_DIVISION');
    expect((await create({ departmentId: '0190a000-0000-7000-8000-000000000000' })).json().code).toBe(
      'IDENTITY_UNKNOWN_DEPARTMENT',
    );
    expect((await create({ password: 'Short#1a' })).json().code).toBe('IDENTITY_WEAK_PASSWORD');
    const ok = await create({});
    expect(ok.statusCode).toBe(201);
    expect((await create({ username: 'CLERK.WANG' })).json().code).toBe('IDENTITY_USERNAME_TAKEN');

    const clerkLogin = await login('clerk.wang');
    const clerkHeaders = { cookie: sessionCookie(clerkLogin) };
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: clerkHeaders });
    expect(me.json().department).toEqual({ id: dept.id, name: dept.name });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/staff/${ok.json().id}`,
      headers: admin.headers,
      payload: { roles: ['reviewer'] },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: clerkHeaders })).statusCode).toBe(
      401,
    );
    const { rows } = await sql<{
      action: string;
    }>`select action from audit.entry where subject_id = ${ok.json().id} order by seq`.execute(t.db);
    expect(rows.map((r) => r.action)).toEqual([
      'identity.staff.create',
      'auth.login',
      'identity.staff.roles',
    ]);
  });

  it('lets a clerk unmask a citizen only with a purpose, and audits it', async () => {
    const clerk = await staffSession(t, ['window_clerk']);
    const citizen = await signUpCitizen(t);
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/citizens/lookup?idNumber=${citizen.input.idNumber}`,
      headers: clerk.headers,
    });
    expect(found.json().idNumberMasked).not.toBe(citizen.input.idNumber);
    const noPurpose = await t.app.inject({
      method: 'POST',
      url: `/api/citizens/${citizen.accountId}/unmask`,
      headers: clerk.headers,
      payload: {},
    });
    expect(noPurpose.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/citizens/${citizen.accountId}/unmask`,
      headers: clerk.headers,
      payload: { purpose: '窗口核验申请人身份' },
    });
    expect(res.json()).toEqual({ idNumber: citizen.input.idNumber, phone: citizen.input.phone });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit.entry
      where action = 'identity.pii.unmask' and subject_id = ${citizen.accountId} and actor_id = ${clerk.accountId}`.execute(
      t.db,
    );
    expect(rows[0].n).toBe(1);
    const asCitizen = await t.app.inject({
      method: 'POST',
      url: `/api/citizens/${citizen.accountId}/unmask`,
      headers: citizen.headers,
      payload: { purpose: '想看看别人的' },
    });
    expect(asCitizen.statusCode).toBe(403);
  });
});
