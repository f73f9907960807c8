// 免提交 in Chromium: the holder of a 食品经营许可证 applies on a 375 px phone for 食品经营许可（变更）, picks
// the license from the wallet for the licence material instead of uploading it (用证授权), reviews and
// submits; the department's reviewer, on a desktop, sees the license's data in the case. axe (no
// serious or critical) on each page, with screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../src/modules/catalog/seed.ts';
import { pdf } from '../../src/modules/files/tests/fixtures.ts';
import type { LicenseView } from '../../src/modules/licenses/schema.ts';
import { PASSWORD, type Session } from '../support/auth.ts';
import { expectAccessible as checkAccessible } from './support/accessible.ts';
import { licensedCitizen } from './support/licensed.ts';
import { createStaff, STAFF_PASSWORD, signInCitizen } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

const CHANGE = seedId('implementation:XY-SCJG-019:411500'); // 食品经营许可（变更）
let p: Platform;
let citizen: Session & { input: { phone: string } };
let license: LicenseView;
let staff: Awaited<ReturnType<typeof licensedCitizen>>['staff'];
let caseId = '';

const expectAccessible = (page: Page, name: string) => checkAccessible(p, page, name);
const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: pdf(name) });

beforeAll(async () => {
  p = await startPlatform();
  ({ staff, citizen, license } = await licensedCitizen(p, '孙丽'));
});
afterAll(async () => {
  await p?.close();
});

describe('免提交: a held license in place of a material', () => {
  it('the holder picks the license from the wallet in the wizard and submits', async () => {
    const page = await p.newPage(PHONE);
    await signInCitizen(page, citizen.input.phone, PASSWORD);
    await page.goto(`/apply/${CHANGE}`);
    await page.getByTestId('apply-title').getByText('食品经营许可（变更）').waitFor();
    await page.getByLabel('申请事项说明').fill('经营场所由民权路 1 号迁至民权路 8 号');
    await page.getByLabel('经营（住所）地址').fill('信阳市浉河区民权路 8 号');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-step').getByText('上传材料').waitFor();

    // material 2 (食品经营许可证) offers the held license; choosing it hides the file picker
    const choice = page.getByTestId('material-license-1');
    await choice.getByLabel('食品经营许可证：选用电子证照').click();
    await page.locator('.ant-select-item-option').filter({ hasText: license.licenseNo }).click();
    await choice.getByText('用证授权').waitFor();
    expect(await page.getByTestId('material-files-1').count()).toBe(0);
    for (const i of [0, 2, 3]) {
      await page.getByTestId(`material-files-${i}-input`).setInputFiles(pdfFile(`材料${i + 1}.pdf`));
      await page.getByTestId(`material-files-${i}`).getByTestId('uploaded-file').waitFor();
    }
    await expectAccessible(page, 'apply-license-choice');
    await page.getByTestId('wizard-next').click();

    await page.getByLabel('联系电话（手机）').fill('13800001234');
    await page.getByLabel('联系地址').fill('信阳市浉河区民权路 8 号');
    await page.getByLabel('邮政编码').fill('464000');
    await page.getByTestId('wizard-next').click();
    const review = page.getByTestId('review');
    await review
      .getByText(`免提交，使用电子证照：食品经营许可证 ${license.licenseNo}`, { exact: false })
      .waitFor();
    await expectAccessible(page, 'apply-license-review');
    await page.getByTestId('wizard-submit').click();
    await page.getByTestId('case-no').waitFor();

    const mine = await p.app.inject({ method: 'GET', url: '/api/cases/mine', headers: citizen.headers });
    const items = (mine.json() as { items: Array<{ id: string; itemName: string }> }).items;
    caseId = items.find((c) => c.itemName === '食品经营许可（变更）')?.id ?? '';
    expect(caseId).not.toBe('');
  });

  it('the department’s reviewer sees the license data in the case', async () => {
    const reviewer = await createStaff(p, ['reviewer'], '审批人员周', staff.departmentId);
    const page = await p.newPage(DESKTOP);
    // a reviewer's role needs no TOTP: user name and password
    await page.goto('/workbench/login');
    await page.getByLabel('用户名').fill(reviewer.username);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByTestId('staff-login-submit').click();
    await page.getByRole('heading', { name: `您好，${reviewer.name}` }).waitFor();
    await page.goto(`/workbench/cases/${caseId}`);
    const licenses = page.getByTestId('case-licenses');
    await licenses.getByText(license.licenseNo).first().waitFor();
    const text = (await licenses.textContent()) ?? '';
    expect(text).toContain('食品经营许可证');
    expect(text).toContain('经营者名称');
    expect(text).toContain('孙丽');
    expect(text).toContain('有效');
    await page.getByTestId('case-materials').getByText('免提交：已使用电子证照').waitFor();
    await expectAccessible(page, 'staff-case-license');
  });
});
