// 基础库 (decision 0015) with several nodes: every node runs `ensure` at start and the refresh job
// reads the same queue. Needs two database connections at once: PostgreSQL only (DATABASE_URL);
// PGlite has one connection, so its jobs never overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { signUpCitizen } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { dispatchPending } from '../../../platform/events.ts';
import { BASE_RESOURCES } from '../basedb/index.ts';

const isPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!isPostgres)('sharing base databases on several nodes at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
  }, 60_000);
  afterAll(() => t.close());

  it('two nodes starting at once register and publish each base database once', async () => {
    const published = await Promise.all([t.modules.basedb.ensure(), t.modules.basedb.ensure()]);
    expect(published[0] + published[1]).toBe(4);
    const names = Object.values(BASE_RESOURCES).map((r) => r.name);
    const found = await sql<{ name: string; n: number }>`select v.name, count(*)::int as n
      from sharing.resource r join sharing.resource_version v on v.resource_id = r.id
      where v.name = any(${names}::text[]) group by v.name`.execute(t.db);
    expect(found.rows.map((r) => r.n)).toEqual([1, 1, 1, 1]);
  });

  it('two nodes refreshing the same queue at once write each new person once and keep updating', async () => {
    const count = async () =>
      (
        await sql<{ n: number; keys: number }>`select count(*)::int as n,
          count(distinct row_key)::int as keys from sharing.data_row
          where resource_id = ${await t.modules.basedb.resourceOf('population')}`.execute(t.db)
      ).rows[0];
    const loads = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from sharing.data_load
          where resource_id = ${await t.modules.basedb.resourceOf('population')}`.execute(t.db)
      ).rows[0]?.n ?? 0;
    await Promise.all([t.modules.basedb.runPending(), t.modules.basedb.runPending()]);
    const before = await count();
    const loadsBefore = await loads();
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) await signUpCitizen(t);
      await dispatchPending(t.db, t.modules.basedb.handlers);
      // both nodes read the same entries; the second to write finds the first one's rows
      await Promise.all([t.modules.basedb.runPending(), t.modules.basedb.runPending()]);
      const failed = await sql`select kind, key, last_error from sharing.base_refresh`.execute(t.db);
      expect(failed.rows).toEqual([]);
    }
    const after = await count();
    expect(after?.n).toBe((before?.n ?? 0) + 12);
    expect(after?.keys).toBe(after?.n);
    // one load (and one change notice) per change, not one per node
    expect(await loads()).toBe(loadsBefore + 4);
  }, 120_000);
});
