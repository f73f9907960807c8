// A whole platform for one test file: fresh migrated database, manual clock, fixed field key, no logs.
import { buildApp } from '../../src/app.ts';
import { manualClock } from '../../src/platform/clock.ts';
import type { Config } from '../../src/platform/config.ts';
import { testDatabase } from './db.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '.tmp/test-data',
    databaseUrl: undefined,
    isDemo: false,
    fieldKey: Buffer.alloc(32, 7),
    isSecureCookies: false,
    logLevel: 'silent',
    trustProxy: false,
    authRateLimitPerMinute: 100_000,
    authAttemptsPerAccountHour: 100_000,
    pdfFontPath: undefined,
    publicUrl: undefined,
    ...overrides,
  };
}

export async function testApp(options: { config?: Partial<Config> } = {}) {
  const database = await testDatabase();
  const clock = manualClock('2026-03-02T02:00:00Z');
  const { app, modules } = await buildApp({
    config: testConfig(options.config),
    database,
    clock,
    logLevel: 'silent',
  });
  await app.ready();
  return {
    app,
    modules,
    clock,
    database,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof testApp>>;
