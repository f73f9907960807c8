// The catalog editor and review desk in Chromium: the 市场监督管理局 department admin changes the
// promised limit of an item and submits it; the service office reads the diff, approves and
// publishes; the portal shows the new limit and the old version stays readable at its version URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../src/modules/catalog/schema.ts';
import { seriousViolations } from './support/axe.ts';
import { departmentId, getJson, guideOf, seedCatalog } from './support/catalog.ts';
import { createStaff, type StaffMember, signInStaff } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

const DEPT = '信阳市市场监督管理局';
let p: Platform;
let editor: StaffMember;
let office: StaffMember;
let item: ItemSummary;
beforeAll(async () => {
  p = await startPlatform();
  await seedCatalog(p);
  const dept = await departmentId(p, DEPT);
  editor = await createStaff(p, ['dept_admin'], '部门管理员甲', dept);
  office = await createStaff(p, ['office_admin'], '政务办审核员乙');
  const list = await getJson<{ items: ItemSummary[] }>(
    p,
    `/api/catalog/items?department=${dept}&pageSize=100`,
  );
  const found = list.items.find((i) => !i.isInstant && (i.promisedLimitDays ?? 0) > 2);
  if (!found) throw new Error('no promised item');
  item = found;
});
afterAll(async () => {
  await p?.close();
});

describe('catalog editing, review and publishing', () => {
  it('a department admin edits a promised limit; the office approves and publishes; the old version stays readable', async () => {
    const before = await guideOf(p, item.implementationId);
    const oldLimit = before.version.content.promisedLimitDays ?? 0;
    const legal = before.version.content.legalLimitDays ?? oldLimit;
    const newLimit = oldLimit - 1;

    const page = await p.newPage(DESKTOP);
    await signInStaff(page, editor);
    await page.getByRole('menuitem', { name: '事项管理' }).click();
    await page.getByRole('heading', { name: '事项管理' }).waitFor();
    await page.getByRole('link', { name: '编辑' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await p.shot(page, 'catalog-list');
    await page.getByTestId(`edit-${item.name}`).click();
    await page.getByRole('heading', { name: `编辑：${item.name}` }).waitFor();
    await page.getByTestId('start-draft').click();
    await page.getByTestId('editor-state').getByText('草稿').waitFor();

    const limit = page.getByLabel(/承诺办结时限/);
    await limit.fill(String(legal + 5));
    await page.getByTestId('save-draft').click();
    await page.getByText(`承诺办结时限（${legal + 5}）不得超过法定办结时限（${legal}）`).waitFor();
    await limit.fill(String(newLimit));
    await page.getByTestId('save-draft').click();
    await page.getByTestId('editor-notice').getByText('草稿已保存').waitFor();
    await p.shot(page, 'catalog-editor'); // waits for the form's enable transition to settle
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('submit-draft').click();
    await page.getByTestId('editor-notice').getByText('已提交政务服务管理机构审核').waitFor();
    await page.getByTestId('editor-state').getByText('待审核').waitFor();

    const desk = await p.newPage(DESKTOP);
    await signInStaff(desk, office);
    await desk.getByRole('menuitem', { name: '事项审核' }).click();
    await desk.getByTestId(`review-${item.name}`).click();
    const diff = desk.getByTestId('diff-promisedLimitDays');
    await diff.getByText(`${oldLimit} 个工作日`).waitFor();
    await diff.getByText(`${newLimit} 个工作日`).waitFor();
    expect(await seriousViolations(desk)).toEqual([]);
    await p.shot(desk, 'catalog-review');
    await desk.getByTestId('approve').click();
    await desk.getByTestId('publish').click();
    await desk.getByTestId('published').waitFor();

    const citizen = await p.newPage(PHONE);
    await citizen.goto(`/items/${item.implementationId}`);
    await citizen.getByTestId('basic-承诺办结时限').getByText(`${newLimit} 个工作日`).waitFor();
    await citizen.goto(`/items/${item.implementationId}/versions/${before.version.id}`);
    await citizen.getByTestId('old-version').getByText('这是历史版本').waitFor();
    await citizen.getByTestId('basic-承诺办结时限').getByText(`${oldLimit} 个工作日`).waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
    await p.shot(citizen, 'guide-old-version');

    await page.goto(`/workbench/catalog/${item.implementationId}/history`);
    await page.getByRole('heading', { name: '版本历史' }).waitFor();
    await page.getByTestId('diff-promisedLimitDays').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await p.shot(page, 'catalog-history');
    expect(p.problems).toEqual([]);
  });

  it('the office rejects with a note; the department admin sees it; screens fit a phone', async () => {
    const page = await p.newPage(PHONE);
    await signInStaff(page, editor);
    await page.goto(`/workbench/catalog/${item.implementationId}`);
    await page.getByTestId('start-draft').click();
    await page.getByRole('button', { name: '添加常见问题' }).click();
    await page.getByLabel('问题').last().fill('可以委托他人办理吗？');
    await page.getByLabel('解答').last().fill('可以，委托人需提供授权委托书。');
    await page.getByTestId('submit-draft').click();
    await page.getByTestId('editor-state').getByText('待审核').waitFor();
    await p.shot(page, 'catalog-editor');

    const desk = await p.newPage(PHONE);
    await signInStaff(desk, office);
    await desk.goto('/workbench/catalog/review');
    await desk.getByTestId(`review-${item.name}`).click();
    await desk.getByTestId('diff-faq').getByText('问：可以委托他人办理吗？', { exact: false }).waitFor();
    await desk.getByLabel('审核意见（退回时必填）').fill('解答请写明授权委托书的格式要求。');
    await desk.getByTestId('reject').click();
    await desk.getByTestId('review-state').getByText('已退回').waitFor();
    expect(await seriousViolations(desk)).toEqual([]);
    await p.shot(desk, 'catalog-review');

    await page.reload();
    await page.getByText('解答请写明授权委托书的格式要求。').waitFor();
    await page.getByTestId('editor-state').getByText('已退回').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const hasHorizontalScroll = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(hasHorizontalScroll).toBe(false);
  });
});
