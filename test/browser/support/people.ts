// People for the journeys: valid citizen data, citizens registered over HTTP, staff created through
// the identity module, and signing staff in through the browser with TOTP codes from otplib.
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { systemContext } from '../../../src/platform/context.ts';
import type { StaffRole } from '../../../src/platform/roles.ts';
import { validIdNumber, validPhone } from '../../support/auth.ts';
import type { Platform } from './platform.ts';

export { validIdNumber, validPhone };
export const CITIZEN_PASSWORD = 'Huaihe#River8';
export const STAFF_PASSWORD = 'Xinyang#Staff2026';

let serial = 500;

/** A citizen registered through the public API (no browser session). */
export async function registeredCitizen(p: Platform, realName: string) {
  const n = ++serial;
  const body = { realName, idNumber: validIdNumber(n), phone: validPhone(n), password: CITIZEN_PASSWORD };
  const res = await fetch(`${p.baseURL}/api/auth/citizen/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return body;
}

export type StaffMember = { username: string; name: string; secret: string | null; lastStep: number };

export async function createStaff(
  p: Platform,
  roles: StaffRole[],
  name = '测试人员',
  departmentId: string | null = null,
): Promise<StaffMember> {
  const username = `staff${++serial}`;
  await p.modules.identity.createStaff(systemContext(), {
    username,
    name,
    departmentId,
    divisionCode: '411500',
    roles,
    password: STAFF_PASSWORD,
  });
  return { username, name, secret: null, lastStep: 0 };
}

/**
 * The next unused TOTP code: the server refuses a step twice and accepts one step of drift, so a
 * third sign-in inside one 30-second step waits for the clock.
 */
async function nextCode(staff: StaffMember): Promise<string> {
  if (!staff.secret) throw new Error('not enrolled');
  let now = Math.floor(Date.now() / 30_000);
  while (staff.lastStep + 1 > now + 1) {
    await new Promise((r) => setTimeout(r, (now + 1) * 30_000 - Date.now() + 50));
    now = Math.floor(Date.now() / 30_000);
  }
  const step = Math.max(now, staff.lastStep + 1);
  staff.lastStep = step;
  return generate({ secret: staff.secret, epoch: step * 30 });
}

/** Signs a staff member in on /workbench/login; enrols TOTP the first time (reading the secret shown). */
export async function signInStaff(page: Page, staff: StaffMember, onEnrol?: () => Promise<void>) {
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByTestId('staff-login-submit').click();
  const code = page.getByTestId('totp-code');
  await code.waitFor();
  if (!staff.secret) {
    await page.getByRole('img', { name: '动态口令绑定二维码' }).waitFor();
    staff.secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    await onEnrol?.();
  }
  await code.fill(await nextCode(staff));
  await page.getByTestId('totp-submit').click();
  await page.waitForURL(/\/workbench$/);
  await page.getByRole('heading', { name: `您好，${staff.name}` }).waitFor();
}

/** Signs a citizen in on /login with an ID number or phone. */
export async function signInCitizen(page: Page, username: string, password = CITIZEN_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('身份证号码或手机号码').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/me$/);
  await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
}
