// 绩效评估 in Chromium on the demo city's cases: the service office opens the page from the menu and sees
// the department figures the API computes (this month), with the formula behind a header's hint; a click
// on a figure opens the drawer listing the cases behind its numerator and denominator; the window and
// item tabs and the monthly ranking; the Excel download holds the same figures. A department admin sees only their department.
// axe (no serious or critical) at 375 and 1280 px on the page and the drawer.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/boot.ts';
import type { PerformanceReport } from '../../src/modules/performance/index.ts';
import type { Actor } from '../../src/platform/http/access.ts';
import { scanWidths } from './support/accessible.ts';
import { departmentId } from './support/catalog.ts';
import { createStaff, type StaffMember, signInStaff } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

const DEPT = '信阳市市场监督管理局';
let p: Platform;
let office: StaffMember;
let head: StaffMember;
let report: PerformanceReport;

const overseer = {
  kind: 'staff',
  accountId: '00000000-0000-0000-0000-000000000001',
  sessionId: 'test',
  displayName: '测试',
  roles: ['office_admin'],
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
  report = await p.modules.performance.report(overseer, {});
  office = await createStaff(p, ['office_admin'], '政务办管理员甲');
  head = await createStaff(p, ['dept_admin'], '部门管理员乙', await departmentId(p, DEPT));
}, 180_000);
afterAll(async () => {
  await p?.close();
});

it('the service office sees each department’s figures, drills into one and downloads them', async () => {
  const dept = report.departments.find((d) => d.name === DEPT);
  if (!dept) throw new Error(`the demo data has no ${DEPT} figures this month`);
  const onTime = dept.metrics.find((m) => m.key === 'onTime');
  const page = await p.newPage(DESKTOP);
  await signInStaff(page, office);
  await page.getByRole('menuitem', { name: '绩效评估' }).click();
  await page.getByRole('heading', { name: '绩效评估', level: 1 }).waitFor();
  const row = page.getByTestId('table-department').getByRole('row').filter({ hasText: DEPT });
  await row.waitFor();
  expect(await row.getByTestId('metric-onTime').textContent()).toContain(onTime?.text ?? '?');
  expect(await row.textContent()).toContain(dept.score === null ? '无数据' : dept.score.toFixed(1));
  // the formula behind the header's hint
  await page.getByRole('button', { name: '按时办结率的计算公式' }).hover();
  await page.getByRole('tooltip').getByText('法定期限内办结的办件数', { exact: false }).waitFor();
  await page.mouse.move(0, 0);
  await scanWidths(p, page, 'performance');

  // the cases behind 按时办结率
  await row.getByTestId('metric-onTime').click();
  const drawer = page.getByTestId('drill');
  await drawer.waitFor();
  await expect
    .poll(() => drawer.getByTestId('drill-case').count())
    .toBe((onTime?.numerator ?? 0) + (onTime?.denominator ?? 0));
  await scanWidths(p, page, 'performance-drill');
  await page.getByRole('button', { name: /close|关闭/i }).click();

  // windows and items
  await page.getByRole('tab', { name: '按窗口' }).click();
  await page.getByTestId('table-window').getByRole('row').nth(1).waitFor();
  await page.getByRole('tab', { name: '按事项' }).click();
  const itemRow = page.getByTestId('table-item').getByRole('row').filter({ hasText: '食品经营许可' }).first();
  await itemRow.waitFor();
  // the departments' ranking month by month
  await page.getByRole('tab', { name: '月度排名' }).click();
  await page.getByTestId('table-ranking').getByRole('row').filter({ hasText: DEPT }).waitFor();
  await scanWidths(p, page, 'performance-ranking');

  // the workbook holds the same figures
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['部门', '窗口', '事项', '指标说明']);
  const sheet = wb.getWorksheet('部门');
  const names = sheet?.getColumn(1).values.slice(2);
  expect(names).toEqual(report.departments.map((d) => d.name));
  expect(p.problems).toEqual([]);
});

it('a department admin sees their own department only, on a phone', async () => {
  const page = await p.newPage(DESKTOP);
  await signInStaff(page, head);
  await page.setViewportSize(PHONE);
  await page.goto('/workbench/performance');
  await page.getByRole('heading', { name: '绩效评估', level: 1 }).waitFor();
  const rows = page.getByTestId('table-department').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain(DEPT);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
  await scanWidths(p, page, 'performance-head');
});
