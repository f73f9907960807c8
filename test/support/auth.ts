// Signing people in for tests, over HTTP like a browser would.

import { systemContext } from '../../src/platform/context.ts';
import type { StaffRole } from '../../src/platform/roles.ts';
import { idNumberCheckChar } from '../../src/platform/standards/id-number.ts';
import { hotp, stepAt } from '../../src/platform/totp.ts';
import type { TestApp } from './app.ts';

let serial = 0;

/** A valid GB 11643 number: Xinyang's 浉河区 code, a 1990 birth date, a fresh sequence. */
export function validIdNumber(n = ++serial, region = '411502'): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const body = `${region}1990${String((n % 12) + 1).padStart(2, '0')}${day}${String(n % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

export function validPhone(n = ++serial): string {
  return `139${String(n).padStart(8, '0')}`;
}

export type Session = { cookie: string; csrf: string; accountId: string; headers: Record<string, string> };

export function sessionCookie(res: { cookies: Array<{ name: string; value: string }> }): string {
  const c = res.cookies.find((x) => x.name === 'yiwang_session');
  if (!c) throw new Error('no session cookie in response');
  return `yiwang_session=${c.value}`;
}

function session(cookie: string, me: { csrfToken: string; accountId: string }): Session {
  return {
    cookie,
    csrf: me.csrfToken,
    accountId: me.accountId,
    headers: { cookie, 'x-csrf-token': me.csrfToken },
  };
}

export const PASSWORD = 'Xinyang#2026';
export const STAFF_PASSWORD = 'Xinyang#Staff2026';

export async function signUpCitizen(
  t: TestApp,
  over: Partial<{ realName: string; idNumber: string; phone: string; password: string }> = {},
) {
  const body = {
    realName: '张三',
    idNumber: validIdNumber(),
    phone: validPhone(),
    password: PASSWORD,
    ...over,
  };
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/citizen/register', payload: body });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.body}`);
  return { ...session(sessionCookie(res), res.json()), input: body };
}

/** Creates a staff account (of a department, if given) and signs it in, enrolling TOTP when its roles need it. */
export async function staffSession(
  t: TestApp,
  roles: StaffRole[],
  username = `worker${++serial}`,
  departmentId: string | null = null,
) {
  const created = await t.modules.identity.createStaff(systemContext(), {
    username,
    name: '测试人员',
    departmentId,
    divisionCode: '411500',
    roles,
    password: STAFF_PASSWORD,
  });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { kind: 'staff', username, password: STAFF_PASSWORD },
  });
  let cookie = sessionCookie(login);
  let me = login.json().me;
  let secret: string | null = null;
  if (login.json().next === 'totp-enrol') {
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enrol',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
    });
    secret = enrol.json().secret as string;
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
      payload: { code: hotp(secret, stepAt(t.clock.now())) },
    });
    if (verify.statusCode !== 200) throw new Error(`totp failed: ${verify.body}`);
    cookie = sessionCookie(verify);
    me = verify.json();
  }
  return { ...session(cookie, me), id: created.id, username, secret };
}

/** Signs an existing account in again (after the test clock moved past its session's lifetime). */
export async function signInAgain(
  t: TestApp,
  who: { kind: 'citizen'; phone: string } | { kind: 'staff'; username: string; secret: string | null },
): Promise<Session> {
  const payload =
    who.kind === 'citizen'
      ? { kind: 'citizen', username: who.phone, password: PASSWORD }
      : { kind: 'staff', username: who.username, password: STAFF_PASSWORD };
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.body}`);
  let cookie = sessionCookie(login);
  let me = login.json().me;
  if (who.kind === 'staff' && login.json().next === 'totp') {
    if (!who.secret) throw new Error('this account needs a TOTP secret');
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
      payload: { code: hotp(who.secret, stepAt(t.clock.now())) },
    });
    if (verify.statusCode !== 200) throw new Error(`totp failed: ${verify.body}`);
    cookie = sessionCookie(verify);
    me = verify.json();
  }
  return session(cookie, me);
}
