// Staff journeys in the workbench: first sign-in enrols TOTP (QR code and secret shown, code computed
// with otplib), a later sign-in asks for a code only; the menu follows the roles; the system admin
// edits the holiday calendar and browses departments, halls and staff; the auditor searches the
// audit log and verifies its hash chain.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/context.ts';
import { seriousViolations } from './support/axe.ts';
import { createStaff, type StaffMember, signInStaff } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let admin: StaffMember;
let adminPage: Page;
beforeAll(async () => {
  p = await startPlatform();
  await p.modules.org.seedDemo(systemContext('seed'));
  admin = await createStaff(p, ['sys_admin'], '系统管理员甲');
});
afterAll(async () => {
  await p?.close();
});

const menuLabels = async (page: Page) =>
  (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());

describe('staff workbench', () => {
  it('enrols TOTP on first sign-in, then asks only for a code; the menu follows the roles', async () => {
    const page = await p.newPage(PHONE);
    await signInStaff(page, admin, async () => {
      await p.shot(page, 'totp-enrol');
      expect(await seriousViolations(page)).toEqual([]);
    });
    expect(admin.secret).toMatch(/^[A-Z2-7]{16,}$/);
    await p.shot(page, 'workbench');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByRole('menuitem', { name: '节假日日历' }).click();
    await page.getByRole('heading', { name: '节假日日历' }).waitFor();
    await p.shot(page, 'calendar');
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/workbench\/login$/);

    adminPage = await p.newPage(DESKTOP);
    await signInStaff(adminPage, admin);
    expect(await menuLabels(adminPage)).toEqual([
      '工作台',
      '部门管理',
      '大厅与窗口',
      '工作人员',
      '节假日日历',
      '安全设置',
    ]);
    await p.shot(adminPage, 'workbench');
  });

  it('refuses a wrong TOTP code with the server problem', async () => {
    const clerk = await createStaff(p, ['window_clerk', 'auditor'], '窗口人员乙');
    const page = await p.newPage(DESKTOP);
    await page.goto('/workbench/login');
    await page.getByLabel('用户名').fill(clerk.username);
    await page.getByLabel('密码').fill('Xinyang#Staff2026');
    await page.getByTestId('staff-login-submit').click();
    await page.getByTestId('totp-code').fill('000000');
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('problem').waitFor();
    expect(page.url()).toMatch(/\/workbench\/login$/);
  });

  it('the system admin marks a holiday and a make-up workday, then removes the holiday', async () => {
    const page = adminPage;
    await page.getByRole('menuitem', { name: '节假日日历' }).click();
    await page.getByRole('heading', { name: '节假日日历' }).waitFor();
    const year = new Date().getFullYear();
    const day = `${year}-12-29`;
    const saturday = new Date(Date.UTC(year, 11, 19));
    while (saturday.getUTCDay() !== 6) saturday.setUTCDate(saturday.getUTCDate() + 1);
    const workday = saturday.toISOString().slice(0, 10);

    await page.getByLabel('名称').fill('测试放假日');
    await page.getByLabel('日期').fill(day);
    await page.getByLabel('日期').press('Enter'); // picks the typed date and submits the form
    const row = page.locator(`tr[data-row-key="${day}"]`);
    await row.getByText('测试放假日').waitFor();

    await page.getByRole('radio', { name: '调休上班' }).check();
    await page.getByLabel('名称').fill('测试调休');
    await page.getByLabel('日期').fill(workday);
    await page.getByLabel('日期').press('Enter');
    await page.locator(`tr[data-row-key="${workday}"]`).getByText('调休上班').waitFor();

    const res = await fetch(`${p.baseURL}/api/calendar?year=${year}`);
    const calendar = (await res.json()) as { days: { day: string; kind: string; name: string }[] };
    expect(calendar.days).toContainEqual({ day, kind: 'holiday', name: '测试放假日' });
    expect(calendar.days).toContainEqual({ day: workday, kind: 'workday', name: '测试调休' });
    await p.shot(page, 'calendar');
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByTestId(`calendar-delete-${day}`).click();
    await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
    await row.waitFor({ state: 'detached' });
    const after = (await (await fetch(`${p.baseURL}/api/calendar?year=${year}`)).json()) as typeof calendar;
    expect(after.days.map((d) => d.day)).not.toContain(day);
  });

  it('the system admin sees departments, halls with windows and staff', async () => {
    const page = adminPage;
    for (const [menu, shot] of [
      ['部门管理', 'departments'],
      ['大厅与窗口', 'halls'],
      ['工作人员', 'staff'],
    ] as const) {
      await page.getByRole('menuitem', { name: menu }).click();
      await page.getByRole('heading', { name: menu }).waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      await p.shot(page, shot);
      expect(await seriousViolations(page), menu).toEqual([]);
    }
    await page.getByRole('row', { name: new RegExp(admin.username) }).waitFor();

    await page.getByTestId('staff-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('reviewer7');
    await dialog.getByLabel('姓名').fill('审批人员丁');
    await dialog.getByLabel('角色').click();
    await page.keyboard.type('审批');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await dialog.getByLabel('初始密码').fill('Password123!');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('#password_help').getByText('密码过于常见，容易被猜中，请换一个').waitFor();
    await p.shot(page, 'staff-create');
    await dialog.getByLabel('初始密码').fill('Shihe#Review2026');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page
      .getByRole('row', { name: /reviewer7/ })
      .getByText('审批人员', { exact: true })
      .waitFor();
    expect(p.problems).toEqual([]);
  });

  it('the auditor searches the audit log and verifies the hash chain', async () => {
    const auditor = await createStaff(p, ['auditor'], '审计员丙');
    const page = await p.newPage(DESKTOP);
    await signInStaff(page, auditor);
    expect(await menuLabels(page)).toEqual(['工作台', '审计日志', '安全设置']);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();

    await page.getByTestId('audit-action').fill('auth.totp');
    const searched = page.waitForResponse((r) => r.url().includes('/api/audit/entries?action=auth.totp'));
    await page.getByTestId('audit-search').click();
    await searched;
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ant-table-row td:nth-child(5)')].every((td) =>
        td.textContent?.startsWith('auth.totp'),
      ),
    );
    const actions = await page.locator('.ant-table-row td:nth-child(5)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('auth.totp'))).toBe(true);

    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/审计日志校验通过：共 \d+ 条记录，哈希链完整/);
    await p.shot(page, 'audit');
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await p.newPage(PHONE);
    await signInStaff(phone, auditor);
    await phone.goto('/workbench/audit');
    await phone.locator('.ant-table-row').first().waitFor();
    await p.shot(phone, 'audit');
  });
});
