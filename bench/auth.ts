// `npm run bench -- auth`: an authenticated GET /api/me against the floor — a route on the same
// Fastify server doing one indexed SELECT on the same database — at 50 connections. PGlite always;
// PostgreSQL as well when DATABASE_URL is set. Target: ratio ≥ 0.6.
import { sql } from '../src/platform/db/index.ts';
import { idNumberCheckChar } from '../src/platform/standards/id-number.ts';
import { measure, printTable, startPlatform } from './lib.ts';

/** A fresh valid citizen each run, so the benchmark can run again on the same PostgreSQL database. */
function freshCitizen() {
  const n = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  const body = `41150219900101${n.slice(0, 3)}`;
  return { idNumber: body + idNumberCheckChar(body), phone: `1380${n}0`.slice(0, 11) };
}

async function signIn(url: string): Promise<string> {
  const { idNumber, phone } = freshCitizen();
  const res = await fetch(`${url}/api/auth/citizen/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      realName: '压测用户',
      idNumber,
      phone,
      password: 'Xinyang#2026',
    }),
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('yiwang_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}

async function runOn(kind: string, databaseUrl?: string): Promise<void> {
  let accountId = '';
  const p = await startPlatform(databaseUrl, ({ app, database }) => {
    app.get('/bench/floor', { config: { access: 'public' } }, async () => {
      const { rows } = await sql<{
        id: string;
      }>`select id from identity.account where id = ${accountId}`.execute(database.db);
      return { id: rows[0]?.id ?? null };
    });
  });
  try {
    const cookie = await signIn(p.url);
    const me = await (await fetch(`${p.url}/api/me`, { headers: { cookie } })).json();
    accountId = me.accountId;
    const floor = await measure('floor: one indexed SELECT', { url: `${p.url}/bench/floor` });
    const authed = await measure('GET /api/me (session cookie)', {
      url: `${p.url}/api/me`,
      headers: { cookie },
    });
    printTable(`auth on ${kind}`, [authed], floor);
  } finally {
    await p.stop();
  }
}

export async function benchAuth(): Promise<void> {
  await runOn('PGlite');
  if (process.env.DATABASE_URL) await runOn('PostgreSQL', process.env.DATABASE_URL);
  else console.log('\n(set DATABASE_URL to a PostgreSQL database to measure PostgreSQL as well)');
}
