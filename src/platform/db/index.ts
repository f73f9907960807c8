// The database: embedded PGlite in the data folder by default, PostgreSQL when DATABASE_URL is set.
// Both speak PostgreSQL; int8 arrives as a JS number and `date` as a 'YYYY-MM-DD' string on both.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { pgliteDialect } from './pglite-dialect.ts';

/** Untyped at the platform level; each module's store narrows it with `withTables<…>()`. */
export type Db = Kysely<object>;
export type Tx = Transaction<object>;
/** A database handle or an open transaction: store helpers accept either. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** true when the database answers a trivial query */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: the data folder as a tarball (test snapshots, backups of the embedded database) */
  dumpDataDir?: () => Promise<Blob>;
};

const INT8 = 20;
const DATE = 1082;
const parsers = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };

pg.types.setTypeParser(INT8, parsers[INT8]);
pg.types.setTypeParser(DATE, parsers[DATE]);

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir?: string;
  loadDataDir?: Blob;
  poolSize?: number;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
    parsers,
  });
  const db = new Kysely<object>({ dialect: pgliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    ping: () => pingDb(db),
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    close: async () => {
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}

/**
 * One process at a time may open an embedded data folder: a second PGlite on the same files would
 * corrupt them. The lock file holds the owner's pid; a lock whose process is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = `${dataDir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${owner} 使用（例如 npm start）：请先停止它，或改用 DATABASE_URL`,
        );
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => {}); // a dropped idle client is replaced on the next checkout
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', ping: () => pingDb(db), close: () => db.destroy() };
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(db: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  return (db as Db).transaction().execute(work);
}

export { sql };
