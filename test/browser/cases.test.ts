// Applications (办件) in Chromium, the journey: a citizen applies for 食品经营许可 on a 375 px phone
// (form, a generated PDF for each required material, submit, the case number); the clerk asks for a
// supplement; the citizen answers it; the clerk accepts; a reviewer passes 审查; the head decides 准予许可;
// the clerk concludes; the citizen sees 已办结 and the timeline. Then the department admin adds a 会审
// step (two signers) in the process editor, the clerk files a walk-in application at the window, and
// two reviewers countersign. axe (no serious or critical) on every page, screenshots at 375 and 1280 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../src/modules/catalog/schema.ts';
import { pdf } from '../../src/modules/files/tests/fixtures.ts';
import { expectAccessible as checkAccessible } from './support/accessible.ts';
import { cityItem, departmentId, seedCatalog } from './support/catalog.ts';
import {
  createStaff,
  registeredCitizen,
  STAFF_PASSWORD,
  type StaffMember,
  signInCitizen,
  signInStaff,
  validIdNumber,
} from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

const DEPT = '信阳市市场监督管理局';
const FOOD = '食品经营许可（新办）';
let p: Platform;
let food: ItemSummary;
let citizen: { realName: string; phone: string };
const staff: Record<'clerk' | 'reviewer' | 'reviewer2' | 'head' | 'admin', StaffMember> = {} as never;
const pages: Partial<Record<keyof typeof staff | 'citizen', Page>> = {};

beforeAll(async () => {
  p = await startPlatform();
  await seedCatalog(p);
  const dept = await departmentId(p, DEPT);
  staff.clerk = await createStaff(p, ['window_clerk'], '窗口受理员甲', dept);
  staff.reviewer = await createStaff(p, ['reviewer'], '审批人员乙', dept);
  staff.reviewer2 = await createStaff(p, ['reviewer'], '会审人员丙', dept);
  staff.head = await createStaff(p, ['dept_head'], '审批负责人丁', dept);
  staff.admin = await createStaff(p, ['dept_admin'], '部门管理员戊', dept);
  citizen = await registeredCitizen(p, '王小明');
  food = await cityItem(p, FOOD);
});
afterAll(async () => {
  await p?.close();
});

const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: pdf(name) });

/** The page of a staff member, signed in once and reused through the journey. Only the department
 * admin's role demands TOTP; the others sign in with the password alone. */
async function staffPage(who: keyof typeof staff): Promise<Page> {
  const existing = pages[who];
  if (existing) return existing;
  const page = await p.newPage(DESKTOP);
  const member = staff[who];
  if (who === 'admin') await signInStaff(page, member);
  else {
    await page.goto('/workbench/login');
    await page.getByLabel('用户名').fill(member.username);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByTestId('staff-login-submit').click();
    await page.getByRole('heading', { name: `您好，${member.name}` }).waitFor();
  }
  pages[who] = page;
  return page;
}

const expectAccessible = (page: Page, name: string) => checkAccessible(p, page, name);

async function openCase(page: Page, caseNo: string) {
  await page.goto('/workbench/cases');
  await page.getByTestId(`case-${caseNo}`).getByRole('link').click();
  await page.getByTestId('case-no').getByText(caseNo).waitFor();
}

async function confirmDialog(page: Page, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const stateIs = (page: Page, label: string) => page.getByTestId('case-state').getByText(label).waitFor();

async function actOnTask(page: Page, caseNo: string, action: 'pass' | 'approve', opinion: string) {
  await page.goto('/workbench/inbox');
  // a 会审 step shows one row per signer slot
  await page.getByTestId(`task-${caseNo}`).first().getByRole('link').click();
  await page.getByTestId('case-no').getByText(caseNo).waitFor();
  await page.getByLabel('办理意见').fill(opinion);
  await page.getByTestId(`task-${action}`).click();
  await page.getByTestId('timeline').getByText(opinion, { exact: false }).first().waitFor();
}

describe('an application from the phone to the licence decision', () => {
  let caseNo = '';

  it('a citizen applies on a 375 px phone: form, materials, contact, review, case number', async () => {
    const page = await p.newPage(PHONE);
    pages.citizen = page;
    await signInCitizen(page, citizen.phone);
    await page.goto(`/items/${food.implementationId}`);
    await page.getByTestId('apply-online').getByText('在线申办').waitFor();
    await expectAccessible(page, 'guide-apply');
    await page.getByTestId('apply-online').click();
    await page.getByTestId('apply-title').getByText(FOOD).waitFor();
    await page.getByTestId('wizard-next').click();
    await page.getByText('请填写申请事项说明').waitFor(); // the browser says what the server would
    await page.getByLabel('申请事项说明').fill('申请开办一家小型餐饮店，经营热食类食品制售');
    await page.getByLabel('经营（住所）地址').fill('信阳市浉河区民权路 1 号');
    await expectAccessible(page, 'apply-form');
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('wizard-step').getByText('上传材料').waitFor();
    await page.getByTestId('wizard-next').click();
    await page.getByText(/还有 \d 项必需材料未上传/).waitFor();
    const required = await page.getByText('必需', { exact: true }).count();
    for (let i = 0; i < required; i++) {
      await page.getByTestId(`material-files-${i}-input`).setInputFiles(pdfFile(`材料${i + 1}.pdf`));
      await page.getByTestId(`material-files-${i}`).getByTestId('uploaded-file').waitFor();
    }
    await page.getByTestId('material-files-5-input').setInputFiles({
      name: '说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a material'),
    });
    await page.getByText('“说明.txt”不是 PDF、JPG、PNG 或 OFD 文件').waitFor();
    await expectAccessible(page, 'apply-materials');
    await page.getByTestId('wizard-next').click();

    await page.getByLabel('联系电话（手机）').fill('1380000');
    await page.getByLabel('联系地址').fill('信阳市浉河区民权路 1 号');
    await page.getByTestId('wizard-next').click();
    await page.getByText('手机号应为 11 位中国大陆手机号码', { exact: false }).first().waitFor();
    await page.getByLabel('联系电话（手机）').fill('13800001234');
    await page.getByLabel('邮政编码').fill('464000');
    await page.getByTestId('save-status').getByText('草稿已自动保存').waitFor();

    // another device: the draft is in 我的草稿 and opens with the text and the uploaded files
    const other = await p.newPage(DESKTOP);
    await signInCitizen(other, citizen.phone);
    await other.goto('/mine/drafts');
    await other.getByTestId('draft').getByRole('link', { name: FOOD }).waitFor();
    await expectAccessible(other, 'drafts');
    // starting the same item again offers the draft
    await other.goto(`/apply/${food.implementationId}`);
    await other.getByTestId('earlier-draft').getByRole('link', { name: '继续填写这份草稿' }).click();
    await expect
      .poll(() => other.getByLabel('申请事项说明').inputValue())
      .toBe('申请开办一家小型餐饮店，经营热食类食品制售');
    expect(await other.getByTestId('earlier-draft').count()).toBe(0);
    await other.getByTestId('wizard-next').click();
    await other.getByTestId('material-files-0').getByText('材料1.pdf').waitFor();

    await page.getByTestId('wizard-next').click();
    await page.getByTestId('review').getByText('材料1.pdf').waitFor();
    await expectAccessible(page, 'apply-review');
    await page.getByTestId('wizard-submit').click();
    caseNo = ((await page.getByTestId('case-no').textContent()) ?? '').trim();
    expect(caseNo).toMatch(/^411500-\d{8}-\d{8}$/);
    await expectAccessible(page, 'apply-done');
    expect(p.problems).toEqual([]);
  });

  it('the clerk asks once for a supplement; the citizen answers it from 我的办件', async () => {
    const clerk = await staffPage('clerk');
    await clerk.getByRole('menuitem', { name: '本部门办件' }).click();
    await clerk.getByTestId(`case-${caseNo}`).waitFor();
    await expectAccessible(clerk, 'dept-cases');
    await openCase(clerk, caseNo);
    await expectAccessible(clerk, 'staff-case-submitted');
    await clerk.getByTestId('action-supplement').click();
    await confirmDialog(clerk, async (dialog) => {
      await dialog.getByLabel('第 1 项：材料名称').fill('营业执照');
      await dialog.getByLabel('补正要求').fill('复印件不清晰，请上传清晰的扫描件');
    });
    await stateIs(clerk, '补正中');
    await clerk.getByTestId('notices').getByText('补正材料通知书（PDF）').waitFor();

    const page = pages.citizen as Page;
    await page.goto('/me');
    await page.getByTestId('my-cases').click();
    await page.getByTestId(`case-${caseNo}`).getByText('补正中').waitFor();
    await expectAccessible(page, 'my-cases');
    await page.getByTestId(`case-${caseNo}`).getByRole('link').click();
    await page.getByTestId('supplement-request').getByText('复印件不清晰，请上传清晰的扫描件').waitFor();
    await expectAccessible(page, 'my-case-supplement');
    await page.getByTestId('supply-files-0-input').setInputFiles(pdfFile('营业执照-清晰.pdf'));
    await page.getByTestId('supply-files-0').getByTestId('uploaded-file').waitFor();
    await page.getByTestId('supply-submit').click();
    await stateIs(page, '已申报');
    await page.getByTestId('case-materials').getByText('营业执照-清晰.pdf').waitFor();
  });

  it('the clerk accepts, a reviewer passes 审查, the head decides 准予许可, the clerk concludes', async () => {
    const clerk = await staffPage('clerk');
    await clerk.reload();
    await clerk.getByTestId('action-accept').click();
    await confirmDialog(clerk, (dialog) => dialog.getByLabel('受理意见（选填）').fill('材料齐全，予以受理'));
    await stateIs(clerk, '审查中');
    await clerk
      .getByTestId('remaining')
      .getByText(/剩余 \d+ 个工作日/)
      .waitFor();
    await clerk.getByTestId('notices').getByText('受理通知书（PDF）').waitFor();

    const reviewer = await staffPage('reviewer');
    await reviewer.getByRole('menuitem', { name: '审批待办' }).click();
    await reviewer.getByTestId(`task-${caseNo}`).waitFor();
    await expect.poll(() => reviewer.getByTestId('box-todo').textContent()).toBe('待办（1）');
    await expectAccessible(reviewer, 'inbox');
    await reviewer.getByTestId(`task-${caseNo}`).getByRole('link').click();
    await reviewer.getByTestId('act-审查').waitFor();
    await expectAccessible(reviewer, 'staff-case-review');
    await actOnTask(reviewer, caseNo, 'pass', '材料符合要求，同意');

    const head = await staffPage('head');
    await actOnTask(head, caseNo, 'approve', '符合条件，准予许可');
    await stateIs(head, '已决定');
    await head.getByTestId('decision').getByText('准予许可').waitFor();

    await clerk.reload();
    await clerk.getByTestId('action-conclude').click();
    await confirmDialog(clerk, (dialog) => dialog.getByLabel('办结说明（选填）').fill('电子送达'));
    await stateIs(clerk, '已办结');
    await expectAccessible(clerk, 'staff-case-concluded');

    const page = pages.citizen as Page;
    await page.reload();
    await stateIs(page, '已办结');
    const steps = await page.getByTestId('timeline-entry').locator('strong').allInnerTexts();
    expect(steps).toEqual([
      '提交申请',
      '一次性告知补正',
      '提交补正材料',
      '受理',
      '审查：通过',
      '决定：准予许可',
      '办结',
    ]);
    await page.getByTestId('timeline').getByText('意见：符合条件，准予许可').waitFor();
    await expectAccessible(page, 'my-case-concluded');
    await page.goto('/lookup');
    await page.getByLabel('办件编号').fill(caseNo);
    await page.getByLabel('申请人姓名').fill(citizen.realName);
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').getByText('已办结', { exact: true }).waitFor();
    await expectAccessible(page, 'lookup');
    expect(p.problems).toEqual([]);
  });
});

describe('withdrawing', () => {
  it('a citizen withdraws a pending application with a reason, after confirming', async () => {
    const page = pages.citizen as Page;
    const request = page.context().request;
    const me = await (await request.get('/api/me')).json();
    const headers = { 'x-csrf-token': me.csrfToken as string };
    const form = await (await request.get(`/api/cases/forms/${food.implementationId}`)).json();
    const materials = [];
    for (const m of form.materials as Array<{ name: string; isRequired: boolean }>) {
      if (!m.isRequired) continue;
      const uploaded = await request.post('/api/files', {
        headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' },
        data: pdf(m.name),
      });
      materials.push({ name: m.name, fileIds: [(await uploaded.json()).id] });
    }
    const filed = await request.post('/api/cases', {
      headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      data: {
        implementationId: food.implementationId,
        form: { summary: '第二家门店' },
        materials,
        contact: { name: '王小明', phone: '13800001234', address: '信阳市羊山新区 2 号', postcode: null },
        deliveryMethod: 'window',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { case: created } = await filed.json();
    await page.goto(`/mine/cases/${created.id}`);
    await page.getByTestId('withdraw').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await dialog.getByText('请填写撤回原因').waitFor();
    await dialog.getByLabel('撤回原因').fill('门店选址变更，暂不申请');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await stateIs(page, '已撤回');
    await page.getByTestId('outcome').getByText('门店选址变更，暂不申请', { exact: false }).waitFor();
    expect(await page.getByTestId('withdraw').count()).toBe(0);
  });
});

describe('a countersign step set in the process editor, a walk-in application', () => {
  it('the department admin adds 会审 with two signers; validation shows on the field', async () => {
    const admin = await staffPage('admin');
    await admin.getByRole('menuitem', { name: '审批流程' }).click();
    await admin.getByTestId(`process-${FOOD}`).click();
    await admin.getByTestId('step-2').waitFor();
    await admin.getByTestId('add-step').click();
    const added = admin.getByTestId('step-2');
    await added.getByLabel('环节名称').fill('');
    await admin.getByTestId('save-process').click();
    await added.getByText('请填写环节名称').waitFor();
    await added.getByLabel('环节名称').fill('会审');
    await added.getByLabel('会签人数').fill('2');
    await admin.getByTestId('save-process').click();
    await admin.getByTestId('process-saved').getByText('已保存为第 1 版流程', { exact: false }).waitFor();
    await expectAccessible(admin, 'process-editor');
  });

  it('the clerk files at the window, accepts, and 审查 → 会审 (two reviewers) → 决定 runs', async () => {
    const clerk = await staffPage('clerk');
    await clerk.getByRole('menuitem', { name: '窗口收件' }).click();
    await clerk.getByLabel('搜索事项').fill('食品经营许可');
    await clerk.getByLabel('搜索事项').press('Enter');
    await expectAccessible(clerk, 'window-intake-items');
    await clerk.getByTestId(`pick-${FOOD}`).click();
    await clerk.getByLabel('姓名').fill('赵六');
    await clerk.getByLabel('公民身份号码').fill('41150219900101001X');
    await clerk.getByTestId('intake-submit').click();
    await clerk.getByText('身份证号校验位不正确', { exact: false }).first().waitFor();
    await clerk.getByLabel('公民身份号码').fill(validIdNumber(901));
    await clerk.getByLabel('申请事项说明').fill('窗口申请：开办社区便利店，销售预包装食品和散装食品');
    const required = await clerk.getByText('必需', { exact: true }).count();
    for (let i = 0; i < required; i++) {
      await clerk.getByTestId(`material-files-${i}-input`).setInputFiles(pdfFile(`扫描件${i + 1}.pdf`));
      await clerk.getByTestId(`material-files-${i}`).getByTestId('uploaded-file').waitFor();
    }
    await clerk.getByLabel('联系人').fill('赵六');
    await clerk.getByLabel('联系电话（手机）').fill('13900001111');
    await clerk.getByLabel('联系地址').fill('信阳市平桥区中山路 8 号');
    await expectAccessible(clerk, 'window-intake-form');
    await clerk.getByTestId('intake-submit').click();
    const caseNo = ((await clerk.getByTestId('case-no').textContent()) ?? '').trim();
    expect(caseNo).toMatch(/^411500-/);
    await clerk.getByTestId('open-case').click();
    await clerk.getByTestId('action-accept').click();
    await confirmDialog(clerk, async () => {});
    await stateIs(clerk, '审查中');
    // a material downloads as an attachment through the case's short-lived signed link
    const [download] = await Promise.all([
      clerk.waitForEvent('download'),
      clerk.getByTestId('case-materials').getByTestId('file-download').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('扫描件1.pdf');

    const reviewer = await staffPage('reviewer');
    await actOnTask(reviewer, caseNo, 'pass', '审查通过');
    await actOnTask(reviewer, caseNo, 'pass', '会审同意（乙）');
    const reviewer2 = await staffPage('reviewer2');
    await actOnTask(reviewer2, caseNo, 'pass', '会审同意（丙）');
    const head = await staffPage('head');
    await actOnTask(head, caseNo, 'approve', '准予许可');
    await stateIs(head, '已决定');
    const steps = await head.getByTestId('timeline-entry').locator('strong').allInnerTexts();
    expect(steps).toEqual(['窗口收件', '受理', '审查：通过', '会审：通过', '会审：通过', '决定：准予许可']);
    expect(p.problems).toEqual([]);
  });
});
