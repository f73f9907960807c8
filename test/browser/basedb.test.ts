// 基础库 in Chromium: 数据局's reviewer opens 数据共享; the tree lists the four base databases under
// 基础信息资源, the 人口基础信息 page shows its loads and a masked preview of a citizen who signed up.
// axe (no serious or critical) at 375 and 1280 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scanWidths } from './support/accessible.ts';
import { createStaff, registeredCitizen, STAFF_PASSWORD, type StaffMember } from './support/people.ts';
import { PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let reviewer: StaffMember;
let page: Page;
let idNumber: string;

beforeAll(async () => {
  p = await startPlatform();
  await p.modules.org.seedDemo();
  const bureau = await p.modules.org.findDepartment('411500', '数据局');
  if (!bureau) throw new Error('数据局 missing');
  reviewer = await createStaff(p, ['data_reviewer'], '数据局审核员丙', bureau.id);
  await p.modules.basedb.ensure();
  idNumber = (await registeredCitizen(p, '陈小红')).idNumber;
  await p.modules.runJobs();
}, 180_000);
afterAll(async () => {
  await p?.close();
});

it('the catalog lists the four base databases under 基础; the population page previews masked rows', async () => {
  page = await p.newPage(PHONE);
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill(reviewer.username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByTestId('staff-login-submit').click();
  await page.waitForURL(/\/workbench$/);
  await page.goto('/workbench/sharing');
  await page.getByRole('heading', { name: '资源目录', level: 1 }).waitFor();
  await page.getByTestId('catalog-tree').getByText('基础信息资源（4）').waitFor();
  for (const name of ['人口基础信息', '法人单位基础信息', '电子证照目录信息', '行政区划信息'])
    await page.getByTestId(`resource-${name}`).waitFor();
  await scanWidths(p, page, 'basedb-catalog');
  await page.getByTestId('resource-人口基础信息').click();
  await page.getByRole('heading', { name: '人口基础信息', level: 1 }).waitFor();
  await page.getByText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`).waitFor();
  expect(await page.content()).not.toContain(idNumber);
  await scanWidths(p, page, 'basedb-population');
  expect(p.problems).toEqual([]);
}, 240_000);
