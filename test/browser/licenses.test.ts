// Electronic licenses (电子证照) in Chromium: a 食品经营许可 case concluded over HTTP issues a license; on a
// 375 px phone the citizen finds it in 我的证照, opens it (printed fields, QR code), and anyone signed out
// verifies it on /verify?id=… (有效), is told of a wrong check character, and uploads the PDF (一致) and a
// copy with one flipped byte (不一致). On a desktop the department head suspends it in 证照管理, after
// which /verify says 无效 and 暂扣; the service office opens 证照目录 and edits a type. axe (no serious or
// critical) on every page at 375 and 1280 px, with screenshots.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenseView } from '../../src/modules/licenses/schema.ts';
import { PASSWORD, type Session } from '../support/auth.ts';
import { expectAccessible as checkAccessible } from './support/accessible.ts';
import { licensedCitizen } from './support/licensed.ts';
import {
  createStaff,
  STAFF_PASSWORD,
  type StaffMember,
  signInCitizen,
  signInStaff,
} from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let citizen: Session & { input: { phone: string } };
let license: LicenseView;
let pdf: Buffer;
let head: StaffMember;
let office: StaffMember;
let verifier: Page;
let staff: Awaited<ReturnType<typeof licensedCitizen>>['staff'];

beforeAll(async () => {
  p = await startPlatform();
  ({ staff, citizen, license } = await licensedCitizen(p, '王小明'));
  const file = await p.app.inject({
    method: 'GET',
    url: `/api/licenses/${license.id}/pdf`,
    headers: citizen.headers,
  });
  expect(file.statusCode).toBe(200);
  pdf = file.rawPayload;
  head = await createStaff(p, ['dept_head'], '审批负责人丁', staff.departmentId);
  office = await createStaff(p, ['office_admin'], '政务办证照管理员');
});
afterAll(async () => {
  await p?.close();
});

/** A locator's text, polled until the expectation holds (pages load lazily, then fetch). */
const textOf = (locator: Locator) => expect.poll(() => locator.textContent(), { timeout: 15_000 });

const expectAccessible = (page: Page, name: string) => checkAccessible(p, page, name);

const pdfUpload = (buffer: Buffer, name = '食品经营许可证.pdf') => ({
  name,
  mimeType: 'application/pdf',
  buffer,
});

describe('电子证照 on a phone', () => {
  it('the citizen finds the license in 我的证照 and opens it: printed fields and a QR code', async () => {
    const page = await p.newPage(PHONE);
    await signInCitizen(page, citizen.input.phone, PASSWORD);
    await page.getByTestId('my-licenses').click();
    await page.waitForURL(/\/mine\/licenses$/);
    const card = page.getByTestId(`license-${license.licenseNo}`);
    await textOf(card).toContain('食品经营许可证');
    expect(await card.textContent()).toContain('有效');
    await expectAccessible(page, 'licenses-wallet');

    await card.getByRole('link', { name: '食品经营许可证' }).click();
    await page.waitForURL(new RegExp(`/mine/licenses/${license.id}$`));
    const fields = page.getByTestId('license-fields');
    await textOf(fields).toContain('经营者名称');
    expect(await fields.textContent()).toContain('王小明');
    expect(await page.getByTestId('license-identifier').textContent()).toBe(license.identifier);
    const qr = page.getByRole('img', { name: '食品经营许可证核验二维码' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByTestId('license-pdf').getAttribute('href')).toBe(
      `/api/licenses/${license.id}/pdf`,
    );
    await expectAccessible(page, 'license-detail');
  });

  it('signed out, /verify?id=… from the QR code says 有效 at once; a wrong check character is refused', async () => {
    verifier = await p.newPage(PHONE);
    await verifier.goto(`/verify?id=${encodeURIComponent(license.identifier)}`);
    const word = verifier.getByTestId('verify-verdict-word');
    await textOf(word).toBe('有效');
    expect(await verifier.getByTestId('verify-result').textContent()).toContain(license.licenseNo);
    await verifier.getByRole('button', { name: '签名数据' }).click();
    await verifier.getByText('被签名数据', { exact: true }).waitFor();
    await expectAccessible(verifier, 'verify-valid');

    const last = license.identifier.slice(-1);
    const wrong = license.identifier.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await verifier.getByTestId('verify-identifier').fill(wrong);
    await verifier.getByTestId('verify-submit').click();
    await textOf(verifier.getByTestId('problem')).toContain('校验位不正确');
    expect(await verifier.getByTestId('verify-result').count()).toBe(0);
    await expectAccessible(verifier, 'verify-check-char');
  });

  it('the genuine PDF uploads as 一致; one flipped byte makes it 不一致', async () => {
    await verifier.getByTestId('pdf-verify-input').setInputFiles(pdfUpload(pdf));
    await textOf(verifier.getByTestId('pdf-verdict-word')).toBe('一致');
    expect(await verifier.getByTestId('pdf-license-result').textContent()).toContain(license.licenseNo);
    await expectAccessible(verifier, 'verify-pdf-genuine');

    const forged = Buffer.from(pdf);
    forged[400] = (forged[400] ?? 0) ^ 0x01;
    await verifier.getByTestId('pdf-verify-input').setInputFiles(pdfUpload(forged, '改过的证照.pdf'));
    await textOf(verifier.getByTestId('pdf-verdict-word')).toBe('不一致');
    expect(await verifier.getByTestId('pdf-verdict-problems').textContent()).toContain('修改');
    await expectAccessible(verifier, 'verify-pdf-forged');
  });
});

describe('证照管理 and 证照目录 on a desktop', () => {
  it('the department head suspends the license with a reason; /verify then says 无效 and 暂扣; a stale 恢复 shows the 409', async () => {
    const page = await p.newPage(DESKTOP);
    await page.goto('/workbench/login');
    await page.getByLabel('用户名').fill(head.username);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByTestId('staff-login-submit').click();
    await page.getByRole('heading', { name: `您好，${head.name}` }).waitFor();
    await page.getByRole('link', { name: '证照管理' }).click();
    await page.waitForURL(/\/workbench\/licenses$/);
    const actions = page.getByRole('button', { name: `变更状态：${license.licenseNo}` });
    await actions.waitFor();
    await expectAccessible(page, 'workbench-licenses');

    await actions.click();
    expect(await page.getByRole('menuitem', { name: '恢复' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '暂扣' }).click();
    const dialog = page.getByRole('dialog', { name: '暂扣电子证照' });
    await dialog.getByRole('button', { name: '确认暂扣' }).click();
    await textOf(dialog).toContain('请填写暂扣原因');
    await dialog.getByLabel('暂扣原因').fill('经营场所不符合食品安全要求，责令整改');
    await expectAccessible(page, 'workbench-licenses-suspend');
    await dialog.getByRole('button', { name: '确认暂扣' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await textOf(page.locator('tbody')).toContain('经营场所不符合食品安全要求');

    await verifier.setViewportSize(PHONE);
    await verifier.goto(`/verify?id=${encodeURIComponent(license.identifier)}`);
    await textOf(verifier.getByTestId('verify-verdict-word')).toBe('无效');
    expect(await verifier.getByTestId('verify-status').textContent()).toContain('暂扣');
    expect(await verifier.getByTestId('verify-verdict').textContent()).toContain('暂扣');
    await expectAccessible(verifier, 'verify-suspended');

    // another head lifts the suspension meanwhile; this page still offers 恢复 and shows the refusal
    const lifted = await p.app.inject({
      method: 'POST',
      url: `/api/licenses/${license.id}/status`,
      headers: staff.head.headers,
      payload: { status: 'valid', reason: '已完成整改' },
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    await actions.click();
    await page.getByRole('menuitem', { name: '恢复' }).click();
    const restore = page.getByRole('dialog', { name: '恢复电子证照' });
    await restore.getByLabel('恢复原因').fill('整改完成');
    await restore.getByRole('button', { name: '确认恢复' }).click();
    await textOf(restore.getByTestId('problem')).toContain('电子证照当前状态不允许此操作');
    expect(await restore.getByTestId('problem').textContent()).toContain('不能改为“有效”');
    await p.shot(page, 'workbench-licenses-conflict');
    await restore.getByRole('button', { name: '取消' }).click();
    await textOf(page.locator('tbody')).toContain('已完成整改');
    expect(await page.locator('tbody').textContent()).toContain('有效');
  });

  it('the service office sees the 60 types and edits one’s validity and fields', async () => {
    const page = await p.newPage(DESKTOP);
    await signInStaff(page, office);
    await page.getByRole('link', { name: '证照目录' }).click();
    await page.waitForURL(/\/workbench\/license-types$/);
    await textOf(page.getByTestId('type-count')).toContain('共 60 类');
    await page.getByRole('searchbox', { name: '按证照名称、类型代码或发证部门筛选' }).fill('食品经营许可证');
    await page.getByRole('button', { name: '编辑食品经营许可证' }).click();
    await expectAccessible(page, 'workbench-license-types-edit');
    const dialog = page.getByRole('dialog', { name: '编辑证照类型：食品经营许可证' });
    await dialog.getByLabel('有效期（年）').fill('6');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await textOf(page.locator('tbody')).toContain('6 年');
    await expectAccessible(page, 'workbench-license-types');
  });

  it('no page had a script error or a CSP refusal', () => {
    expect(p.problems).toEqual([]);
  });
});
