import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';

describe('opendata demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.identity.seedDemo((division, kind) => t.modules.org.findDepartment(division, kind));
  });
  afterAll(() => t.close());

  it('opens 法人基础信息 desensitised (no ID number, 成立日期 to year-month), once', async () => {
    const people = await t.modules.identity.demoActors();
    expect(await t.modules.opendata.seedDemo(people.databureau)).toBe(0); // nothing to open yet
    await t.modules.sharing.seedDemo(people);
    expect(await t.modules.opendata.seedDemo(people.databureau)).toBe(1);
    expect(await t.modules.opendata.seedDemo(people.databureau)).toBe(0);
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/3/action/package_search?q=${encodeURIComponent('法人基础信息')}`,
    });
    const pkg = search.json().result.results[0];
    expect(pkg).toMatchObject({ name: 'yw-102001-00001', title: '法人基础信息', num_resources: 2 });
    const csv = (
      await t.app.inject({ method: 'GET', url: '/api/open/datasets/yw-102001-00001/download.csv' })
    ).body;
    expect(csv).toContain('统一社会信用代码,名称,法定代表人,成立日期,登记机关,状态');
    expect(csv).toContain('信阳毛尖茶业有限公司,张*,2019-05,信阳市市场监督管理局,存续');
    expect(csv).not.toMatch(/\d{17}[\dX]/);
  });
});
