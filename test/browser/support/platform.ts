// The whole platform for one browser test file: a fresh migrated database, the real app from
// src/app.ts listening on a random loopback port (system clock, so cookies and TOTP use real time),
// and a Chromium with a fresh profile. Pages come from browser.newContext() so axe can scan them.
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../../src/app.ts';
import { testConfig } from '../../support/app.ts';
import { testDatabase } from '../../support/db.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS = '.tmp/screens';
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

export async function startPlatform() {
  const database = await testDatabase();
  const { app, modules } = await buildApp({
    config: testConfig(),
    database,
    logLevel: 'silent',
    background: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const baseURL = `http://127.0.0.1:${address.port}`;
  // launch() gives every run a fresh temporary profile (user-data dir), deleted on close.
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SCREENS, { recursive: true });
  const contexts: BrowserContext[] = [];

  /** A fresh browser context (its own cookies) and a page in it, failing the test on page errors. */
  async function newPage(viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({
      baseURL,
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`页面脚本错误：${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) {
        problems.push(`CSP：${msg.text()}`);
      }
    });
    return page;
  }
  const problems: string[] = [];

  return {
    app,
    modules,
    database,
    baseURL,
    browser,
    newPage,
    /** Script errors and CSP refusals seen on any page so far. */
    problems,
    async shot(page: Page, name: string) {
      const width = page.viewportSize()?.width ?? 0;
      // let expand/collapse transitions finish so the picture shows the settled page
      await page.waitForFunction(() =>
        document
          .getAnimations()
          .every(
            (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
          ),
      );
      await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}
export type Platform = Awaited<ReturnType<typeof startPlatform>>;
