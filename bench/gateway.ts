// `npm run bench -- gateway`: sharing gateway calls per second at 50 connections (bearer JWT verified
// against the provider's keys, client and grant looked up, fields checked, ID numbers masked, the call
// logged and counted in one transaction) against a floor route in the same run that returns the same
// rows (same query, same decryption) without authentication, grant check, masking or logging.
// PGlite always; PostgreSQL as well when DATABASE_URL is set. The two routes alternate in BENCH_ROUNDS
// (default 2) rounds that share BENCH_SECONDS each.
import { randomUUID } from 'node:crypto';
import { sql } from '../src/platform/db/index.ts';
import type { Actor } from '../src/platform/http/access.ts';
import { DURATION_S, type Measured, measure, printTable, startPlatform } from './lib.ts';

/** Rounds of one route: mean rate and p50, worst p99, all errors. */
const combine = (ms: Measured[]): Measured => ({
  label: `${ms[0]?.label ?? ''} (${ms.length} × ${ms.map((m) => m.rps.toFixed(0)).join('/')} req/s)`,
  rps: ms.reduce((a, m) => a + m.rps, 0) / ms.length,
  p50: ms.reduce((a, m) => a + m.p50, 0) / ms.length,
  p99: Math.max(...ms.map((m) => m.p99)),
  errors: ms.reduce((a, m) => a + m.errors, 0),
  non2xx: ms.reduce((a, m) => a + m.non2xx, 0),
});

const FIELDS = ['uscc', 'name', 'legal_rep_id', 'status'];

const staff = (roles: Actor['roles'], departmentId: string | null, name: string): Actor => ({
  kind: 'staff',
  accountId: randomUUID(),
  sessionId: randomUUID(),
  displayName: name,
  roles,
  departmentId,
  divisionCode: '411500',
  enterpriseId: null,
  isMfaComplete: true,
  csrfToken: '',
});
const ctx = (actor: Actor) => ({ actor, requestId: 'bench', ip: '127.0.0.1' });

async function runOn(kind: string, databaseUrl?: string): Promise<void> {
  let resourceId = '';
  const p = await startPlatform(databaseUrl, ({ app, modules }) => {
    const { db, cipher } = modules.deps;
    // the floor: the same rows, the same decryption, nothing else
    app.get('/bench/floor/rows', { config: { access: 'public' } }, async () => {
      const { rows } = await sql<{ data: Record<string, unknown> }>`select data from sharing.data_row
        where resource_id = ${resourceId} order by row_no limit 100`.execute(db);
      return {
        fields: FIELDS,
        rows: rows.map(({ data }) => ({
          uscc: data.uscc,
          name: data.name,
          legal_rep_id: cipher.decrypt(String(data.legal_rep_id)),
          status: data.status,
        })),
      };
    });
  });
  try {
    const m = p.modules;
    await m.org.seedDemo();
    const dept = async (k: string) => (await m.org.findDepartment('411500', k))?.id ?? null;
    const scjg = staff(['data_officer'], await dept('市场监督管理局'), 'scjg-data');
    const rsj = staff(['data_officer'], await dept('人力资源和社会保障局'), 'rsj-data');
    const bureau = staff(['data_reviewer'], await dept('数据局'), 'databureau');
    await m.sharing.seedDemo({ scjgData: scjg, rsjData: rsj, databureau: bureau });
    const resource = (await m.sharing.listOwn(scjg, { page: 1 })).items.find(
      (r) => r.name === '法人基础信息',
    );
    if (!resource?.code) throw new Error('no 法人基础信息');
    resourceId = resource.id;
    const g = m.sharing.grants;
    const asked = await g.request(ctx(rsj), {
      resourceId,
      purpose: '压测：就业补贴核验',
      legalBasis: '《就业促进法》',
      fields: FIELDS,
      periodFrom: '2026-01-01',
      periodTo: '2099-12-31',
    });
    await g.approve(ctx(scjg), asked.id, { rowFilter: [], unmasked: [], dailyQuota: null, expiresOn: null });
    const client = await g.createClient(ctx(rsj), { name: '压测系统', ratePerMinute: 100_000 });
    const tokenRes = await fetch(`${p.url}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: g.oidc.audience }),
    });
    const token = (await tokenRes.json()).access_token as string;
    const url = `${p.url}/share/v1/resources/${encodeURIComponent(resource.code)}/rows?fields=${FIELDS.join(',')}`;
    const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (check.status !== 200) throw new Error(`gateway answered ${check.status}: ${await check.text()}`);
    // floor and gateway alternate in short rounds, so that a change in the machine's load (it is shared)
    // falls on both alike; each figure is over all its rounds
    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
    const duration = Math.max(1, Math.round(DURATION_S / rounds));
    const floors: Measured[] = [];
    const gateways: Measured[] = [];
    for (let i = 0; i < rounds; i++) {
      floors.push(
        await measure('floor: the same rows, no auth/grant/masking/log', {
          url: `${p.url}/bench/floor/rows`,
          duration,
        }),
      );
      gateways.push(
        await measure('GET /share/v1/resources/{code}/rows (JWT, grant, masking, log)', {
          url,
          headers: { authorization: `Bearer ${token}` },
          duration,
        }),
      );
    }
    const floor = combine(floors);
    const gateway = combine(gateways);
    printTable(`sharing gateway on ${kind}`, [gateway], floor);
    const logged = await sql<{ n: number }>`select count(*)::int as n from sharing.call_log`.execute(
      m.deps.db,
    );
    console.log(
      `calls logged: ${logged.rows[0]?.n}; ratio ${(gateway.rps / floor.rps).toFixed(2)} (target ≥ 0.70)`,
    );
  } finally {
    await p.stop();
  }
}

export async function benchGateway(): Promise<void> {
  await runOn('PGlite');
  if (process.env.DATABASE_URL) await runOn('PostgreSQL', process.env.DATABASE_URL);
}
