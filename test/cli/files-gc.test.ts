// `yiwang files gc` as an operator runs it after a crash: an orphan blob (published, never committed)
// and a dead upload's temp file are removed; a second run finds nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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

describe('yiwang files gc', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('removes orphan blobs and dead temp files, then has nothing left to do', { timeout: 180_000 }, () => {
    const sha = 'cd'.repeat(32);
    const blob = join(dataDir, 'files', 'blobs', 'cd', 'cd', sha);
    const temp = join(dataDir, 'files', 'tmp', `${hostname()}.999999.crashed`);
    mkdirSync(join(blob, '..'), { recursive: true });
    mkdirSync(join(temp, '..'), { recursive: true });
    writeFileSync(blob, 'bytes whose row never committed');
    writeFileSync(temp, 'half an upload');

    const first = yiwang('files', 'gc');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('已清理：0 个未使用的上传、1 个文件内容、1 个临时文件');
    expect(existsSync(blob)).toBe(false);
    expect(existsSync(temp)).toBe(false);

    const second = yiwang('files', 'gc');
    expect(second.stdout).toContain('已清理：0 个未使用的上传、0 个文件内容、0 个临时文件');
    expect(yiwang('files', 'nonsense').status).toBe(1);
  });
});
