// Shared benchmark plumbing: a fresh platform on a loopback port, autocannon runs, ratio printing.
// Benchmarks are not tests: they measure, print ratios against a floor measured in the same run,
// and their results are recorded by hand in docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';

export type Measured = {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** A migrated platform on a fresh PGlite folder (or on DATABASE_URL), listening on a random port. */
type Platform = Awaited<ReturnType<typeof buildApp>> & { database: Database };

export async function startPlatform(databaseUrl?: string, beforeListen?: (p: Platform) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-'));
  const config = {
    ...loadConfig({
      YIWANG_DATA_DIR: dataDir,
      YIWANG_DEMO: '0',
      LOG_LEVEL: 'silent',
      YIWANG_FIELD_KEY: '11'.repeat(32),
    }),
    databaseUrl,
    authRateLimitPerMinute: 1_000_000,
    authAttemptsPerAccountHour: 1_000_000,
  };
  const database = await openDatabase({ databaseUrl, dataDir: join(dataDir, 'pglite'), poolSize: 20 });
  await migrate(database.db);
  const { app, modules } = await buildApp({ config, database, logLevel: 'silent' });
  beforeListen?.({ app, modules, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    modules,
    database,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function measure(label: string, options: autocannon.Options): Promise<Measured> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function printTable(title: string, rows: Measured[], floor: Measured): void {
  console.log(`\n${title} — ${CONNECTIONS} connections, ${DURATION_S} s each`);
  console.log('| route | req/s | p50 ms | p99 ms | errors | non-2xx | ratio to floor (req/s) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of [floor, ...rows]) {
    const ratio = (r.rps / floor.rps).toFixed(2);
    console.log(
      `| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${ratio} |`,
    );
  }
}
