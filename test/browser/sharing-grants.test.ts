// 共享申请 → 审批 → 接入系统 → 调用日志 in Chromium. 人社局's data officer requests the demo 法人基础信息
// from its page on a phone; 市场监督管理局's officer approves it in 共享审批 with a daily quota; 人社局
// registers a system (the secret shown once) and sees the grant in 我的申请与授权; the provider's 调用日志
// opens. axe (no serious or critical) at 375 and 1280 px on every page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../src/platform/db/index.ts';
import { scanWidths } from './support/accessible.ts';
import { createStaff, STAFF_PASSWORD, type StaffMember } from './support/people.ts';
import { PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let consumer: StaffMember;
let provider: StaffMember;
let resourceId: string;

beforeAll(async () => {
  p = await startPlatform();
  await p.modules.org.seedDemo();
  await p.modules.identity.seedDemo((division, kind) => p.modules.org.findDepartment(division, kind));
  await p.modules.sharing.seedDemo(await p.modules.identity.demoActors());
  const rsj = await p.modules.org.findDepartment('411500', '人力资源和社会保障局');
  const scjg = await p.modules.org.findDepartment('411500', '市场监督管理局');
  if (!rsj || !scjg) throw new Error('demo departments missing');
  consumer = await createStaff(p, ['data_officer'], '人社数据专员', rsj.id);
  provider = await createStaff(p, ['data_officer'], '市场监管数据专员', scjg.id);
  const { rows } = await sql<{ id: string }>`
    select r.id from sharing.resource r join sharing.resource_version v on v.id = r.published_version_id
    where v.name = '法人基础信息'`.execute(p.database.db);
  resourceId = rows[0]?.id ?? '';
}, 180_000);
afterAll(async () => {
  await p?.close();
});

async function signIn(page: Page, staff: StaffMember) {
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByTestId('staff-login-submit').click();
  await page.waitForURL(/\/workbench$/);
}
it('request from the resource page, approve with a quota, register a system, see grant and call log', async () => {
  const page = await p.newPage(PHONE);
  await signIn(page, consumer);
  await page.goto(`/workbench/sharing/resources/${resourceId}`);
  await page.getByRole('heading', { name: '法人基础信息', level: 1 }).waitFor();
  await page.getByTestId('request-share').click();
  await page.getByLabel('用途').fill('就业补贴审核中核验用人单位登记状态');
  await page.getByLabel('依据').fill('《就业促进法》第十五条');
  await page.getByPlaceholder('开始日期').click();
  await page.getByPlaceholder('开始日期').fill('2026-03-01');
  await page.getByPlaceholder('结束日期').fill('2026-12-31');
  await page.keyboard.press('Enter');
  await scanWidths(p, page, 'grants-request');
  await page.getByTestId('request-share-ok').click();
  await page.waitForURL(/\/workbench\/sharing\/my-shares$/);
  await page.getByRole('tab', { name: '我的申请' }).click();
  await page.getByText('待审批').first().waitFor();
  await scanWidths(p, page, 'grants-my-shares');

  const other = await p.newPage(PHONE);
  await signIn(other, provider);
  await other.goto('/workbench/sharing/approvals');
  await other.getByRole('heading', { name: '共享审批', level: 1 }).waitFor();
  await other.getByTestId('approve-request').first().waitFor();
  await scanWidths(p, other, 'grants-approvals');
  await other.getByTestId('approve-request').first().click();
  await other.getByLabel('每日调用次数上限（空为不限）').fill('1000');
  await scanWidths(p, other, 'grants-approve-dialog');
  await other.getByTestId('approve-ok').click();
  await other.getByRole('tab', { name: '已授权' }).click();
  await other.getByTestId('revoke-grant').first().waitFor();

  await page.goto('/workbench/sharing/my-shares');
  await page.getByText('有效').first().waitFor();
  await page.goto('/workbench/sharing/clients');
  await page.getByTestId('new-client').click();
  await page.getByLabel('系统名称').fill('就业补贴审核系统');
  await page.getByTestId('client-ok').click();
  await page.getByTestId('client-secret').waitFor();
  expect(await page.getByTestId('client-secret').textContent()).toMatch(/[\w-]{43}/);
  await scanWidths(p, page, 'grants-client-created');
  const secret = (await page.getByTestId('client-secret').textContent()) ?? '';
  const clientId = (await page.locator('code').filter({ hasText: /^ywc_/ }).first().textContent()) ?? '';
  await page.getByTestId('client-saved').click();
  await page.getByText('就业补贴审核系统').waitFor();
  await scanWidths(p, page, 'grants-clients');

  // the system calls the gateway once with a token from the platform's OpenID provider
  const token = await fetch(`${p.baseURL}/oidc/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      resource: p.modules.sharing.grants.oidc.audience,
    }),
  });
  expect(token.status).toBe(200);
  const { rows } = await sql<{
    code: string;
  }>`select code from sharing.resource where id = ${resourceId}`.execute(p.database.db);
  const call = await fetch(
    `${p.baseURL}/share/v1/resources/${encodeURIComponent(rows[0]?.code ?? '')}/rows`,
    {
      headers: { authorization: `Bearer ${(await token.json()).access_token}` },
    },
  );
  expect(call.status).toBe(200);

  await other.goto('/workbench/sharing/call-log');
  await other.getByRole('heading', { name: '调用日志', level: 1 }).waitFor();
  await other.getByTestId('call-log').getByText('200', { exact: true }).waitFor();
  await scanWidths(p, other, 'grants-call-log');
});
