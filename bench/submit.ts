// `npm run bench -- submit`: full online submissions (session auth, validation, field encryption, case +
// materials + timeline + audit + outbox + notification in one transaction, idempotency key) at 50
// connections against the floor — a bare keyed INSERT route on the same database — in the same run;
// then again with the cases table pre-filled to larger sizes (BENCH_CASE_SIZES, default 10000,100000;
// add 1000000 on PostgreSQL). Target: ratio ≥ 0.5 on PostgreSQL; throughput at 100k and 1M ≥ 0.9 of 10k.
// Then the CPU each request costs (this process, and a local PostgreSQL cluster's processes).
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { type Db, sql } from '../src/platform/db/index.ts';
import { idNumberCheckChar } from '../src/platform/standards/id-number.ts';
import { type Measured, measure, printTable, startPlatform } from './lib.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const n = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  const body = `41150219900101${n.slice(0, 3)}`;
  const res = await fetch(`${url}/api/auth/citizen/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      realName: '压测用户',
      idNumber: body + idNumberCheckChar(body),
      phone: `1390${n}0`.slice(0, 11),
      password: 'Xinyang#2026',
    }),
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('yiwang_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: (await res.json()).csrfToken };
}

/** One application body for 食品经营许可（新办）: every required material backed by an uploaded file. */
async function applicationBody(url: string, headers: Record<string, string>, implementationId: string) {
  const form = await (await fetch(`${url}/api/cases/forms/${implementationId}`)).json();
  const materials = [];
  for (const m of form.materials.filter((x: { isRequired: boolean }) => x.isRequired)) {
    const up = await fetch(`${url}/api/files`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('材料.pdf'),
      },
      body: PDF,
    });
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${await up.text()}`);
    materials.push({ name: m.name, fileIds: [(await up.json()).id] });
  }
  return JSON.stringify({
    implementationId,
    form: {
      summary: '压测申请：开办一家小型餐饮店，经营热食类食品制售',
      premises: '信阳市浉河区民权路 1 号',
    },
    materials,
    contact: {
      name: '压测用户',
      phone: '13800001234',
      address: '信阳市浉河区民权路 1 号',
      postcode: '464000',
    },
    deliveryMethod: 'online',
  });
}

/** The columns a pre-filled case copies from a real one (ids, numbers and applicant are made fresh). */
const COPIED = [
  'implementation_id',
  'version_id',
  'basic_code',
  'implementation_code',
  'item_name',
  'department_id',
  'department_name',
  'division_code',
  'is_instant',
  'legal_limit_days',
  'promised_limit_days',
  'applicant_kind',
  'applicant_name',
  'applicant_id_type',
  'applicant_id_enc',
  'contact_name',
  'contact_phone_enc',
  'contact_address',
  'postcode',
  'delivery_method',
  'channel',
  'filed_by',
  'state',
  'form',
  'form_schema',
  'submitted_at',
  'received_on',
  'notice_due_on',
  'updated_at',
];

/** Copies one real case until the table holds `target` rows, so inserts and lookups meet a big table. */
async function prefill(db: Db, target: number) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from cases.case`.execute(db);
  const columns = sql.raw(COPIED.join(', '));
  const copied = sql.raw(COPIED.map((c) => `c.${c}`).join(', '));
  for (let left = target - Number(rows[0]?.n ?? 0); left > 0; left -= 50_000) {
    await sql`
      insert into cases.case (id, case_no, applicant_account_id, applicant_id_hash, ${columns})
      select md5(random()::text || g)::uuid, 'BENCH-' || md5(random()::text || g), md5(random()::text)::uuid,
        md5(random()::text), ${copied}
      from generate_series(1, ${Math.min(50_000, left)}) g,
        (select * from cases.case where case_no not like 'BENCH-%' limit 1) c`.execute(db);
  }
}

/** CPU ms of the local PostgreSQL cluster's processes (postmaster and its children, live or ended), or null if not local. */
function postgresCpuMs(postmaster: number | null): number | null {
  if (postmaster === null) return null;
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
        if (Number(entry) === postmaster || Number(fields[1]) === postmaster)
          ticks += Number(fields[11]) + Number(fields[12]);
        // backends that have ended count in the postmaster's children's time
        if (Number(entry) === postmaster) ticks += Number(fields[13]) + Number(fields[14]);
      } catch {
        // the process ended while we looked
      }
    }
  } catch {
    return null;
  }
  return ticks * 10; // 100 clock ticks per second
}

/**
 * CPU per request at a few connections (so nothing waits on locks or the scheduler): this process — the
 * server and the load generator, and PGlite when that is the database — and PostgreSQL's processes when
 * the cluster runs on this machine. This is what bounds the ratio on a machine whose cores are all busy.
 */
async function cpuPerRequest(url: string, request: autocannon.Request, postmaster: number | null) {
  const node0 = process.cpuUsage();
  const pg0 = postgresCpuMs(postmaster);
  const r = await autocannon({ url, connections: 4, duration: 8, requests: [request] });
  const node = process.cpuUsage(node0);
  const pg1 = postgresCpuMs(postmaster);
  const n = Math.max(1, r.requests.total);
  const pg = pg0 === null || pg1 === null ? 'n/a' : ((pg1 - pg0) / n).toFixed(2);
  return `Node ${((node.user + node.system) / 1000 / n).toFixed(2)} ms/req, PostgreSQL ${pg} ms/req`;
}

/** The postmaster's pid when the database is a PostgreSQL cluster on this machine. */
async function localPostmaster(db: Db, databaseUrl?: string): Promise<number | null> {
  if (!databaseUrl) return null;
  try {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    const stat = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

async function runOn(kind: string, databaseUrl?: string): Promise<void> {
  const p = await startPlatform(databaseUrl, ({ app, database }) => {
    app.post('/bench/floor', { config: { access: 'public' } }, async (req) => {
      const key = String(req.headers['idempotency-key']);
      await sql`insert into bench_floor (key, body) values (${key}, ${JSON.stringify(req.body)}::jsonb)
        on conflict (key) do nothing`.execute(database.db);
      return { key };
    });
  });
  try {
    await sql`create table if not exists bench_floor (key text primary key, body jsonb not null)`.execute(
      p.database.db,
    );
    await p.modules.org.seedDemo();
    await p.modules.catalog.seedDemo();
    const session = await signIn(p.url);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const body = await applicationBody(p.url, headers, p.modules.catalog.demoImplementationId('XY-SCJG-009'));
    let serial = 0;
    const keyed = (path: string) => ({
      method: 'POST' as const,
      path,
      headers: { ...headers, 'content-type': 'application/json' },
      body,
      setupRequest: (req: autocannon.Request) => ({
        ...req,
        headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${++serial}` },
      }),
    });
    const sizes = (process.env.BENCH_CASE_SIZES ?? '10000,100000').split(',').map(Number);
    // one real case to copy from
    const first = await fetch(`${p.url}/api/cases`, {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'bench-first' },
    });
    if (first.status !== 201) throw new Error(`submission failed: ${first.status} ${await first.text()}`);
    const floor = await measure('floor: keyed INSERT', { url: p.url, requests: [keyed('/bench/floor')] });
    const rows: Measured[] = [];
    for (const size of sizes) {
      await prefill(p.database.db, size);
      rows.push(
        await measure(`POST /api/cases with ${size.toLocaleString('en')} cases`, {
          url: p.url,
          requests: [keyed('/api/cases')],
        }),
      );
    }
    printTable(`submit on ${kind}`, rows, floor);
    const base = rows[0];
    for (const r of rows.slice(1))
      console.log(`${r.label}: ${(r.rps / (base?.rps ?? 1)).toFixed(2)} of the ${sizes[0]} figure`);
    const postmaster = await localPostmaster(p.database.db, databaseUrl);
    console.log(`CPU per request, 4 connections, 8 s:`);
    console.log(`  floor: ${await cpuPerRequest(p.url, keyed('/bench/floor'), postmaster)}`);
    console.log(`  submission: ${await cpuPerRequest(p.url, keyed('/api/cases'), postmaster)}`);
  } finally {
    await p.stop();
  }
}

export async function benchSubmit(): Promise<void> {
  await runOn('PGlite');
  if (process.env.DATABASE_URL) await runOn('PostgreSQL', process.env.DATABASE_URL);
}
