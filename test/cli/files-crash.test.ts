// RELIABILITY R5: the server is killed with SIGKILL again and again while a retrying client uploads
// 200 files of 1–5 MB. Afterwards every file row has its blob with the matching SHA-256, every
// acknowledged upload is there, and one `yiwang files gc` leaves no orphan blob or temp file.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, sql } from '../../src/platform/db/index.ts';
import { validIdNumber, validPhone } from '../support/auth.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-r5-'));
const PORT = 20_000 + (process.pid % 20_000);
const base = `http://127.0.0.1:${PORT}`;
const env = {
  ...process.env,
  YIWANG_DATA_DIR: dataDir,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  YIWANG_DEMO: '0',
  YIWANG_FIELD_KEY: '11'.repeat(32),
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
};
const UPLOADS = 200;
const KILLS = 3;

function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('已启动')) resolve(child);
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

/** Starts the data folder from the suite's migrated snapshot when there is one (saves a cold initdb). */
async function fromSnapshot() {
  const snapshot = join(process.cwd(), '.tmp', 'test-snapshot.tar.gz');
  if (!existsSync(snapshot)) return;
  const loadDataDir = new Blob([readFileSync(snapshot)]);
  await (await openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir })).close();
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const blobPath = (hash: string) => join(dataDir, 'files', 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);

describe('uploads survive kill -9 (R5)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged upload whole and leaves orphans that one GC run removes', {
    timeout: 300_000,
  }, async () => {
    await fromSnapshot();
    let server = await startServer();
    const register = await fetch(`${base}/api/auth/citizen/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        realName: '张三',
        idNumber: validIdNumber(7001),
        phone: validPhone(7001),
        password: 'Xinyang#2026',
      }),
    });
    expect(register.status).toBe(201);
    const cookie = (register.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await register.json()) as { csrfToken: string };

    const acked = new Map<string, string>(); // file id → sha256 of what was sent
    let next = 0;
    let isDone = false;
    const upload = async (bytes: Buffer, n: number) => {
      for (;;) {
        try {
          const res = await fetch(`${base}/api/files`, {
            method: 'POST',
            headers: {
              cookie,
              'x-csrf-token': csrfToken,
              'content-type': 'application/octet-stream',
              'x-file-name': `f${n}.pdf`,
            },
            body: new Uint8Array(bytes),
          });
          if (res.status === 201) return (await res.json()) as { id: string; sha256: string };
          if (res.status < 500) throw new Error(`upload ${n}: ${res.status} ${await res.text()}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('upload')) throw error;
        }
        await new Promise((r) => setTimeout(r, 100)); // the server is down: retry
      }
    };
    const worker = async () => {
      while (next < UPLOADS) {
        const n = next++;
        const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1024 * 1024 * (1 + (n % 5)))]);
        const file = await upload(bytes, n);
        expect(file.sha256).toBe(sha256(bytes));
        acked.set(file.id, file.sha256);
      }
    };
    const workers = Promise.all([worker(), worker(), worker(), worker()]).finally(() => {
      isDone = true;
    });
    for (let kill = 0; kill < KILLS && !isDone; kill++) {
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
      server.kill('SIGKILL');
      await exited(server);
      server = await startServer();
    }
    await workers;
    server.kill('SIGTERM');
    await exited(server);

    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    const rows = (
      await sql<{ id: string; sha256: string }>`select id, sha256 from files.file`.execute(database.db)
    ).rows;
    await database.close();
    expect(rows.length).toBeGreaterThanOrEqual(UPLOADS);
    for (const [id, hash] of acked) expect(rows.find((r) => r.id === id)?.sha256).toBe(hash);
    for (const row of rows) expect(sha256(readFileSync(blobPath(row.sha256)))).toBe(row.sha256);

    const gc = spawnSync(process.execPath, ['src/cli/main.ts', 'files', 'gc'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(gc.status, gc.stderr).toBe(0);
    const blobs = readdirSync(join(dataDir, 'files', 'blobs'), { recursive: true }).filter((p) =>
      /[0-9a-f]{64}$/.test(String(p)),
    );
    expect(blobs.length).toBe(new Set(rows.map((r) => r.sha256)).size);
    expect(
      existsSync(join(dataDir, 'files', 'tmp')) ? readdirSync(join(dataDir, 'files', 'tmp')) : [],
    ).toEqual([]);
  });
});
