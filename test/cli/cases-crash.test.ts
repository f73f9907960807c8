// RELIABILITY R3, scaled to CI: the real server (`yiwang serve`, a child process) is killed with SIGKILL
// five times at random 0.5–1.5 s intervals and started again, while a retrying client files N
// applications — each with its own Idempotency-Key and materials, asked again with the same key and
// body after a connection error, a 5xx or "in flight" until acknowledged. Afterwards the citizen has
// exactly N cases, one per key, every acknowledged case is readable, each has its materials, and the
// outbox holds exactly one `case.submit` event per case.
//
// R3 itself asks for 3,000 applications and 20 kills; CI runs 300 (PGlite) or 600 (PostgreSQL, which
// files faster) and 5 kills to stay near a minute. The server runs on a data folder loaded from the
// suite's migrated snapshot (PGlite), or on a fresh database of the DATABASE_URL cluster.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createModules } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase, sql } from '../../src/platform/db/index.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import {
  type Application,
  applicationOverHttp,
  fileOverHttp,
  type HttpSession,
  numbered,
  registerOverHttp,
} from '../support/cases-http.ts';
import { crash, freePort, startServer, stop } from '../support/child-server.ts';

const clusterUrl = process.env.DATABASE_URL;
const N = clusterUrl ? 600 : 300;
const KILLS = 5;
const WORKERS = 8;
const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-r3-'));
const dbName = `yiwang_r3_${randomBytes(6).toString('hex')}`;

function databaseUrlFor(name: string): string {
  const url = new URL(clusterUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function onCluster(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor('postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * This test's database, as the server opens it: PGlite in the data folder (the first time loaded from
 * the suite's migrated snapshot when there is one), or its own database on the PostgreSQL cluster.
 */
function openOwnDatabase(isFirst = false): Promise<Database> {
  if (clusterUrl) return openDatabase({ databaseUrl: databaseUrlFor(dbName), poolSize: 2 });
  const snapshot = join(process.cwd(), '.tmp', 'test-snapshot.tar.gz');
  const loadDataDir = isFirst && existsSync(snapshot) ? new Blob([readFileSync(snapshot)]) : undefined;
  return openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cases survive kill -9 of the server (R3)', () => {
  let server: ChildProcess | undefined;
  afterAll(async () => {
    if (server) await crash(server); // a failed run leaves no server behind
    rmSync(dataDir, { recursive: true, force: true });
    if (clusterUrl) await onCluster(`drop database if exists ${dbName} with (force)`);
  });

  it(`files ${N} applications exactly once through ${KILLS} crashes`, { timeout: 300_000 }, async () => {
    const env = {
      ...process.env,
      YIWANG_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      YIWANG_DEMO: '0',
      YIWANG_FIELD_KEY: '22'.repeat(32),
      LOG_LEVEL: 'silent',
      DATABASE_URL: clusterUrl ? databaseUrlFor(dbName) : '',
    };
    const base = `http://127.0.0.1:${env.PORT}`;

    // the demo city and catalog, written once through the modules before the server first starts
    if (clusterUrl) await onCluster(`create database ${dbName}`);
    const seeding = await openOwnDatabase(true);
    await migrate(seeding.db);
    const seeded = createModules(loadConfig(env), seeding);
    await seeded.org.seedDemo();
    await seeded.catalog.seedDemo();
    const food = seeded.catalog.demoImplementationId('XY-SCJG-009');
    await seeding.close();

    server = await startServer(env);
    const citizen: HttpSession = await registerOverHttp(base, 3001, '李四');
    const application: Application = await applicationOverHttp(base, citizen, food);

    const acked = new Map<string, string>(); // key → case id
    let replays = 0;
    let retries = 0;
    const fileUntilAcked = async (key: string, body: Application): Promise<string> => {
      for (;;) {
        const answer = await fileOverHttp(base, citizen, key, body).catch(() => null);
        if (answer && (answer.status === 200 || answer.status === 201) && answer.caseId) {
          if (answer.isReplay) replays++;
          return answer.caseId;
        }
        // the server is down or restarting (connection error, 5xx), or a killed request's lock is not
        // yet released (409 in flight): ask again with the same key and body; anything else is a bug
        if (answer && answer.status < 500 && answer.code !== 'CASE_SUBMISSION_IN_FLIGHT')
          throw new Error(`${key}: ${answer.status} ${answer.code}`);
        retries++;
        await sleep(100);
      }
    };
    let next = 0;
    let isDone = false;
    const worker = async () => {
      while (next < N) {
        const n = next++;
        const key = `r3-application-${n}`;
        acked.set(key, await fileUntilAcked(key, numbered(application, n)));
      }
    };
    const workers = Promise.all(Array.from({ length: WORKERS }, worker)).finally(() => {
      isDone = true;
    });
    let kills = 0;
    for (; kills < KILLS && !isDone; kills++) {
      await sleep(500 + Math.random() * 1000);
      await crash(server);
      server = await startServer(env);
    }
    await workers;
    console.log(
      `R3: ${N} applications, ${kills} kills, ${retries} retried requests, ${replays} replayed answers`,
    );
    expect(kills, 'every kill fell while the client was still filing').toBe(KILLS);

    // every acknowledged case is there for its applicant
    for (const caseId of acked.values()) {
      const res = await fetch(`${base}/api/cases/${caseId}`, { headers: citizen.headers });
      expect(res.status, caseId).toBe(200);
      expect(((await res.json()) as { id: string }).id).toBe(caseId);
    }
    await stop(server);
    server = undefined;

    const database = await openOwnDatabase();
    try {
      const cases = (
        await sql<{ id: string; materials: number }>`
          select c.id, (select count(*)::int from cases.material m where m.case_id = c.id) as materials
          from cases.case c where c.applicant_account_id = ${citizen.accountId}`.execute(database.db)
      ).rows;
      expect(cases.map((c) => c.id).sort()).toEqual([...acked.values()].sort());
      expect(new Set(acked.values()).size).toBe(N);
      expect(cases.filter((c) => c.materials !== application.materials.length)).toEqual([]);
      const keys = await sql<{ n: number; keys: number; cases: number }>`
        select count(*)::int as n, count(distinct idem_key)::int as keys, count(distinct case_id)::int as cases
        from cases.submission where account_id = ${citizen.accountId}`.execute(database.db);
      expect(keys.rows[0]).toEqual({ n: N, keys: N, cases: N });
      const events = (
        await sql<{ caseId: string; n: number }>`
          select payload ->> 'caseId' as "caseId", count(*)::int as n from platform.outbox
          where type = 'case.submit' group by 1`.execute(database.db)
      ).rows;
      expect(events.filter((e) => e.n !== 1)).toEqual([]);
      expect(events.map((e) => e.caseId).sort()).toEqual(cases.map((c) => c.id).sort());
    } finally {
      await database.close();
    }
  });
});
