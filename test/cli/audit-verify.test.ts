// `yiwang audit verify` as an operator runs it: against a real data folder, after real work, then after
// someone with database access edited one audit row.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, sql } from '../../src/platform/db/index.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-cli-'));
const env = {
  ...process.env,
  YIWANG_DATA_DIR: dataDir,
  DATABASE_URL: '',
  YIWANG_DEMO: '1',
  LOG_LEVEL: 'silent',
};
const yiwang = (...args: string[]) =>
  spawnSync('node', ['src/cli/main.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });

describe('yiwang audit verify', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says OK with the count after seeding, then names the exact entry someone edited', {
    timeout: 180_000,
  }, async () => {
    const seeded = yiwang('seed', '--demo');
    expect(seeded.status, seeded.stderr).toBe(0);
    const ok = yiwang('audit', 'verify');
    expect(ok.status).toBe(0);
    const count = Number(/共 (\d+) 条/.exec(ok.stdout)?.[1]);
    expect(count).toBeGreaterThan(5);

    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    await sql.raw('alter table audit.entry disable trigger user').execute(database.db);
    await sql.raw(`update audit.entry set actor_name = '冒名' where seq = 3`).execute(database.db);
    await database.close();

    const bad = yiwang('audit', 'verify');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('第 3 条审计记录未通过校验');
  });

  it('refuses to open an embedded data folder that a running platform holds', {
    timeout: 120_000,
  }, async () => {
    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    try {
      const second = yiwang('audit', 'verify');
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`正被进程 ${process.pid} 使用`);
    } finally {
      await database.close();
    }
    expect(yiwang('audit', 'verify').status).not.toBe(1);
  });
});
