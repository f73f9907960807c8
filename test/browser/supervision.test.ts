// 电子监察 in Chromium. The demo city's cases (one past its promised deadline) are evaluated; the
// supervisor sees the red card in the console (city totals, the department's row, the warnings table),
// opens the warning (the case's clock, history, GB/T 39046 表 11) and issues a 督办 with a deadline; the
// department's head finds it in the notification inbox, opens it and answers, and sees the red case
// among the department's own warnings; the supervisor closes the order with the result. The rules page shows the server's refusal of a nonsense parameter. axe (no serious or
// critical) at 375 and 1280 px on each page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { seedDemo } from '../../src/cli/boot.ts';
import type { Actor } from '../../src/platform/http/access.ts';
import { scanWidths } from './support/accessible.ts';
import { createStaff, STAFF_PASSWORD, type StaffMember, signInStaff } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let supervisor: StaffMember;
let head: StaffMember;
let supervisorPage: Page;
let headPage: Page;
let red: { id: string; caseNo: string; itemName: string; departmentName: string };

const overseer = {
  kind: 'staff',
  accountId: '00000000-0000-0000-0000-000000000001',
  sessionId: 'test',
  displayName: '测试',
  roles: ['supervisor'],
  departmentId: null,
  divisionCode: null,
  enterpriseId: null,
  isMfaComplete: true,
  csrfToken: '',
} as unknown as Actor;

beforeAll(async () => {
  p = await startPlatform();
  await seedDemo(p.modules, () => {});
  await p.modules.runJobs();
  await p.modules.supervision.sweep();
  const found = await p.modules.supervision.listWarnings(overseer, {
    level: 'red',
    rule: 'deadline-red',
    status: 'open',
    page: 1,
  });
  const w = found.items[0];
  if (!w) throw new Error('the demo data has no case past its promised deadline');
  red = w;
  supervisor = await createStaff(p, ['supervisor'], '监察员甲');
  head = await createStaff(p, ['dept_head'], '审批负责人乙', w.departmentId);
}, 180_000);
afterAll(async () => {
  await p?.close();
});

it('the supervisor sees the red case and issues a 督办; the head answers; the supervisor closes it', async () => {
  onTestFailed(async () => {
    for (const [name, page] of [
      ['supervisor', supervisorPage],
      ['head', headPage],
    ] as const)
      if (page) await page.screenshot({ path: `.tmp/screens/supervision-failed-${name}.png` });
    console.error(p.problems);
  });
  // the console: totals, the department's row and the red warning
  supervisorPage = await p.newPage(DESKTOP);
  await signInStaff(supervisorPage, supervisor);
  await supervisorPage.getByRole('menuitem', { name: '电子监察' }).click();
  await supervisorPage.getByRole('heading', { name: '电子监察', level: 1 }).waitFor();
  await supervisorPage.getByTestId(`dept-${red.departmentName}`).waitFor();
  expect(Number(await supervisorPage.getByTestId('total-red-value').textContent())).toBeGreaterThan(0);
  await supervisorPage.getByTestId(`dept-${red.departmentName}`).click();
  const link = supervisorPage
    .getByRole('row')
    .filter({ hasText: red.caseNo })
    .filter({ hasText: '超过承诺期限' })
    .getByRole('link', { name: red.itemName });
  await link.waitFor();
  await scanWidths(p, supervisorPage, 'supervision-console');

  // the warning: the case's clock, history and Table 11
  await link.click();
  await supervisorPage.getByRole('heading', { name: `超过承诺期限：${red.itemName}`, level: 1 }).waitFor();
  await expect.poll(() => supervisorPage.getByTestId('remaining').textContent()).toContain('已超期');
  await supervisorPage.getByTestId('table11').getByText(red.caseNo).first().waitFor();
  await scanWidths(p, supervisorPage, 'supervision-warning');

  // 发出督办
  await supervisorPage.getByTestId('issue-order').click();
  const dialog = supervisorPage.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel('督办内容').fill('该件已超过承诺期限，请说明原因并限期办结');
  await dialog.getByLabel('自今日起的工作日').fill('3');
  await scanWidths(p, supervisorPage, 'supervision-issue');
  await dialog.getByRole('button', { name: /发出督办/ }).click();
  await supervisorPage.waitForURL(/\/workbench\/supervision\/orders\/[0-9a-f-]+$/);
  await supervisorPage.getByTestId('order-state').getByText('待回复').waitFor();
  const orderUrl = supervisorPage.url();

  // the head: the inbox names the order and opens it; the answer form
  headPage = await p.newPage(PHONE);
  // a dept_head signs in without TOTP (only admins, the office, supervisors and auditors need it)
  await headPage.goto('/workbench/login');
  await headPage.getByLabel('用户名').fill(head.username);
  await headPage.getByLabel('密码').fill(STAFF_PASSWORD);
  await headPage.getByTestId('staff-login-submit').click();
  await headPage.getByRole('heading', { name: `您好，${head.name}` }).waitFor();
  // the bell counts the order
  await headPage.getByRole('link', { name: /消息通知，1 条未读/ }).waitFor();
  await headPage.goto('/workbench/notifications');
  const notice = headPage.getByTestId('notification').filter({ hasText: red.caseNo });
  await notice.waitFor();
  expect(await notice.textContent()).toContain('督办');
  await notice.getByRole('button', { name: /查\s*看/ }).click();
  await headPage.waitForURL(orderUrl);
  await headPage.getByTestId('answer-text').waitFor();
  await scanWidths(p, headPage, 'supervision-answer');
  await headPage.getByTestId('answer-text').fill('因现场核查排期延误，已完成核查，明日办结');
  await headPage.getByTestId('answer-submit').click();
  await headPage.getByTestId('order-answer').waitFor();
  await headPage.getByTestId('order-state').getByText('已回复').waitFor();
  // the department's 督办件 list
  await headPage.goto('/workbench/supervision/orders');
  await headPage.getByRole('heading', { name: '督办件', level: 1 }).waitFor();
  await scanWidths(p, headPage, 'supervision-dept-orders');

  // the department's own warnings: the red case, no 发出督办
  await headPage.goto('/workbench/supervision');
  await headPage.getByRole('heading', { name: '本部门预警', level: 1 }).waitFor();
  await headPage.getByRole('link', { name: red.itemName }).first().click();
  await headPage.getByTestId('case-clock').waitFor();
  expect(await headPage.getByTestId('issue-order').count()).toBe(0);
  await headPage.goBack();
  await headPage.getByRole('link', { name: red.itemName }).first().waitFor();
  await scanWidths(p, headPage, 'supervision-dept-warnings');

  // the supervisor closes it with the result
  await supervisorPage.goto(orderUrl);
  await supervisorPage.getByTestId('close-text').fill('部门已说明原因并整改，督办办结');
  await supervisorPage.getByTestId('close-submit').click();
  await supervisorPage.getByTestId('order-result').waitFor();
  await supervisorPage.getByTestId('order-state').getByText('已办结').waitFor();
  await scanWidths(p, supervisorPage, 'supervision-order');

  await supervisorPage.getByRole('menuitem', { name: '督办单' }).click();
  await supervisorPage.getByRole('heading', { name: '督办单', level: 1 }).waitFor();
  await supervisorPage.getByRole('link', { name: red.itemName }).first().waitFor();
  await scanWidths(p, supervisorPage, 'supervision-orders');
  expect(p.problems).toEqual([]);
}, 240_000);

it('the rules page shows the server refusing a nonsense parameter and saves a sensible one', async () => {
  await supervisorPage.getByRole('menuitem', { name: '监察规则' }).click();
  await supervisorPage.getByRole('heading', { name: '监察规则', level: 1 }).waitFor();
  await supervisorPage.getByTestId('edit-deadline-yellow').click();
  const dialog = supervisorPage.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByTestId('param-percent').fill('150');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.getByTestId('problem').getByText('监察规则参数不合理').waitFor();
  await scanWidths(p, supervisorPage, 'supervision-rules-refused');
  await dialog.getByTestId('param-percent').fill('30');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect
    .poll(() => supervisorPage.getByTestId('rule-params-deadline-yellow').textContent())
    .toContain('30');
  await scanWidths(p, supervisorPage, 'supervision-rules');
}, 120_000);
