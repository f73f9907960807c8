// 数据共享 in Chromium. 市场监督管理局's data officer finds 法人基础信息 (registered through the module) in
// 本部门资源 and submits it; 数据局 approves it from 目录审核; the officer uploads a bad CSV (the quality
// report lists the problems, nothing is loaded) and then a good one (accepted, the preview masks ID
// numbers); the catalog browser finds it in the tree and by search. The register form refuses an empty
// save, then saves a 部门 resource with one data item as a draft. axe (no serious or critical) at 375
// and 1280 px on each page.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ResourceInput } from '../../src/modules/sharing/schema.ts';
import { LEGAL_PERSONS, uscc } from '../../src/modules/sharing/tests/support.ts';
import type { Actor } from '../../src/platform/http/access.ts';
import { scanWidths } from './support/accessible.ts';
import { createStaff, STAFF_PASSWORD, type StaffMember, validIdNumber } from './support/people.ts';
import { DESKTOP, type Platform, SCREENS, startPlatform } from './support/platform.ts';

let p: Platform;
let officer: StaffMember;
let reviewer: StaffMember;
let officerPage: Page;
let reviewerPage: Page;
let _resourceId: string;

beforeAll(async () => {
  p = await startPlatform();
  await p.modules.org.seedDemo();
  const scjg = await p.modules.org.findDepartment('411500', '市场监督管理局');
  const bureau = await p.modules.org.findDepartment('411500', '数据局');
  if (!scjg || !bureau) throw new Error('demo departments missing');
  officer = await createStaff(p, ['data_officer'], '数据专员甲', scjg.id);
  reviewer = await createStaff(p, ['data_reviewer'], '数据局审核员乙', bureau.id);
  const actor = {
    kind: 'staff',
    accountId: '00000000-0000-0000-0000-000000000002',
    sessionId: 'test',
    displayName: '数据专员甲',
    roles: ['data_officer'],
    departmentId: scjg.id,
    divisionCode: '411500',
    enterpriseId: null,
    isMfaComplete: true,
    csrfToken: '',
  } as Actor;
  const created = await p.modules.sharing.register(
    { actor, requestId: 'test', ip: '127.0.0.1' },
    ResourceInput.parse(LEGAL_PERSONS),
  );
  _resourceId = created.id;
}, 180_000);
afterAll(async () => {
  await p?.close();
});

/** Data officers and reviewers have no TOTP step: user name and password lead to the workbench. */
async function signIn(page: Page, staff: StaffMember) {
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByTestId('staff-login-submit').click();
  await page.waitForURL(/\/workbench$/);
}

async function upload(page: Page, name: string, text: string | Buffer) {
  const path = `${SCREENS}/${name}`;
  writeFileSync(path, text);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('upload-data').click();
  await (await chooser).setFiles(path);
  await page.getByTestId('quality-report').waitFor();
}

it('the officer submits, 数据局 publishes, bad data is refused with a report, good data loads masked', async () => {
  officerPage = await p.newPage(DESKTOP);
  await signIn(officerPage, officer);
  await officerPage.getByRole('menuitem', { name: '本部门资源' }).click();
  await officerPage.getByRole('heading', { name: '本部门资源', level: 1 }).waitFor();
  await officerPage.getByTestId('resource-法人基础信息').waitFor();
  await scanWidths(p, officerPage, 'sharing-mine');
  await officerPage.getByTestId('resource-法人基础信息').click();
  await officerPage.getByRole('heading', { name: '法人基础信息', level: 1 }).waitFor();
  await scanWidths(p, officerPage, 'sharing-draft');
  await officerPage.getByTestId('submit-resource').click();
  await officerPage.getByText('待审核').first().waitFor();

  reviewerPage = await p.newPage(DESKTOP);
  await signIn(reviewerPage, reviewer);
  await reviewerPage.getByRole('menuitem', { name: '目录审核' }).click();
  await reviewerPage.getByTestId('resource-法人基础信息').waitFor();
  await scanWidths(p, reviewerPage, 'sharing-review');
  await reviewerPage.getByTestId('resource-法人基础信息').click();
  await reviewerPage.getByTestId('approve-resource').click();
  await reviewerPage.getByText('102001/00001').first().waitFor();

  await officerPage.reload();
  await officerPage.getByText('102001/00001').first().waitFor();
  const header = '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态';
  await upload(
    officerPage,
    'bad.csv',
    `${header}\n91411502MA9XY0050X,,张三,${validIdNumber(901)},2020-01-01,,营业\n`,
  );
  const problems = officerPage.getByTestId('problems');
  await problems.getByText('必填项为空').waitFor();
  await problems.getByText(/校验位错误/).waitFor();
  await problems.getByText(/不在代码表中/).waitFor();
  await officerPage.getByText('未入库：文件有问题，整批未导入').waitFor();
  await scanWidths(p, officerPage, 'sharing-refused');

  const id = validIdNumber(902);
  await upload(
    officerPage,
    'good.csv',
    `${header}\n${uscc(1)},信阳毛尖茶业有限公司,张三,${id},2019-05-20,,存续\n`,
  );
  await officerPage.getByText('已入库 1 行').first().waitFor();
  const preview = officerPage.getByTestId('rows-preview');
  await preview.getByText(`${id.slice(0, 6)}********${id.slice(-4)}`).waitFor();
  await preview.getByText('张*').waitFor();
  expect(await preview.textContent()).not.toContain(id);
  await scanWidths(p, officerPage, 'sharing-loaded');
  expect(p.problems).toEqual([]);
}, 240_000);

it('the catalog browser shows the tree and finds the resource by search', async () => {
  await officerPage.getByRole('menuitem', { name: '数据共享' }).click();
  await officerPage.getByRole('heading', { name: '资源目录', level: 1 }).waitFor();
  await officerPage.getByTestId('catalog-tree').getByText('基础信息资源（1）').waitFor();
  await officerPage.getByTestId('catalog-tree').getByText('001 法人登记信息（1）').click();
  await officerPage.getByTestId('resource-法人基础信息').waitFor();
  await officerPage.getByLabel('检索资源目录').fill('身份证号');
  await officerPage.getByLabel('检索资源目录').press('Enter');
  await officerPage.getByTestId('resource-法人基础信息').waitFor();
  await scanWidths(p, officerPage, 'sharing-catalog');

  await officerPage.goto('/workbench/sharing/new');
  await officerPage.getByRole('heading', { name: '登记信息资源', level: 1 }).waitFor();
  await officerPage.getByTestId('save-resource').click();
  await officerPage.getByText('请填写资源名称').waitFor();
  await scanWidths(p, officerPage, 'sharing-form');

  // a 部门 resource with one data item, saved as a draft
  const form = officerPage;
  await form.getByLabel('资源名称').fill('食品经营许可信息');
  await form.getByLabel('摘要').fill('本局核发的食品经营许可证信息。');
  await form.getByLabel('项（2 位）').fill('09');
  await form.getByLabel('项名称').fill('市场监管');
  await form.getByLabel('目（3 位）').fill('001');
  await form.getByLabel('目名称').fill('许可信息');
  await form.getByLabel('共享条件').fill('用于核验经营资格');
  await form.getByLabel('名称', { exact: true }).fill('许可证编号');
  await form.getByLabel('英文名').fill('license_no');
  await form.getByLabel('数据类型').click();
  await form.locator('.ant-select-item-option').filter({ hasText: '字符型 C' }).click();
  await form.getByLabel('长度').fill('30');
  await form.getByTestId('save-resource').click();
  await form.getByRole('heading', { name: '食品经营许可信息', level: 1 }).waitFor();
  await form.getByText('草稿').first().waitFor();
  await form
    .getByText('3 部门信息资源', { exact: false })
    .or(form.getByText('部门信息资源 › 09 市场监管'))
    .first()
    .waitFor();
  expect(p.problems).toEqual([]);
}, 180_000);
