// Accessibility: axe-core (WCAG 2.1 A/AA rules) on every public page at desktop and phone width.
// Serious and critical violations fail the test and are listed by rule, target and help text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

const PUBLIC_PAGES: { path: string; ready: string }[] = [
  { path: '/', ready: '办事不用跑，一网全通办' },
  { path: '/search', ready: '事项检索' },
  { path: '/bundles', ready: '一件事一次办' },
  { path: '/register', ready: '个人用户注册' },
  { path: '/login', ready: '个人用户登录' },
  { path: '/verify', ready: '电子证照核验' },
  { path: '/workbench/login', ready: '工作人员登录' },
  { path: '/no-such-page', ready: '页面不存在' },
];

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.close();
});

describe('public pages have no serious or critical accessibility violations', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    for (const { path, ready } of PUBLIC_PAGES) {
      it(`${path} at ${viewport.width} px`, async () => {
        const page = await p.newPage(viewport);
        await page.goto(path);
        await page.getByRole('heading', { name: ready }).waitFor();
        const bad = await seriousViolations(page);
        expect(bad).toEqual([]);
        const hasHorizontalScroll = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(hasHorizontalScroll).toBe(false);
      });
    }
  }
});
