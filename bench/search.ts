// `npm run bench -- search`: the 52 colloquial queries of bench/search-eval.json, round robin, at 50
// connections against (1) the floor — one indexed SELECT by id on the same server and database —
// (2) catalog search with its in-process answer cache, (3) catalog search with the cache off and
// (4) a naive ILIKE '%…%' search over names and keywords; plus hit@1 / hit@3 of search and naive.
// The seeded catalog: org + catalog demo seed (city, counties, sample townships), indexed through the
// search port. PGlite always; PostgreSQL as well when DATABASE_URL is set.
// Targets: p95 < 50 ms, ratio to floor ≥ 0.5, hit@3 ≥ 0.9.
import autocannon from 'autocannon';
import { createCatalog } from '../src/modules/catalog/index.ts';
import { evaluate, loadEvalSet } from '../src/modules/catalog/search/eval.ts';
import { createCatalogSearch } from '../src/modules/catalog/search/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type Db, sql } from '../src/platform/db/index.ts';
import { CONNECTIONS, DURATION_S, startPlatform } from './lib.ts';

type Row = {
  label: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** Naive search: the query (LIKE wildcards escaped) anywhere in the name or a keyword, city first. */
async function naiveSearch(db: Db, q: string): Promise<string[]> {
  const pattern = `%${q
    .trim()
    .slice(0, 100)
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<{ name: string }>`
    select distinct on (item_id) item_id, name from catalog.search_doc
    where name ilike ${pattern} or array_to_string(keywords, ' ') ilike ${pattern}
    order by item_id, division_code limit 10`.execute(db);
  return rows.map((r) => r.name);
}

async function run(label: string, url: string, paths: string[]): Promise<Row> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: paths.map((path) => ({ method: 'GET', path })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0);
  return {
    label,
    rps: result.requests.average,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function runOn(kind: string, databaseUrl?: string): Promise<void> {
  let cached: ReturnType<typeof createCatalogSearch> | null = null;
  let uncached: ReturnType<typeof createCatalogSearch> | null = null;
  let floorId = '';
  const p = await startPlatform(databaseUrl, ({ app, database, modules }) => {
    cached = createCatalogSearch({ db: database.db, audit: modules.audit });
    uncached = createCatalogSearch({
      db: database.db,
      audit: modules.audit,
      cache: { maxEntries: 0, ttlMs: 0 },
    });
    const q = (req: { query: unknown }) => String((req.query as { q?: string }).q ?? '');
    app.get('/bench/floor', { config: { access: 'public' } }, async () => {
      const { rows } = await sql<{ id: string }>`
        select implementation_id as id from catalog.search_doc where implementation_id = ${floorId}`.execute(
        database.db,
      );
      return { id: rows[0]?.id ?? null };
    });
    app.get('/bench/search', { config: { access: 'public' } }, async (req) => cached?.search({ q: q(req) }));
    app.get('/bench/search-uncached', { config: { access: 'public' } }, async (req) =>
      uncached?.search({ q: q(req) }),
    );
    app.get('/bench/naive', { config: { access: 'public' } }, async (req) => ({
      names: await naiveSearch(database.db, q(req)),
    }));
  });
  try {
    const started = performance.now();
    await p.modules.org.seedDemo();
    const { modules, database } = p;
    if (!cached || !uncached) throw new Error('search not created');
    const search: ReturnType<typeof createCatalogSearch> = cached;
    const catalog = createCatalog({
      db: database.db,
      clock: systemClock,
      audit: modules.audit,
      org: modules.org,
      search,
    });
    await catalog.seedDemo();
    const { rows } = await sql<{ n: number; id: string }>`
      select count(*)::int as n, min(implementation_id) as id from catalog.search_doc`.execute(database.db);
    floorId = rows[0].id;
    console.log(
      `\n${kind}: seeded and indexed ${rows[0].n} implementations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const queries = loadEvalSet();
    const ours = await evaluate(queries, async (q) =>
      (await search.search({ q, pageSize: 3 })).hits.map((h) => h.name),
    );
    const naive = await evaluate(queries, (q) => naiveSearch(database.db, q));
    console.log(`| search | queries | hit@1 | hit@3 |\n|---|---:|---:|---:|`);
    console.log(`| catalog search | ${ours.count} | ${ours.hitAt1.toFixed(3)} | ${ours.hitAt3.toFixed(3)} |`);
    console.log(`| naive ILIKE | ${naive.count} | ${naive.hitAt1.toFixed(3)} | ${naive.hitAt3.toFixed(3)} |`);

    const paths = (route: string) => queries.map((x) => `${route}?q=${encodeURIComponent(x.q)}`);
    const floor = await run('floor: one indexed SELECT by id', p.url, ['/bench/floor']);
    const measured = [
      await run('catalog search (answer cache on)', p.url, paths('/bench/search')),
      await run('catalog search (cache off)', p.url, paths('/bench/search-uncached')),
      await run("naive ILIKE '%…%'", p.url, paths('/bench/naive')),
    ];
    console.log(
      `\nsearch on ${kind} — ${CONNECTIONS} connections, ${DURATION_S} s each, ${queries.length} queries round robin`,
    );
    console.log('| route | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | ratio to floor (req/s) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of [floor, ...measured]) {
      console.log(
        `| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${(r.rps / floor.rps).toFixed(2)} |`,
      );
    }
  } finally {
    await p.stop();
  }
}

export async function benchSearch(): Promise<void> {
  await runOn('PGlite');
  if (process.env.DATABASE_URL) await runOn('PostgreSQL', process.env.DATABASE_URL);
  else console.log('\n(set DATABASE_URL to a PostgreSQL database to measure PostgreSQL as well)');
}
