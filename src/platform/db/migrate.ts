// Forward-only SQL migrations. Each module keeps `migrations/NNNN_name.sql` for its own Postgres
// schema; platform's own come first. Applied files are recorded in platform.migration with a
// checksum, so an edited, already-applied file is refused instead of silently skipped.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, sql } from './index.ts';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

export type MigrationFile = { module: string; name: string; sql: string; checksum: string };

/** All migration files in apply order: platform first, then modules by name. */
export function listMigrations(): MigrationFile[] {
  const dirs: Array<[string, string]> = [['platform', join(SRC, 'platform/migrations')]];
  const modulesDir = join(SRC, 'modules');
  for (const name of readdirSync(modulesDir).sort()) {
    dirs.push([name, join(modulesDir, name, 'migrations')]);
  }
  const files: MigrationFile[] = [];
  for (const [module, dir] of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      files.push({ module, name, sql: text, checksum: createHash('sha256').update(text).digest('hex') });
    }
  }
  return files;
}

/** Applies pending migrations; returns the names applied. Safe to run from several processes. */
export async function migrate(db: Db, onProgress?: (message: string) => void): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(727372)`.execute(tx);
    await sql`create schema if not exists platform`.execute(tx);
    await sql`create table if not exists platform.migration (
      module text not null, name text not null, checksum text not null,
      applied_at timestamptz not null default now(), primary key (module, name))`.execute(tx);
    const done = await sql<{ module: string; name: string; checksum: string }>`
      select module, name, checksum from platform.migration`.execute(tx);
    const known = new Map(done.rows.map((r) => [`${r.module}/${r.name}`, r.checksum]));
    for (const file of listMigrations()) {
      const key = `${file.module}/${file.name}`;
      const checksum = known.get(key);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) throw new Error(`migration ${key} was changed after it was applied`);
        continue;
      }
      onProgress?.(`migrate ${key}`);
      await sql.raw(file.sql).execute(tx);
      await sql`insert into platform.migration (module, name, checksum)
        values (${file.module}, ${file.name}, ${file.checksum})`.execute(tx);
      applied.push(key);
    }
  });
  return applied;
}
