// The evaluation set (bench/search-eval.json) against all 193 seed items: colloquial queries must find
// what a person expects in the first three results.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabase } from '../../../../test/support/db.ts';
import type { Database } from '../../../platform/db/index.ts';
import { evaluate, loadEvalSet } from './eval.ts';
import { type CatalogSearch, createCatalogSearch } from './index.ts';
import { seedSearchDocs } from './seed-docs.ts';

let database: Database;
let search: CatalogSearch;

beforeAll(async () => {
  database = await testDatabase();
  search = createCatalogSearch({ db: database.db, audit: { record: async () => ({ seq: 0, hash: '' }) } });
  await database.db.transaction().execute(async (tx) => {
    for (const doc of seedSearchDocs()) await search.indexVersion(tx, doc);
  });
});
afterAll(() => database.close());

it('finds an expected item in the top three for at least 90% of the colloquial queries', async () => {
  const queries = loadEvalSet();
  expect(queries.length).toBeGreaterThanOrEqual(40);
  const report = await evaluate(queries, async (q) =>
    (await search.search({ q, pageSize: 3 })).hits.map((h) => h.name),
  );
  const misses = report.outcomes
    .filter((o) => o.rank === null || o.rank > 3)
    .map((o) => `${o.q} → ${o.top.join(' | ')}`);
  expect(report.hitAt3, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  expect(report.hitAt1).toBeGreaterThanOrEqual(0.8);
});

it('puts 食品经营许可 and 个体工商户设立登记 in the top three for 开饭店要办什么证', async () => {
  const top = (await search.search({ q: '开饭店要办什么证', pageSize: 3 })).hits.map((h) => h.name);
  expect(top).toEqual(expect.arrayContaining(['食品经营许可（新办）', '个体工商户设立登记']));
});
