// 安全设置 and 修改密码: a window clerk (whose role does not demand TOTP) signs in with a password only,
// binds an authenticator on 安全设置 (code computed with otplib from the secret on the page) and is
// asked for a code at the next sign-in; a citizen changes the password on 我的 (a wrong current
// password lands on its field; other sessions end) and signs in with the new one.
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/context.ts';
import { seriousViolations } from './support/axe.ts';
import {
  CITIZEN_PASSWORD,
  createStaff,
  registeredCitizen,
  STAFF_PASSWORD,
  signInCitizen,
  signInStaff,
} from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
  await p.modules.org.seedDemo(systemContext('seed'));
});
afterAll(async () => {
  await p?.close();
});

describe('security settings', () => {
  it('a clerk binds TOTP on 安全设置 and signs in with TOTP from then on', async () => {
    const clerk = await createStaff(p, ['window_clerk'], '窗口人员戊');
    const page = await p.newPage(PHONE);
    await page.goto('/workbench/login');
    await page.getByLabel('用户名').fill(clerk.username);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByTestId('staff-login-submit').click();
    await page.waitForURL(/\/workbench$/); // password only: the role does not demand TOTP
    await page.getByRole('heading', { name: `您好，${clerk.name}` }).waitFor();

    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByRole('menuitem', { name: '安全设置' }).click();
    await page.getByRole('heading', { name: '安全设置', level: 1 }).waitFor();
    expect(await page.getByTestId('totp-state').textContent()).toBe('未绑定');
    await p.shot(page, 'security');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('totp-start').click();
    await page.getByRole('img', { name: '动态口令绑定二维码' }).waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await p.shot(page, 'security-totp');
    expect(await seriousViolations(page)).toEqual([]);
    const step = Math.floor(Date.now() / 30_000);
    await page.getByTestId('totp-code').fill(await generate({ secret, epoch: step * 30 }));
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('totp-bound').waitFor();
    expect(await page.getByTestId('totp-state').textContent()).toBe('已绑定');
    clerk.secret = secret;
    clerk.lastStep = step;

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/workbench\/login$/);
    const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await signInStaff(page, clerk); // a fresh code for a later time step, no enrolment this time
    expect(((await (await login).json()) as { next: string }).next).toBe('totp');
    await page.goto('/workbench/security');
    await page.getByRole('heading', { name: '安全设置', level: 1 }).waitFor();
    expect(await page.getByTestId('totp-state').textContent()).toBe('已绑定');
    await expect(page.getByTestId('totp-start').count()).resolves.toBe(0);
    await page.setViewportSize(DESKTOP);
    await p.shot(page, 'security');
    expect(await seriousViolations(page)).toEqual([]);
    expect(p.problems).toEqual([]);
  });

  it('a citizen changes the password on 我的 and signs in with the new one', async () => {
    const citizen = await registeredCitizen(p, '周南湾');
    const other = await p.newPage(DESKTOP); // a second session, ended by the change
    await signInCitizen(other, citizen.phone);
    const page = await p.newPage(PHONE);
    await signInCitizen(page, citizen.idNumber);
    const form = page.getByTestId('password-form');
    const newPassword = 'Nanwan#Lake2026';

    await form.getByLabel('当前密码', { exact: true }).fill('Wrong#Password1');
    await form.getByLabel('新密码', { exact: true }).fill(newPassword);
    await form.getByLabel('确认新密码', { exact: true }).fill(newPassword);
    await page.getByTestId('password-submit').click();
    await page.locator('#currentPassword_help').getByText('当前密码不正确').waitFor();
    await p.shot(page, 'me-password');
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('当前密码', { exact: true }).fill(CITIZEN_PASSWORD);
    await page.getByTestId('password-submit').click();
    expect(await page.getByTestId('password-changed').textContent()).toContain(
      '其他设备和浏览器上的登录已全部退出',
    );

    await other.goto('/me');
    await other.waitForURL(/\/login\?next=/);
    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
    const old = await fetch(`${p.baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'citizen', username: citizen.phone, password: CITIZEN_PASSWORD }),
    });
    expect(old.status).toBe(401);
    await signInCitizen(page, citizen.phone, newPassword);
    expect(p.problems).toEqual([]);
  });
});
