import { afterAll, beforeAll, expect, it } from 'vitest';
import { scanWidths } from './support/accessible.ts';
import { createStaff, STAFF_PASSWORD, type StaffMember } from './support/people.ts';
import { PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let reviewer: StaffMember;

beforeAll(async () => {
  p = await startPlatform();
  await p.modules.org.seedDemo();
  await p.modules.identity.seedDemo((division, kind) => p.modules.org.findDepartment(division, kind));
  await p.modules.sharing.seedDemo(await p.modules.identity.demoActors());
  const bureau = await p.modules.org.findDepartment('411500', '数据局');
  if (!bureau) throw new Error('数据局 missing');
  reviewer = await createStaff(p, ['data_reviewer'], '数据局开放审核员', bureau.id);
}, 180_000);
afterAll(async () => {
  await p?.close();
});

it('数据局 opens 法人基础信息 desensitised; the public finds, previews and downloads it', async () => {
  const page = await p.newPage();
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill(reviewer.username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByTestId('staff-login-submit').click();
  await page.waitForURL(/\/workbench$/);
  await page.getByRole('link', { name: '数据开放' }).first().click();
  await page.waitForURL(/\/workbench\/opendata$/);
  await page.getByText('法人基础信息').waitFor();
  await scanWidths(p, page, 'opendata-console');

  await page.getByTestId('open-edit').first().click();
  await page.getByText('去除法定代表人身份证号后向社会开放').waitFor();
  const idRule = page.getByTestId('rule-legal_rep_id');
  await expect.poll(() => idRule.textContent()).toContain('不开放');
  await idRule.getByRole('combobox').click();
  expect(await page.locator('.ant-select-dropdown:visible').textContent()).not.toContain('原样开放');
  await page.keyboard.press('Escape');
  await page.getByTestId('rule-established_on').getByRole('combobox').click();
  await page.locator('.ant-select-dropdown:visible').getByText('泛化到年月').click();
  await page.getByLabel('提供分组计数的信息项（可不选）').click();
  await page.locator('.ant-select-dropdown:visible').getByText('状态', { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('小数抑制阈值（少于此数的分组不公布）').fill('2');
  await scanWidths(p, page, 'opendata-drawer');
  await page.getByTestId('open-save').click();
  await page.getByText('已开放', { exact: true }).waitFor();

  // the public, signed out, on a phone
  const pub = await p.newPage(PHONE);
  await pub.goto('/open');
  await pub.getByLabel('检索开放数据集').fill('法人');
  await pub.getByLabel('检索开放数据集').press('Enter');
  await expect.poll(() => pub.getByTestId('open-count').textContent()).toContain('共 1 个数据集');
  await scanWidths(p, pub, 'opendata-list');
  await pub.getByRole('link', { name: '法人基础信息' }).click();
  await pub.getByTestId('open-preview').getByText('信阳毛尖茶业有限公司').waitFor();
  await pub.setViewportSize(PHONE);
  await scanWidths(p, pub, 'opendata-dataset');
  const text = (await pub.locator('main').textContent()) ?? '';
  expect(text).toContain('2019-05');
  expect(text).not.toContain('2019-05-20');
  expect(text).not.toMatch(/\d{17}[\dX]/);
  expect(text).toContain('去除法定代表人身份证号后向社会开放');
  // 存续 3 is shown; 在业 1 and 吊销 1 are below k = 2 and not published
  const counts = pub.getByTestId('open-aggregate-status');
  expect(await counts.textContent()).toContain('存续3');
  expect(await counts.getByText('少量（不公布）').count()).toBe(2);
  const href = await pub.getByTestId('download-csv').getAttribute('href');
  const csv = await pub.request.get(href ?? '');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).not.toMatch(/\d{17}[\dX]/);
  expect(p.problems).toEqual([]);
}, 180_000);
