// The notification bell and inbox in the browser: a citizen on a phone sees the unread count in the
// portal banner, opens the inbox, marks one and then all read (the bell follows), with no serious
// accessibility violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/platform/db/index.ts';
import { seriousViolations } from './support/axe.ts';
import { CITIZEN_PASSWORD, validIdNumber, validPhone } from './support/people.ts';
import { PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.close();
});

describe('notification bell and inbox', () => {
  it('counts unread notifications, lists them and marks them read', async () => {
    const body = {
      realName: '申淮',
      idNumber: validIdNumber(951),
      phone: validPhone(951),
      password: CITIZEN_PASSWORD,
    };
    const res = await fetch(`${p.baseURL}/api/auth/citizen/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    const { accountId } = (await res.json()) as { accountId: string };
    const recipient = { kind: 'citizen' as const, id: accountId };
    await inTransaction(p.database.db, async (tx) => {
      await p.modules.notify.send(tx, {
        recipient,
        kind: 'case.supplement',
        title: '请补正材料',
        body: '请补充提交营业场所平面图。',
        link: '/me',
      });
      await p.modules.notify.send(tx, { recipient, kind: 'case.accepted', title: '申请已受理', body: '' });
    });

    const page = await p.newPage(PHONE);
    await page.goto('/login');
    await page.getByLabel('身份证号码或手机号码').fill(body.phone);
    await page.getByLabel('密码').fill(CITIZEN_PASSWORD);
    await page.getByTestId('login-submit').click();
    const bell = page.getByTestId('notification-bell');
    await page.getByRole('link', { name: '消息通知，2 条未读' }).waitFor();
    await bell.click();
    await page.waitForURL(/\/mine\/notifications$/);
    await page.getByRole('heading', { name: '消息通知' }).waitFor();
    // the heading renders before the list has loaded: wait for the second item, then count
    await page.getByTestId('notification').nth(1).waitFor();
    expect(await page.getByTestId('notification').count()).toBe(2);
    await p.shot(page, 'notifications');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '标为已读', exact: true }).first().click();
    await page.getByRole('link', { name: '消息通知，1 条未读' }).waitFor();
    await page.getByTestId('read-all').click();
    await page.getByRole('link', { name: '消息通知，没有未读消息' }).waitFor();
    // the bell follows the mark-all answer at once; the list reloads just after
    await expect.poll(() => page.getByText('未读', { exact: true }).count()).toBe(0);
    expect(p.problems).toEqual([]);
  });
});
