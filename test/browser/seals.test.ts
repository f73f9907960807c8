// 电子印章管理 in Chromium: the department admin applies for a 行政审批专用章 (the name prefilled from the
// department); the service office sees it in its 待办 and reviews (通过), makes, files and issues it from
// the list; the admin sees it 已发放 with its image, opens it (large image, history, public key and
// certificate), authorises a reviewer of the department, then reports it lost (a warning that signing
// stops at once) and sees 已挂失. axe (no serious or critical) at 1280 and 375 px on both pages.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scanWidths } from './support/accessible.ts';
import { departmentId, seedCatalog } from './support/catalog.ts';
import { createStaff, type StaffMember, signInStaff } from './support/people.ts';
import { DESKTOP, type Platform, startPlatform } from './support/platform.ts';

const DEPT = '信阳市市场监督管理局';
const SEAL = `${DEPT}行政审批专用章`;
let p: Platform;
let admin: StaffMember;
let office: StaffMember;
let adminPage: Page;
let officePage: Page;

beforeAll(async () => {
  p = await startPlatform();
  await p.modules.seals.ensureAuthority(); // as `serve` does at start
  await seedCatalog(p);
  const dept = await departmentId(p, DEPT);
  admin = await createStaff(p, ['dept_admin'], '部门管理员甲', dept);
  office = await createStaff(p, ['office_admin'], '政务办管理员乙');
  await createStaff(p, ['reviewer'], '审批人员丙', dept);
  await createStaff(p, ['reviewer'], '外局人员丁', await departmentId(p, '信阳市公安局'));
});
afterAll(async () => {
  await p?.close();
});

/** axe and a screenshot at both widths, back at the desktop width afterwards. */
const sealRow = (page: Page) => page.getByRole('row').filter({ hasText: SEAL });

/** Takes one step from the row's buttons through its dialog and waits for the row's new state. */
async function step(page: Page, row: Locator, action: string, ok: string, next: string, reason?: string) {
  await row.getByTestId(`seal-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (reason) await dialog.getByLabel(/意见|原因/).fill(reason);
  await dialog.getByRole('button', { name: ok }).click();
  // a refused step keeps the dialog open with the server's problem: name it in the failure
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 }).catch(async (error) => {
    const problem = await dialog
      .getByTestId('problem')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(`${action}: ${problem ?? String(error)}`);
  });
  await row.getByText(next, { exact: true }).waitFor();
}

/** The image has arrived and decoded (polled: a cold server answers the first image slowly). */
async function expectImageLoaded(image: Locator): Promise<void> {
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
      timeout: 15_000,
    })
    .toBe(true);
}

it('a seal goes from 申请 through 审核, 制作, 备案 and 发放 to 授权 and 挂失', async () => {
  // 申请: the department admin
  adminPage = await p.newPage(DESKTOP);
  await signInStaff(adminPage, admin);
  await adminPage.getByRole('menuitem', { name: '印章管理' }).click();
  await adminPage.getByRole('heading', { name: '印章管理', level: 1 }).waitFor();
  await adminPage.getByTestId('apply-seal').click();
  const apply = adminPage.getByRole('dialog');
  await apply.waitFor();
  expect(await apply.getByTestId('apply-name').inputValue()).toBe(SEAL);
  await apply.getByRole('button', { name: '提交申请' }).click();
  await apply.getByText('请填写申请理由').waitFor();
  await apply.getByTestId('apply-reason').fill('办理结果（电子证照）用印');
  await scanWidths(p, adminPage, 'seals-apply');
  await apply.getByRole('button', { name: '提交申请' }).click();
  await apply.waitFor({ state: 'hidden' });
  await sealRow(adminPage).getByText('待审核', { exact: true }).waitFor();
  expect(await sealRow(adminPage).getByRole('button').count()).toBe(0); // nothing for the admin yet

  // 审核 → 制作 → 备案 → 发放: the service office, from its 待办
  officePage = await p.newPage(DESKTOP);
  await signInStaff(officePage, office);
  await officePage.getByRole('menuitem', { name: '印章管理' }).click();
  await expect.poll(() => officePage.getByTestId('todo-applied').textContent()).toContain('1');
  const row = sealRow(officePage);
  await row.getByText(DEPT, { exact: true }).waitFor();
  await scanWidths(p, officePage, 'seals-office-todo');
  await step(officePage, row, 'review', '确定审核', '待制作', '材料齐全，同意刻制');
  await step(officePage, row, 'make', '确定制作', '待备案');
  await expectImageLoaded(row.getByRole('img', { name: `${SEAL}印模` }));
  await step(officePage, row, 'file', '确定备案', '待发放');
  await step(officePage, row, 'issue', '确定发放', '已发放');
  await scanWidths(p, officePage, 'seals-office-list');

  // the admin sees it issued with its image, and opens it
  await adminPage.reload();
  const adminRow = sealRow(adminPage);
  await adminRow.getByText('已发放', { exact: true }).waitFor();
  await expectImageLoaded(adminRow.getByRole('img', { name: `${SEAL}印模` }));
  await scanWidths(p, adminPage, 'seals-list');
  await adminRow.getByRole('link', { name: SEAL }).click();
  await adminPage.getByRole('heading', { name: SEAL, level: 1 }).waitFor();
  await expectImageLoaded(adminPage.getByRole('img', { name: `${SEAL}印模` }));
  const steps = adminPage.getByTestId('seal-step');
  expect(await steps.count()).toBe(5);
  await expect.poll(() => steps.nth(1).textContent()).toContain('材料齐全，同意刻制');
  await adminPage
    .getByTestId('seal-sm2-pem')
    .getByText(/BEGIN PUBLIC KEY/)
    .waitFor();
  await adminPage
    .getByTestId('seal-cert-pem')
    .getByText(/BEGIN CERTIFICATE/)
    .waitFor();

  // 授权: a reviewer of the department (the other department's staff is not offered)
  await adminPage.getByTestId('authorize').click();
  const grant = adminPage.getByRole('dialog');
  await grant.waitFor();
  await grant.getByLabel('授权给').click();
  const options = adminPage.locator('.ant-select-item-option');
  await options.first().waitFor();
  expect(await options.allTextContents()).toEqual(['审批人员丙']);
  await options.filter({ hasText: '审批人员丙' }).click();
  await grant.locator('.ant-select').filter({ hasText: '审批人员丙' }).waitFor();
  await scanWidths(p, adminPage, 'seals-authorize');
  await grant.getByRole('button', { name: /授\s*权/ }).click();
  await grant.waitFor({ state: 'hidden' });
  const granted = adminPage
    .getByTestId('seal-authorizations')
    .getByRole('row')
    .filter({ hasText: '审批人员丙' });
  await granted.getByText('有效', { exact: true }).waitFor();
  await scanWidths(p, adminPage, 'seals-detail');

  // 挂失: a plain warning first, then 已挂失 at once
  await adminPage.getByTestId('seal-report-lost').click();
  const lost = adminPage.getByRole('dialog');
  await lost.waitFor();
  expect(await lost.getByTestId('seal-warning').textContent()).toContain('立即停止签章');
  await lost.getByLabel('挂失原因').fill('印章密钥介质遗失');
  await scanWidths(p, adminPage, 'seals-report-lost');
  await lost.getByRole('button', { name: '确定挂失' }).click();
  await lost.waitFor({ state: 'hidden' });
  await adminPage.getByTestId('seal-state').getByText('已挂失').waitFor();
  await adminPage.getByTestId('seal-lost-note').waitFor();
  expect(await adminPage.getByTestId('seal-report-lost').count()).toBe(0);
  expect(await adminPage.getByTestId('authorize').count()).toBe(0);
  await granted.getByText('随印章停用', { exact: true }).waitFor();
  await scanWidths(p, adminPage, 'seals-detail-lost');
  await adminPage.getByRole('link', { name: '印章管理' }).first().click();
  await sealRow(adminPage).getByText('已挂失', { exact: true }).waitFor();
  expect(p.problems).toEqual([]);
});

it('the office refuses an application with its reason, and destroys the refused seal', async () => {
  const business = `${DEPT}业务专用章`;
  await adminPage.goto('/workbench/seals');
  await adminPage.getByTestId('apply-seal').click();
  const apply = adminPage.getByRole('dialog');
  await apply.getByLabel('印章类型').click();
  await adminPage.locator('.ant-select-item-option').filter({ hasText: '业务专用章' }).click();
  await expect.poll(() => apply.getByTestId('apply-name').inputValue()).toBe(business);
  await apply.getByTestId('apply-reason').fill('窗口业务用印');
  await apply.getByRole('button', { name: '提交申请' }).click();
  await apply.waitFor({ state: 'hidden' });
  const ownRow = adminPage.getByRole('row').filter({ hasText: business });
  await ownRow.getByText('待审核', { exact: true }).waitFor();

  await officePage.reload();
  await officePage.getByTestId('todo-applied').click();
  const row = officePage.getByRole('row').filter({ hasText: business });
  await row.getByTestId('seal-review').click();
  const review = officePage.getByRole('dialog');
  await review.getByLabel('不通过').check();
  await review.getByLabel('审核意见').fill('用途与行政审批专用章重复');
  await review.getByRole('button', { name: '确定审核' }).click();
  await review.waitFor({ state: 'hidden' });
  await officePage.getByTestId('todo-applied').click(); // back to 全部
  await row.getByText('未通过', { exact: true }).waitFor();
  await row.getByTestId('seal-destroy').click();
  const destroy = officePage.getByRole('dialog');
  expect(await destroy.getByTestId('seal-warning').textContent()).toContain('私钥将被清除');
  await destroy.getByLabel('销毁原因').fill('申请未通过，注销编码');
  await scanWidths(p, officePage, 'seals-destroy');
  await destroy.getByRole('button', { name: '确定销毁' }).click();
  await destroy.waitFor({ state: 'hidden' });
  await row.getByText('已销毁', { exact: true }).waitFor();

  await adminPage.reload();
  await ownRow.getByText('已销毁', { exact: true }).waitFor();
  await ownRow.getByRole('link', { name: business }).click();
  const steps = adminPage.getByTestId('seal-step');
  await expect.poll(() => steps.count()).toBe(3);
  expect(await steps.nth(1).textContent()).toContain('用途与行政审批专用章重复');
  expect(await adminPage.getByTestId('authorize').count()).toBe(0);
  expect(p.problems).toEqual([]);
});
