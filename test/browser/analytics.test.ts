import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/boot.ts';
import { applicationFor, post, submit } from '../../src/modules/cases/tests/support.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { TestApp } from '../support/app.ts';
import { signUpCitizen, staffSession } from '../support/auth.ts';
import { scanWidths } from './support/accessible.ts';
import { createStaff, type StaffMember, signInStaff } from './support/people.ts';
import { DESKTOP, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let office: StaffMember;
let filedToday = 0;

const COUNTIES = [
  '411502',
  '411503',
  '411521',
  '411522',
  '411523',
  '411524',
  '411525',
  '411526',
  '411527',
  '411528',
];

beforeAll(async () => {
  p = await startPlatform();
  await seedDemo(p.modules, () => {});
  const t = { app: p.app, modules: p.modules, clock: systemClock } as unknown as TestApp;
  const citizen = await signUpCitizen(t, { realName: '王五' });
  for (const [i, code] of COUNTIES.entries()) {
    const dept = await p.modules.org.findDepartment(code, '市场监督管理局');
    const clerk = await staffSession(t, ['window_clerk'], `screen-clerk-${code}`, dept?.id ?? null);
    const item = p.modules.catalog.demoImplementationId('XY-SCJG-001', code);
    for (let n = 0; n < 1 + ((i * 7) % 4); n++) {
      const filed = await submit(t, citizen, {
        ...(await applicationFor(t, citizen, item)),
        form: { summary: '开一家小店' },
      });
      if (filed.statusCode !== 201) throw new Error(filed.body);
      filedToday++;
      if (n % 3 !== 2) await post(t, clerk, `/api/cases/${filed.json().case.id}/accept`, { note: '' });
    }
  }
  for (let n = 0; n < 3; n++) {
    const filed = await submit(t, citizen, await applicationFor(t, citizen));
    if (filed.statusCode !== 201) throw new Error(filed.body);
    filedToday++;
  }
  await p.modules.runJobs();
  await p.modules.runJobs();
  office = await createStaff(p, ['office_admin'], '服务办主任');
}, 240_000);
afterAll(async () => {
  await p?.close();
});

it('asks a visitor without a session to sign in before showing the big screen', async () => {
  const page = await p.newPage(DESKTOP);
  await page.goto('/screen');
  await page.getByText('数据大屏需登录查看').waitFor();
  await page.getByRole('link', { name: '登录工作台' }).waitFor();
});

it('the service office opens 领导驾驶舱 from the menu: today’s figures, charts, axe clean', async () => {
  const page = await p.newPage(DESKTOP);
  await signInStaff(page, office);
  await page.getByRole('menuitem', { name: '领导驾驶舱' }).click();
  await page.getByRole('heading', { name: '领导驾驶舱', level: 1 }).waitFor();
  const today = page.locator('.ant-statistic').filter({ hasText: '今日申报' });
  await today.waitFor();
  expect(
    Number((await today.locator('.ant-statistic-content-value').textContent())?.trim()),
  ).toBeGreaterThanOrEqual(filedToday);
  await page.getByRole('img', { name: '信阳市各县区申报量示意图' }).waitFor();
  await page.locator('canvas').nth(4).waitFor();
  await scanWidths(p, page, 'cockpit');

  // the big screen at 1920×1080, refreshed by itself
  const screen = await p.newPage({ width: 1920, height: 1080 });
  await signInStaff(screen, office);
  await screen.goto('/screen');
  await screen.getByRole('heading', { name: '信阳市一网通办数据大屏' }).waitFor();
  await screen.getByText('每 30 秒自动刷新').waitFor();
  await screen.locator('canvas').nth(4).waitFor();
  const kpi = screen.getByRole('main').getByText('今日申报').locator('..');
  expect(Number((await kpi.textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(filedToday);
  await screen.waitForTimeout(1500); // chart entry animations
  await screen.screenshot({ path: '.tmp/screens/big-screen-1920.png' });
  expect(p.problems).toEqual([]);
}, 180_000);
