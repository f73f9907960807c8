import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { GUIDE_ELEMENTS } from '../schema.ts';
import { seedId } from '../seed.ts';
import { readSeedItems } from '../seed-content.ts';

const SEED = readSeedItems();
const COUNTIES_WITH_DEPARTMENTS = 10; // 信阳高新区 is statistical only and has no departments
const cityOf = (seedKey: string) => seedId(`implementation:${seedKey}:411500`);

describe('the public catalog of the seeded city', () => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
  });
  afterAll(() => t.close());

  it('seeds every item at city level, derived counties and sample townships, once, with one audit entry', async () => {
    const county = SEED.filter((i) => i.level.includes('县级')).length * COUNTIES_WITH_DEPARTMENTS;
    const township = SEED.filter((i) => i.level.includes('乡级')).length * COUNTIES_WITH_DEPARTMENTS * 2;
    expect(await t.modules.catalog.counts()).toEqual({ city: 193, county, township });
    expect(await t.modules.catalog.seedDemo()).toEqual({ items: 0, implementations: 0, versions: 0 });
    const seeds = await t.modules.audit.searchEntries({ action: 'catalog.seed', limit: 5 });
    expect(seeds.items).toHaveLength(1);
    expect(seeds.items[0]?.summary).toMatchObject({ items: 193, versions: 193 + county + township });
  });

  it('shows a guide with every element, its codes, department and the city window', async () => {
    const res = await get(`/api/catalog/implementations/${cityOf('XY-SCJG-001')}`);
    expect(res.statusCode).toBe(200);
    const guide = res.json();
    expect(Object.keys(guide.version.content).sort()).toEqual([...GUIDE_ELEMENTS].sort());
    expect(guide.basicCode).toMatch(/^410110001000$/);
    expect(guide.code).toHaveLength(31);
    expect(guide.code.endsWith(`3${guide.basicCode}`)).toBe(true);
    expect(guide.department.name).toBe('信阳市市场监督管理局');
    const c = guide.version.content;
    expect(c).toMatchObject({
      name: '个体工商户设立登记',
      itemType: { code: '01', label: '行政许可' },
      isInstant: true,
      legalLimitDays: 3,
      resultLicense: '营业执照',
      phones: { complaint: '12345' },
    });
    expect(c.places[0].name).toBe('信阳市政务服务中心');
    expect(c.places[0].windows).toContain('04 号企业开办专窗');
    expect(c.materials[0]).toMatchObject({ form: '原件', copies: 1, isRequired: true, blankFormUrl: null });
    const proxy = c.materials.find((m: { name: string }) => m.name.startsWith('授权委托书'));
    expect(proxy.isRequired).toBe(false);
  });

  it('lists published items with filters and pages; a county lists its own implementation', async () => {
    const all = (await get('/api/catalog/items?pageSize=5')).json();
    expect([all.total, all.items.length, all.page]).toEqual([193, 5, 1]);
    expect(all.items[0].name).toBe('个体工商户设立登记');
    const permits = (await get('/api/catalog/items?itemType=01')).json();
    expect(permits.total).toBe(SEED.filter((i) => i.itemType === '行政许可').length);
    const online = (await get('/api/catalog/items?onlineDepth=4&serves=法人')).json();
    const expected = SEED.filter((i) => i.onlineDepth === 4 && i.serves.includes('法人')).length;
    expect(online.total).toBe(expected);
    const marriage = (await get('/api/catalog/items?theme=婚育&pageSize=100')).json();
    expect(marriage.items.every((i: { themes: string[] }) => i.themes.includes('婚育'))).toBe(true);
    const county = (await get('/api/catalog/items?division=411502&pageSize=1')).json();
    expect(county.total).toBe(SEED.filter((i) => i.level.includes('县级')).length);
    expect(county.items[0]).toMatchObject({ divisionCode: '411502', level: 'county' });
    const guide = (await get(`/api/catalog/implementations/${county.items[0].implementationId}`)).json();
    expect(guide.version.content.places[0].name).toBe('浉河区政务服务中心');
    expect(guide.parentId).toBe(cityOf('XY-SCJG-001'));
  });

  it('answers the region switch, themes, departments and popular items', async () => {
    const itemId = seedId('item:XY-SCJG-001');
    const regions = (await get(`/api/catalog/items/${itemId}/regions`)).json().items;
    expect(regions.map((r: { level: string }) => r.level)).toEqual([
      'city',
      ...Array(10).fill('county'),
      ...Array(20).fill('township'),
    ]);
    const themes = (await get('/api/catalog/themes')).json().items;
    const count = (audience: string, theme: string) =>
      themes.find((x: { audience: string; theme: string }) => x.audience === audience && x.theme === theme)
        ?.count;
    expect(count('个人', '婚育')).toBe(
      SEED.filter((i) => i.themes.includes('婚育') && i.serves.includes('自然人')).length,
    );
    expect(count('法人', '开办企业')).toBeGreaterThan(10);
    const departments = (await get('/api/catalog/departments')).json().items;
    expect(departments).toHaveLength(29);
    expect(departments.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(193);
    expect((await get('/api/catalog/popular')).json().items).toHaveLength(10);
  });

  it('answers unknown ids with 404 and bad queries with 400, never a 500', async () => {
    const unknown = '0194a000-0000-7000-8000-000000000000';
    expect((await get(`/api/catalog/implementations/${unknown}`)).json().code).toBe(
      'CATALOG_IMPLEMENTATION_NOT_FOUND',
    );
    expect((await get(`/api/catalog/versions/${unknown}`)).statusCode).toBe(404);
    expect((await get(`/api/catalog/items/${unknown}/regions`)).json().code).toBe('CATALOG_ITEM_NOT_FOUND');
    for (const q of ['pageSize=1000', 'division=abc', 'onlineDepth=9', 'itemType=99', 'color=red']) {
      const res = await get(`/api/catalog/items?${q}`);
      expect([q, res.statusCode]).toEqual([q, 400]);
    }
    expect((await get('/api/catalog/items?division=999999')).json().total).toBe(0);
  });
});
