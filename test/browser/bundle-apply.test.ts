// 一件事申办 in Chromium on a 375 px phone: from the 开办餐饮店 guide a citizen applies once — the required
// members plus the fire-safety check ticked, the merged form, one upload per merged required material,
// contact, review — and gets the parent case number; its page lists one sub-case per member taken.
// axe at 375 and 1280 px on each step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BundleGuide } from '../../src/modules/catalog/bundles/schema.ts';
import { pdf } from '../../src/modules/files/tests/fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { getJson, seedCatalog } from './support/catalog.ts';
import { registeredCitizen, signInCitizen } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

const FIRE = '公众聚集场所投入使用、营业前消防安全检查';
let p: Platform;
let guide: BundleGuide;
let citizen: { phone: string };

beforeAll(async () => {
  p = await startPlatform();
  await seedCatalog(p);
  const list = await getJson<{ items: Array<{ id: string; name: string }> }>(p, '/api/catalog/bundles');
  const bundle = list.items.find((b) => b.name === '开办餐饮店');
  if (!bundle) throw new Error('no 开办餐饮店');
  guide = await getJson<BundleGuide>(p, `/api/catalog/bundles/${bundle.id}`);
  citizen = await registeredCitizen(p, '孙小店');
});
afterAll(async () => {
  await p?.close();
});

async function accessible(page: Page, name: string) {
  for (const width of [DESKTOP, PHONE]) {
    await page.setViewportSize(width);
    await p.shot(page, name);
    expect(await seriousViolations(page), `${name} at ${width.width} px`).toEqual([]);
  }
}

it('a citizen files 开办餐饮店 once and follows the sub-cases from the parent case', async () => {
  const taken = guide.members.filter((m) => m.implementation && (m.isRequired || m.name === FIRE));
  const page = await p.newPage(PHONE);
  await signInCitizen(page, citizen.phone);
  await page.goto(`/bundles/${guide.id}`);
  await page.getByTestId('apply-bundle').getByText('一件事申办').click();
  await page.getByTestId('apply-title').getByText('开办餐饮店').waitFor();
  await page.getByRole('checkbox', { name: `${FIRE}（按需办理）` }).check();
  await page.getByTestId('wizard-next').click();
  await page.getByText('请填写申请事项说明').waitFor();
  await page.getByLabel('申请事项说明').fill('开办一家面馆，申请一件事联办');
  await page.getByLabel('经营（住所）地址').fill('信阳市浉河区胜利路 8 号');
  await accessible(page, 'bundle-apply-form');
  await page.getByTestId('wizard-next').click();

  await page.getByTestId('wizard-step').getByText('上传材料').waitFor();
  const rows = page.locator('li[data-testid^="material-"]');
  const count = await rows.count();
  let uploaded = 0;
  for (let i = 0; i < count; i++) {
    if ((await rows.nth(i).getByText('必需', { exact: true }).count()) === 0) continue;
    await page.getByTestId(`material-files-${i}-input`).setInputFiles({
      name: `材料${i + 1}.pdf`,
      mimeType: 'application/pdf',
      buffer: pdf(`材料${i + 1}`),
    });
    await page.getByTestId(`material-files-${i}`).getByTestId('uploaded-file').waitFor();
    uploaded++;
  }
  expect(uploaded).toBeGreaterThan(0);
  await accessible(page, 'bundle-apply-materials');
  await page.getByTestId('wizard-next').click();

  await page.getByLabel('联系电话（手机）').fill('13800005678');
  await page.getByLabel('联系地址').fill('信阳市浉河区胜利路 8 号');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('review').getByText('材料1.pdf').first().waitFor();
  await accessible(page, 'bundle-apply-review');
  await page.getByTestId('wizard-submit').click();
  const caseNo = ((await page.getByTestId('case-no').textContent()) ?? '').trim();
  expect(caseNo).toMatch(/^411500-\d{8}-\d{8}$/);

  await page.getByRole('button', { name: /查看办件/ }).click();
  const subCases = page.getByTestId('sub-cases');
  await subCases.waitFor();
  await expect(subCases.getByRole('listitem').count()).resolves.toBe(taken.length);
  for (const m of taken) await subCases.getByRole('link', { name: m.name }).waitFor();
  await accessible(page, 'bundle-case');
  expect(p.problems).toEqual([]);
});
