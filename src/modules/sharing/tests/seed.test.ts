import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { sql } from '../../../platform/db/index.ts';

describe('sharing demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.identity.seedDemo((division, kind) => t.modules.org.findDepartment(division, kind));
  });
  afterAll(() => t.close());

  it('publishes 法人基础信息 with five enterprises loaded and 社会保险参保登记信息, once', async () => {
    const people = await t.modules.identity.demoActors();
    expect(people.databureau?.roles).toEqual(['data_reviewer']);
    expect(await t.modules.sharing.seedDemo(people)).toBe(2);
    const found = await t.modules.sharing.search({ page: 1 });
    expect(found.items.map((r) => [r.code, r.name, r.mountKind])).toEqual([
      ['102001/00001', '法人基础信息', 'file'],
      ['203001/00001', '社会保险参保登记信息', 'none'],
    ]);
    const rows = await sql<{ n: number }>`select count(*)::int as n from sharing.data_row`.execute(t.db);
    expect(rows.rows[0]?.n).toBe(5);
    expect(await t.modules.sharing.seedDemo(people)).toBe(0);
  });
});
