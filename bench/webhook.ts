// `npm run bench -- webhook`: webhook delivery lag of sharing's exchange (decision 0014). N loads
// (changes) on one published resource with M webhook subscribers on a local receiver; the lag of each
// (change, subscriber) is from the load's commit (upload() resolved) to the receiver holding the signed
// notice: outbox dispatch → notice + M deliveries queued → delivery job POSTs. Run with the background
// loop at its production interval (1 s, as `serve`) and at 50 ms (what the work itself costs). The floor
// is a bare POST of a notice-sized body to the same receiver, M at a time, in the same run.
// PGlite always; PostgreSQL as well when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { ResourceInput } from '../src/modules/sharing/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { RequestContext } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { StaffRole } from '../src/platform/http/access.ts';
import { startBackground } from '../src/platform/jobs.ts';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 40);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 100);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function ctxOf(roles: StaffRole[], departmentId: string): RequestContext {
  return {
    requestId: `bench-${randomUUID()}`,
    ip: '127.0.0.1',
    actor: {
      kind: 'staff',
      accountId: randomUUID(),
      sessionId: 'bench',
      displayName: '压测',
      roles,
      departmentId,
      divisionCode: '411500',
      enterpriseId: null,
      isMfaComplete: true,
      csrfToken: '',
    },
  };
}

/** A receiver that notes when each notice (by load id) reached each subscriber path. */
async function startReceiver() {
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      try {
        const notice = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { loadId?: string };
        if (notice.loadId) arrivals.set(`${req.url}|${notice.loadId}`, at);
      } catch {
        // the floor's body is not a notice
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(null)));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    arrivals,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(null)));
    },
  };
}

async function floor(base: string, bodySize: number) {
  const body = JSON.stringify({ pad: 'x'.repeat(bodySize) });
  const lags: number[] = [];
  for (let i = 0; i < CHANGES; i++)
    await Promise.all(
      Array.from({ length: SUBSCRIBERS }, async (_, s) => {
        const started = performance.now();
        const res = await fetch(`${base}/floor/${s}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.body?.cancel();
        lags.push(performance.now() - started);
      }),
    );
  return lags;
}

async function runOn(kind: string, intervalMs: number, databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-'));
  // demo mode: the exchange accepts webhook targets on 127.0.0.1
  const config = {
    ...loadConfig({
      YIWANG_DATA_DIR: dataDir,
      YIWANG_DEMO: '1',
      LOG_LEVEL: 'silent',
      YIWANG_FIELD_KEY: '11'.repeat(32),
    }),
    databaseUrl,
  };
  const database = await openDatabase({ databaseUrl, dataDir: join(dataDir, 'pglite'), poolSize: 20 });
  await migrate(database.db);
  const { app, modules } = await buildApp({ config, database, logLevel: 'silent' });
  const receiver = await startReceiver();
  try {
    const m = modules;
    await m.org.seedDemo();
    const scjg = await m.org.findDepartment('411500', '市场监督管理局');
    const rsj = await m.org.findDepartment('411500', '人力资源和社会保障局');
    const bureau = await m.org.findDepartment('411500', '数据局');
    if (!scjg || !rsj || !bureau) throw new Error('demo departments missing');
    const officer = ctxOf(['data_officer'], scjg.id);
    const resource = await m.sharing.register(
      officer,
      ResourceInput.parse({
        name: '压测登记信息',
        summary: '用于测量变更通知投递时延的部门资源。',
        classification: {
          attribute: 'department',
          xiang: { code: '01', name: '登记' },
          mu: { code: '001', name: '压测' },
        },
        format: '电子表格',
        shareType: 'unconditional',
        shareMethod: 'platform',
        openType: 'none',
        updateCycle: 'daily',
        items: [
          { name: '编号', key: 'no', type: 'C', length: 20, isRequired: true },
          { name: '名称', key: 'name', type: 'C', length: 50, isRequired: true },
        ],
      }),
    );
    await m.sharing.submit(officer, resource.id);
    await m.sharing.approve(ctxOf(['data_reviewer'], bureau.id), resource.id);
    const consumer = ctxOf(['data_officer'], rsj.id);
    // subscribing needs a live grant: 无条件, so the request is granted at once
    await m.sharing.grants.request(consumer, {
      resourceId: resource.id,
      purpose: '测量变更通知投递时延',
      legalBasis: '压测',
      fields: ['no', 'name'],
      periodFrom: '2026-01-01',
      periodTo: '2099-12-31',
    });
    for (let s = 0; s < SUBSCRIBERS; s++)
      await m.sharing.exchange.subscribe(consumer, {
        resourceId: resource.id,
        mode: 'webhook',
        url: `${receiver.base}/s/${s}`,
        signing: s % 2 === 0 ? 'hmac-sha256' : 'ed25519',
      });
    await m.runJobs();

    const loop = startBackground(m.runJobs, { intervalMs, onError: (e) => console.error(e) });
    const committed = new Map<string, number>();
    for (let i = 0; i < CHANGES; i++) {
      const csv = `编号,名称\r\nNO-${i}-1,第${i}批甲\r\nNO-${i}-2,第${i}批乙\r\n`;
      const load = await m.sharing.upload(officer, resource.id, 'bench.csv', Buffer.from(csv));
      committed.set(load.id, performance.now());
      await sleep(GAP_MS);
    }
    const deadline = performance.now() + 120_000;
    while (receiver.arrivals.size < CHANGES * SUBSCRIBERS && performance.now() < deadline) await sleep(20);
    await loop.stop();
    const lags: number[] = [];
    for (const [key, at] of receiver.arrivals) {
      const start = committed.get(key.split('|')[1] ?? '');
      if (start !== undefined) lags.push(at - start);
    }
    const floorLags = await floor(receiver.base, 400);
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `| ${kind} | ${intervalMs} ms | ${CHANGES} × ${SUBSCRIBERS} | ${lags.length} | ${fmt(percentile(lags, 50))} | ${fmt(percentile(lags, 99))} | ${fmt(Math.max(...lags))} | ${fmt(percentile(floorLags, 50))} | ${fmt(percentile(floorLags, 99))} |`,
    );
  } finally {
    await receiver.close();
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchWebhook(): Promise<void> {
  console.log(`\n变更通知投递时延（载入提交 → 接收方收到签名通知），每次载入间隔 ${GAP_MS} ms`);
  console.log(
    '| db | job loop interval | changes × subscribers | delivered | p50 ms | p99 ms | max ms | floor p50 ms | floor p99 ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const interval of [1000, 50]) {
    await runOn('PGlite', interval);
    if (process.env.DATABASE_URL) await runOn('PostgreSQL', interval, process.env.DATABASE_URL);
  }
}
