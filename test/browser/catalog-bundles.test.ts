// "One thing" bundles (一件事) in Chromium: reached from the portal's navigation and home, the list and
// the 开办餐饮店 guide at 375 px and 1280 px — members linking to their own guides, one merged material
// list naming which members need each material, the combined time limit — with axe on every page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { seedCatalog } from './support/catalog.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
  await seedCatalog(p);
});
afterAll(async () => {
  await p?.close();
});

async function readable(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  const hasHorizontalScroll = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  expect(hasHorizontalScroll).toBe(false);
}

describe('bundles (一件事) on the portal', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    it(`lists the bundles and reads the 开办餐饮店 guide at ${viewport.width} px`, async () => {
      const page = await p.newPage(viewport);
      await page.goto('/');
      const home = page.getByRole('list', { name: '一件事', exact: true });
      await home.getByRole('link', { name: '开办餐饮店' }).waitFor();
      await page.getByTestId('nav-bundles').click();
      await page.getByRole('heading', { level: 1, name: '一件事一次办' }).waitFor();
      const list = page.getByRole('list', { name: '一件事列表' });
      await list.getByRole('link', { name: '婚育一件事' }).waitFor();
      await expect(list.getByTestId('bundle-card').count()).resolves.toBe(5);
      const audience = page.getByRole('radiogroup', { name: '服务对象' });
      await audience.getByText('法人', { exact: true }).click();
      await page.waitForURL(/audience=/);
      await list.getByRole('link', { name: '婚育一件事' }).waitFor({ state: 'detached' });
      await expect(list.getByTestId('bundle-card').count()).resolves.toBe(1);
      await list.getByRole('link', { name: '开办企业一件事' }).waitFor();
      await audience.getByText('全部', { exact: true }).click();
      await list.getByRole('link', { name: '开办餐饮店' }).waitFor();
      await readable(page);
      await p.shot(page, 'bundles');

      await list.getByRole('link', { name: '开办餐饮店' }).click();
      await page.getByRole('heading', { level: 1, name: '开办餐饮店' }).waitFor();
      await page.getByTestId('bundle-承诺办结时限').getByText('5 个工作日', { exact: false }).waitFor();
      await page.getByTestId('bundle-包含事项').getByText('5 项（2 项必办，3 项按需办理）').waitFor();
      const members = page.getByTestId('section-members');
      await expect(members.getByTestId('bundle-member').count()).resolves.toBe(5);
      await members.getByText('适用情形：营业场所属于公众聚集场所的').waitFor();
      // the identity card both licences ask for is asked once, naming both, each in its own words
      const materials = page.getByTestId('section-materials');
      const card = materials
        .getByTestId('merged-material')
        .filter({ has: page.locator('.material-name', { hasText: /^居民身份证$/ }) });
      await card.getByText('个体工商户设立登记', { exact: false }).waitFor();
      await card.getByText('食品经营许可（新办）', { exact: false }).waitFor();
      await card.getByText('（称“经营者居民身份证”）').waitFor();
      await expect(materials.getByRole('table').count()).resolves.toBe(viewport === PHONE ? 0 : 1);
      await page.getByTestId('section-form').getByText('申请人信息').waitFor();
      await readable(page);
      await p.shot(page, 'bundle-guide');

      await members.getByRole('link', { name: '食品经营许可（新办）' }).click();
      await page.getByRole('heading', { level: 1, name: '食品经营许可（新办）' }).waitFor();
      expect(p.problems).toEqual([]);
    });
  }

  it('answers an unknown bundle with the problem, in Chinese', async () => {
    const page = await p.newPage(PHONE);
    await page.goto('/bundles/01941f29-7c00-7000-8000-000000000000');
    await page
      .getByTestId('problem')
      .getByText(/不存在或未发布/)
      .waitFor();
    await readable(page);
  });
});
