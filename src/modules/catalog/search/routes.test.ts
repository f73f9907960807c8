import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';

describe('search over HTTP, fed by the catalog seed and its publishing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
  });
  afterAll(() => t.close());

  const search = (query: string) => t.app.inject({ method: 'GET', url: `/api/catalog/search?${query}` });

  it('finds 食品经营许可 and 个体工商户设立登记 in the top three for "开饭店要办什么证", with highlight segments', async () => {
    const res = await search(`q=${encodeURIComponent('开饭店要办什么证')}`);
    expect(res.statusCode).toBe(200);
    const names: string[] = res
      .json()
      .hits.slice(0, 3)
      .map((h: { name: string }) => h.name);
    expect(names.some((n) => n.startsWith('食品经营许可'))).toBe(true);
    expect(names).toContain('个体工商户设立登记');
    const first = res.json().hits[0];
    expect(first.nameSegments.map((s: { text: string }) => s.text).join('')).toBe(first.name);
    expect(first).not.toHaveProperty('score');
  });

  it('searches one county when asked, and facets count what matched', async () => {
    const res = await search(`q=${encodeURIComponent('营业执照')}&division=411502`);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.every((h: { divisionCode: string }) => h.divisionCode === '411502')).toBe(true);
    expect(body.facets.departments.length).toBeGreaterThan(0);
  });

  it('answers hostile or odd queries sensibly, never with a 500', async () => {
    expect((await search(`q=${'长'.repeat(1001)}`)).statusCode).toBe(400);
    for (const q of ['', '😀😀', "'; drop table catalog.item; --", '!!! & | :*', '长'.repeat(300)]) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
    expect((await search('q=x&unknown=1')).statusCode).toBe(400);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from catalog.item`.execute(t.db);
    expect(rows[0].n).toBe(193);
  });

  it('suggests item names as the user types', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/catalog/suggest?q=${encodeURIComponent('营业')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().length).toBeGreaterThan(0);
    expect(res.json().length).toBeLessThanOrEqual(8);
  });

  it('lets the service office edit synonyms (audited), and nobody else', async () => {
    const office = await staffSession(t, ['office_admin']);
    const citizen = await signUpCitizen(t);
    const body = { term: '小饭馆', expansions: ['餐饮', '食品经营'] };
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/catalog/synonyms',
      headers: citizen.headers,
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/catalog/synonyms',
      headers: office.headers,
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    const found = await search(`q=${encodeURIComponent('小饭馆')}`);
    expect(found.json().hits.some((h: { name: string }) => h.name.startsWith('食品经营许可'))).toBe(true);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/catalog/synonyms/${encodeURIComponent('小饭馆')}`,
      headers: office.headers,
    });
    expect(removed.statusCode).toBe(204);
  });
});
