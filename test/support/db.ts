// Isolated, migrated databases for tests. PGlite: migrate once, dump the data folder, and load that
// snapshot for each test file. PostgreSQL (DATABASE_URL set): migrate a template database once, then
// CREATE DATABASE … TEMPLATE for each test file, dropped on close.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

const SNAPSHOT = join(process.cwd(), '.tmp', 'test-snapshot.tar.gz');
const TEMPLATE = 'yiwang_test_template';

function adminUrl(databaseUrl: string, dbName: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

async function adminQuery(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function prepareTemplate(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    await adminQuery(databaseUrl, `drop database if exists ${TEMPLATE}`);
    await adminQuery(databaseUrl, `create database ${TEMPLATE}`);
    const database = await openDatabase({ databaseUrl: adminUrl(databaseUrl, TEMPLATE), poolSize: 1 });
    await migrate(database.db);
    await database.close();
    return;
  }
  const database = await openDatabase({});
  await migrate(database.db);
  mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
  const dump = await dumpPglite(database);
  writeFileSync(SNAPSHOT, dump);
  await database.close();
}

async function dumpPglite(database: Database): Promise<Buffer> {
  if (!database.dumpDataDir) throw new Error('not a PGlite database');
  return Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
}

/** A fresh, migrated database for one test file. Close it in afterAll. */
export async function testDatabase(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = `yiwang_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(databaseUrl, `create database ${name} template ${TEMPLATE}`);
    const database = await openDatabase({ databaseUrl: adminUrl(databaseUrl, name), poolSize: 10 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(databaseUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  if (!existsSync(SNAPSHOT)) await prepareTemplate();
  return openDatabase({ loadDataDir: new Blob([readFileSync(SNAPSHOT)]) });
}
