// Screenshots and axe at both widths (375 and 1280 px) of the page as it is now, then back to the
// page's own size: each screenshot waits for transitions (such as a fading field message) to end.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe.ts';
import { DESKTOP, PHONE, type Platform } from './platform.ts';

export async function expectAccessible(p: Platform, page: Page, name: string) {
  const size = page.viewportSize() ?? DESKTOP;
  for (const width of [size, size.width === PHONE.width ? DESKTOP : PHONE]) {
    await page.setViewportSize(width);
    await p.shot(page, name);
    expect(await seriousViolations(page), `${name} at ${width.width} px`).toEqual([]);
  }
  await page.setViewportSize(size);
}

/** Screenshots and axe at 375 px, then at 1280 px; the page stays at 1280 px. */
export async function scanWidths(p: Platform, page: Page, name: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await p.shot(page, name);
    expect(await seriousViolations(page), `${name} at ${size.width} px`).toEqual([]);
  }
}
