// 资源订阅 in Chromium. 人社局's data officer subscribes to the demo 法人基础信息 from its page (push to a
// local receiver that is down; the HMAC secret is shown once); a load produces a notice that dies after
// its (here single) attempt; the officer sees the failure in 资源订阅 and its detail, 数据局 sees it in
// 投递失败 and 订阅方 on the resource page; once the receiver is up, 全部重放 delivers it. axe (no serious or critical) at 375 and 1280 px.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApproveInput } from '../../src/modules/sharing/grants/schema.ts';
import { uscc } from '../../src/modules/sharing/tests/support.ts';
import { sql } from '../../src/platform/db/index.ts';
import type { Actor } from '../../src/platform/http/access.ts';
import { scanWidths } from './support/accessible.ts';
import { createStaff, STAFF_PASSWORD, type StaffMember, validIdNumber } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let officer: StaffMember;
let reviewer: StaffMember;
let resourceId: string;
let scjgId: string;
let isUp = false;
const received: string[] = [];
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (!isUp) return void res.writeHead(503).end();
    received.push(String(req.headers['yiwang-event-id']));
    res.writeHead(200).end();
  });
});

beforeAll(async () => {
  p = await startPlatform();
  // local receivers are allowed (as in demo mode); one attempt before a dead letter
  Object.assign(p.modules.sharing.exchange.options, { allowPrivateTargets: true, maxAttempts: 1 });
  await p.modules.org.seedDemo();
  await p.modules.identity.seedDemo((division, kind) => p.modules.org.findDepartment(division, kind));
  await p.modules.sharing.seedDemo(await p.modules.identity.demoActors());
  const rsj = await p.modules.org.findDepartment('411500', '人力资源和社会保障局');
  const bureau = await p.modules.org.findDepartment('411500', '数据局');
  const scjg = await p.modules.org.findDepartment('411500', '市场监督管理局');
  if (!rsj || !bureau || !scjg) throw new Error('demo departments missing');
  scjgId = scjg.id;
  officer = await createStaff(p, ['data_officer'], '人社数据专员', rsj.id);
  reviewer = await createStaff(p, ['data_reviewer'], '数据局审核员', bureau.id);
  const { rows } = await sql<{ id: string }>`
    select r.id from sharing.resource r join sharing.resource_version v on v.id = r.published_version_id
    where v.name = '法人基础信息'`.execute(p.database.db);
  resourceId = rows[0]?.id ?? '';
  // subscribing needs a live grant: 人社局 asks for 法人基础信息 (有条件) and 市场监督管理局 approves
  const ctxIn = (departmentId: string, n: number) => ({
    actor: {
      kind: 'staff',
      accountId: `00000000-0000-0000-0000-00000000010${n}`,
      sessionId: 'test',
      displayName: '数据专员',
      roles: ['data_officer'],
      departmentId,
      divisionCode: '411500',
      enterpriseId: null,
      isMfaComplete: true,
      csrfToken: '',
    } as Actor,
    requestId: 'test',
    ip: '127.0.0.1',
  });
  const grants = p.modules.sharing.grants;
  const asked = await grants.request(ctxIn(rsj.id, 1), {
    resourceId,
    purpose: '就业补贴审核中核验用人单位登记状态',
    legalBasis: '《就业促进法》第十五条',
    fields: ['uscc', 'name', 'status'],
    periodFrom: '2026-01-01',
    periodTo: '2099-12-31',
  });
  await grants.approve(ctxIn(scjg.id, 2), asked.id, ApproveInput.parse({}));
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(null)));
}, 180_000);
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await p?.close();
});

async function signIn(page: Page, staff: StaffMember) {
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByTestId('staff-login-submit').click();
  await page.waitForURL(/\/workbench$/);
}
it('subscribe from the resource page, see the dead letter, replay it once the receiver is up', async () => {
  const page = await p.newPage(PHONE);
  await signIn(page, officer);
  await page.goto(`/workbench/sharing/resources/${resourceId}`);
  await page.getByRole('heading', { name: '法人基础信息', level: 1 }).waitFor();
  await page.getByTestId('subscribe').click();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  await page.getByTestId('webhook-url').fill(url);
  await page.getByTestId('subscribe-ok').click();
  await page.getByTestId('secret').waitFor();
  expect(await page.getByTestId('secret').textContent()).toMatch(/[\w-]{43}/);
  await scanWidths(p, page, 'exchange-subscribed');
  await page.getByRole('button', { name: '我已保存，关闭' }).click();

  // 市场监督管理局 loads new data: the notice goes out once, fails (503) and becomes a dead letter
  const actor = {
    kind: 'staff',
    accountId: '00000000-0000-0000-0000-000000000003',
    sessionId: 'test',
    displayName: '市场监管数据专员',
    roles: ['data_officer'],
    departmentId: scjgId,
    divisionCode: '411500',
    enterpriseId: null,
    isMfaComplete: true,
    csrfToken: '',
  } as Actor;
  const csv = [
    '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态',
    `${uscc(11)},信阳毛尖茶业有限公司,张三,${validIdNumber()},2019-05-20,信阳市市场监督管理局,存续`,
  ].join('\r\n');
  const load = await p.modules.sharing.upload(
    { actor, requestId: 'test', ip: '127.0.0.1' },
    resourceId,
    'load.csv',
    Buffer.from(csv),
  );
  expect(load.status).toBe('accepted');
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>`
    select count(*)::int as n from sharing.delivery where status = 'dead'`.execute(p.database.db)
        ).rows[0]?.n,
      {
        timeout: 15_000,
      },
    )
    .toBe(1);

  await page.goto('/workbench/sharing/subscriptions');
  await page.getByRole('heading', { name: '资源订阅', level: 1 }).waitFor();
  await page.getByText('失败 1').waitFor();
  await scanWidths(p, page, 'exchange-subscriptions');
  await page.getByTestId('subscription-法人基础信息').click();
  await page.getByRole('heading', { name: '订阅：法人基础信息', level: 1 }).waitFor();
  await page.getByText('投递失败').first().waitFor();
  await scanWidths(p, page, 'exchange-subscription');

  const bureau = await p.newPage(DESKTOP);
  await signIn(bureau, reviewer);
  await bureau.getByRole('menuitem', { name: '投递失败' }).click();
  await bureau.getByRole('heading', { name: '投递失败的通知', level: 1 }).waitFor();
  await bureau.getByText('信阳市人力资源和社会保障局').waitFor();
  await scanWidths(p, bureau, 'exchange-dead-letters');
  // the resource page lists the departments that subscribe (no URL, no key)
  await bureau.goto(`/workbench/sharing/resources/${resourceId}`);
  await bureau.getByTestId('subscribers').getByText('信阳市人力资源和社会保障局').waitFor();
  expect(await bureau.getByTestId('subscribers').textContent()).not.toContain('127.0.0.1');
  await scanWidths(p, bureau, 'exchange-subscribers');

  isUp = true;
  await page.getByTestId('replay-dead').click();
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
  await page.reload();
  await page.getByText('已送达').first().waitFor();
  expect(p.problems).toEqual([]);
}, 180_000);
