// Search on a real database: a handful of seed items indexed through the port, then what a person
// searching would see — order, filters, facets, highlighting, suggestions, typos, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/support/db.ts';
import type { RequestContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { AuditInput } from '../../audit/service.ts';
import { type CatalogSearch, createCatalogSearch } from './index.ts';
import { CITY_CODE, seedSearchDocs } from './seed-docs.ts';

const COUNTY = '411502';
const PICK = [
  'XY-SCJG-001',
  'XY-SCJG-004',
  'XY-SCJG-009',
  'XY-GA-003',
  'XY-GA-011',
  'XY-GA-012',
  'XY-GA-013',
  'XY-JT-002',
  'XY-JT-003',
  'XY-MZ-001',
  'XY-YB-004',
  'XY-GJJ-003',
  'XY-GJJ-004',
];
const pick = (division: string) => seedSearchDocs(division).filter((d) => PICK.includes(d.itemId));

let database: Database;
let search: CatalogSearch;
const audited: AuditInput[] = [];

const staff = (roles: string[]): RequestContext => ({
  actor: {
    kind: 'staff',
    accountId: 'acc-1',
    sessionId: 's-1',
    displayName: '管理员',
    roles: roles as never[],
    departmentId: null,
    divisionCode: CITY_CODE,
    enterpriseId: null,
    isMfaComplete: true,
    csrfToken: 'x',
  },
  requestId: 'r-1',
  ip: '127.0.0.1',
});

beforeAll(async () => {
  database = await testDatabase();
  search = createCatalogSearch({
    db: database.db,
    audit: {
      record: async (_tx, _ctx, e) => {
        audited.push(e);
        return { seq: audited.length, hash: '' };
      },
    },
  });
  await database.db.transaction().execute(async (tx) => {
    for (const doc of [...pick(CITY_CODE), ...pick(COUNTY).slice(0, 5)]) await search.indexVersion(tx, doc);
  });
});
afterAll(() => database.close());

const names = async (q: string, extra: object = {}) =>
  (await search.search({ q, ...extra })).hits.map((h) => h.name);

describe('ranking', () => {
  it('puts a match in the name before one in the keywords before one in the materials only', async () => {
    const found = await names('驾驶证');
    const at = (name: string) => found.indexOf(name);
    expect(at('机动车驾驶证补领')).toBeGreaterThanOrEqual(0);
    expect(at('机动车驾驶证补领')).toBeLessThan(at('出租汽车驾驶员从业资格证核发（巡游/网络预约）'));
    expect(at('出租汽车驾驶员从业资格证核发（巡游/网络预约）')).toBeLessThan(
      at('道路货物运输经营许可（使用总质量4500千克以上普通货运车辆）'),
    );
  });

  it('finds what a person means in their own words', async () => {
    expect((await names('开饭店要办什么证')).slice(0, 3)).toEqual(
      expect.arrayContaining(['食品经营许可（新办）', '个体工商户设立登记']),
    );
    expect((await names('个体户执照'))[0]).toBe('个体工商户设立登记');
    expect((await names('身份证丢了'))[0]).toBe('居民身份证补领（遗失）');
    expect((await names('生孩子能报销吗'))[0]).toBe('生育保险待遇申领（生育医疗费用、生育津贴）');
  });

  it('shows one result per item (the city implementation when no division is chosen)', async () => {
    const result = await search.search({ q: '个体工商户' });
    const ids = result.hits.map((h) => h.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.hits.find((h) => h.itemId === 'XY-SCJG-001')?.divisionCode).toBe(CITY_CODE);
  });
});

describe('filters, facets and pages', () => {
  it('keeps only the implementations of the chosen division', async () => {
    const result = await search.search({ q: '', divisionCode: COUNTY, pageSize: 50 });
    expect(result.total).toBe(5);
    expect(result.hits.every((h) => h.divisionCode === COUNTY)).toBe(true);
  });

  it('filters by department, theme, who it serves, item type and online depth', async () => {
    const all = await search.search({ q: '', pageSize: 50 });
    expect(all.total).toBe(PICK.length);
    const byDept = await search.search({ departmentId: `dept-${CITY_CODE}-公安局`, pageSize: 50 });
    expect(byDept.hits.map((h) => h.itemId).sort()).toEqual([
      'XY-GA-003',
      'XY-GA-011',
      'XY-GA-012',
      'XY-GA-013',
    ]);
    const byTheme = await search.search({ theme: '公积金', pageSize: 50 });
    expect(byTheme.hits.map((h) => h.itemId).sort()).toEqual(['XY-GJJ-003', 'XY-GJJ-004']);
    const legal = await search.search({ serves: '法人', pageSize: 50 });
    expect(legal.hits.every((h) => h.serves.includes('法人'))).toBe(true);
    const licences = await search.search({ itemType: '01', pageSize: 50 });
    expect(licences.hits.every((h) => h.itemType.label === '行政许可')).toBe(true);
    const online = await search.search({ minOnlineDepth: 4, pageSize: 50 });
    expect(online.hits.every((h) => h.onlineDepth >= 4)).toBe(true);
    expect(online.total).toBeLessThan(all.total);
  });

  it('counts every match per facet value, not just the page', async () => {
    const result = await search.search({ q: '', pageSize: 2 });
    expect(result.hits).toHaveLength(2);
    const sum = (facet: { count: number }[]) => facet.reduce((a, f) => a + f.count, 0);
    expect(sum(result.facets.departments)).toBe(result.total);
    expect(sum(result.facets.itemTypes)).toBe(result.total);
    expect(sum(result.facets.onlineDepths)).toBe(result.total);
    expect(result.facets.departments.find((f) => f.label === '公安局')?.count).toBe(4);
    expect(result.facets.themes.find((f) => f.value === '公积金')?.count).toBe(2);
  });

  it('pages through the results without repeating one', async () => {
    const first = await search.search({ q: '', pageSize: 5, page: 1 });
    const second = await search.search({ q: '', pageSize: 5, page: 2 });
    const third = await search.search({ q: '', pageSize: 5, page: 3 });
    const ids = [...first.hits, ...second.hits, ...third.hits].map((h) => h.itemId);
    expect(new Set(ids).size).toBe(PICK.length);
    expect((await search.search({ q: '', page: 99 })).hits).toEqual([]);
  });
});

describe('highlighting, suggestions and typos', () => {
  it('returns the name as segments with the matched words marked', async () => {
    const [hit] = (await search.search({ q: '身份证丢了' })).hits;
    // adjacent matches (居民身份证 via the synonym, 补领 via 丢了) merge into one mark
    expect(hit.nameHighlighted).toEqual([
      { text: '居民身份证补领', isMatch: true },
      { text: '（', isMatch: false },
      { text: '遗失', isMatch: true },
      { text: '）', isMatch: false },
    ]);
    expect(hit.nameHighlighted.map((s) => s.text).join('')).toBe(hit.name);
    const [other] = (await search.search({ q: '结婚' })).hits;
    expect(other.nameHighlighted).toEqual([
      { text: '内地居民', isMatch: false },
      { text: '结婚登记', isMatch: true },
    ]);
  });

  it('marks the synonym a match came through (驾照 → 驾驶证)', async () => {
    const [hit] = (await search.search({ q: '驾照丢了' })).hits;
    expect(hit.name).toBe('机动车驾驶证补领');
    expect(hit.nameHighlighted).toEqual([
      { text: '机动车', isMatch: false },
      { text: '驾驶证补领', isMatch: true },
    ]);
  });

  it('suggests names, keywords and synonyms as the person types, at most 8, prefix matches first', async () => {
    const suggestions = await search.suggest('机动车');
    expect(suggestions[0]).toMatchObject({ kind: 'item', text: expect.stringMatching(/^机动车/) });
    expect(suggestions.length).toBeLessThanOrEqual(8);
    expect((await search.suggest('公积')).map((s) => s.text)).toContain('公积金');
    expect((await search.suggest('驾照')).map((s) => s.text)).toEqual(expect.arrayContaining(['驾照到期']));
    expect(await search.suggest('😀')).toEqual([]);
    expect(await search.suggest('')).toEqual([]);
    expect((await search.suggest('证')).length).toBe(8);
  });

  it('understands a small typo (营业执找 → items giving a 营业执照)', async () => {
    const result = await search.search({ q: '营业执找' });
    expect(result.corrections).toContain('营业执照');
    expect(result.hits.slice(0, 2).map((h) => h.itemId)).toEqual(
      expect.arrayContaining(['XY-SCJG-001', 'XY-SCJG-004']),
    );
  });

  it('finds a name from a partial word', async () => {
    expect((await names('身份证补'))[0]).toBe('居民身份证补领（遗失）');
    expect((await names('驾驶证期'))[0]).toBe('机动车驾驶证期满换证');
  });
});

describe('bad queries never fail', () => {
  it.each([
    ['emoji only', '😀🎉👍'],
    ['SQL metacharacters', "'; drop table catalog.search_doc; --"],
    ['tsquery operators', "!&|():* <-> '\\"],
    ['LIKE wildcards', '%_%_\\'],
    ['only stop words', '怎么办 什么'],
    ['a control character', 'a\u0007b'],
  ])('%s: an empty, well-formed answer or sensible results', async (_label, q) => {
    const result = await search.search({ q });
    expect(Array.isArray(result.hits)).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(0);
  });

  it('cuts a 1,000-character query to 100 characters and still finds things', async () => {
    const result = await search.search({ q: `驾驶证${'补领'.repeat(500)}` });
    expect(result.isTruncated).toBe(true);
    expect(Array.from(result.query)).toHaveLength(100);
    expect(result.hits[0]?.name).toBe('机动车驾驶证补领');
  });

  it('clamps page and page size', async () => {
    const result = await search.search({ q: '', page: -3, pageSize: 10_000 });
    expect(result.page).toBe(1);
    expect(result.pageSize).toBe(50);
  });

  it('still searches the table after a SQL-looking query', async () => {
    expect((await search.search({ q: '' })).total).toBe(PICK.length);
  });
});

describe('index maintenance', () => {
  it('replaces an implementation when a new version is published, and removes it', async () => {
    const [doc] = pick(CITY_CODE).filter((d) => d.itemId === 'XY-MZ-001');
    await database.db
      .transaction()
      .execute((tx) =>
        search.indexVersion(tx, { ...doc, versionId: 'ver-2', name: '内地居民结婚登记（预约）' }),
      );
    const [hit] = (await search.search({ q: '结婚登记' })).hits;
    expect(hit).toMatchObject({ versionId: 'ver-2', name: '内地居民结婚登记（预约）' });
    await database.db.transaction().execute((tx) => search.removeImplementation(tx, doc.implementationId));
    expect((await names('结婚登记')).some((n) => n.startsWith('内地居民结婚登记'))).toBe(false);
    await database.db.transaction().execute((tx) => search.indexVersion(tx, doc));
  });
});

describe('synonyms', () => {
  it('lists the seeded synonyms', async () => {
    const list = await search.listSynonyms();
    expect(list.find((s) => s.term === '个体户')?.expansions).toEqual(['个体工商户']);
    expect(list.length).toBeGreaterThanOrEqual(12);
  });

  it('lets the service office add a synonym, which takes effect at once and is audited', async () => {
    expect(await names('喜结良缘')).not.toContain('内地居民结婚登记');
    const saved = await search.saveSynonym(staff(['office_admin']), {
      term: ' 喜结良缘 ',
      expansions: ['结婚登记', '结婚登记'],
    });
    expect(saved).toMatchObject({ term: '喜结良缘', expansions: ['结婚登记'] });
    expect((await names('喜结良缘'))[0]).toBe('内地居民结婚登记');
    expect(audited.at(-1)).toMatchObject({ action: 'catalog.synonym.save', subjectId: '喜结良缘' });
    await search.removeSynonym(staff(['office_admin']), '喜结良缘');
    expect(await names('喜结良缘')).not.toContain('内地居民结婚登记');
    expect(audited.at(-1)).toMatchObject({ action: 'catalog.synonym.remove' });
  });

  it('refuses other roles, anonymous callers and malformed synonyms', async () => {
    const input = { term: '扯证', expansions: ['结婚登记'] };
    await expect(search.saveSynonym(staff(['dept_admin']), input)).rejects.toMatchObject({ status: 403 });
    await expect(search.saveSynonym({ ...staff([]), actor: null }, input)).rejects.toMatchObject({
      status: 401,
    });
    const admin = staff(['office_admin']);
    await expect(search.saveSynonym(admin, { term: '😀', expansions: ['x'] })).rejects.toMatchObject({
      code: 'CATALOG_SYNONYM_INVALID',
    });
    await expect(search.saveSynonym(admin, { term: '扯证', expansions: [] })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      search.saveSynonym(admin, { term: '扯证', expansions: ['长'.repeat(21)] }),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(search.removeSynonym(admin, '没有这个词')).rejects.toMatchObject({ status: 404 });
  });
});
