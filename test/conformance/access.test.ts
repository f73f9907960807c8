// RELIABILITY Z1 (route sweep) and Z2 (role matrix): every route the app declares is called as nobody,
// as a citizen, as a login still owing its TOTP step and as staff of each role. Only the reviewed
// public routes answer without a session, and every route lets through exactly the callers the
// committed matrix names. Requests carry no CSRF token, so a call that passes the access gate is
// stopped by the CSRF check (or by validation) and nothing is ever written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRecord } from '../../src/platform/http/server.ts';
import { STAFF_ROLES } from '../../src/platform/roles.ts';
import { type TestApp, testApp } from '../support/app.ts';
import {
  allowedBy,
  allRoutes,
  concreteUrl,
  createSessions,
  declaredRoutes,
  GATE_CODES,
  type Principal,
  routeKey,
  type Sessions,
  SIGNED_IN,
} from './support.ts';

type PublicEntry = { method: string; url?: string; urlPrefix?: string; reason: string; optional?: boolean };
type RoleMatrix = { $comment: string; routes: Record<string, string[]> };

const HERE = join(process.cwd(), 'test', 'conformance');
const publicList = (
  JSON.parse(readFileSync(join(HERE, 'public-routes.json'), 'utf8')) as { routes: PublicEntry[] }
).routes;
const MATRIX_FILE = join(HERE, 'role-matrix.json');
const isUpdate = process.env.YIWANG_UPDATE_CONFORMANCE === '1';

const matches = (entry: PublicEntry, r: RouteRecord) =>
  (entry.method === r.method || (entry.method === 'GET' && r.method === 'HEAD')) &&
  (entry.url === r.url || (entry.urlPrefix !== undefined && r.url.startsWith(entry.urlPrefix)));

async function call(t: TestApp, route: RouteRecord, headers: Record<string, string>) {
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  const res = await t.app.inject({
    method: route.method as 'GET',
    url: concreteUrl(route.url),
    headers,
    ...(hasBody ? { payload: {} } : {}),
  });
  let code: string | null = null;
  if (res.body && String(res.headers['content-type']).startsWith('application/problem+json')) {
    code = (res.json() as { code: string }).code;
  }
  return { status: res.statusCode, code, body: res.body, contentType: String(res.headers['content-type']) };
}

describe('conformance: access gate on every route (Z1, Z2)', () => {
  let t: TestApp;
  let sessions: Sessions;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    sessions = await createSessions(t);
  });
  afterAll(() => t.close());

  it('every reviewed public entry names its reason', () => {
    for (const entry of publicList) {
      expect(entry.reason.trim().length, JSON.stringify(entry)).toBeGreaterThan(10);
      expect(Boolean(entry.url) !== Boolean(entry.urlPrefix), JSON.stringify(entry)).toBe(true);
    }
  });

  it('the public routes are exactly the reviewed list in public-routes.json', () => {
    const declaredPublic = declaredRoutes(t).filter((r) => r.access === 'public');
    const unreviewed = declaredPublic.filter((r) => !publicList.some((e) => matches(e, r))).map(routeKey);
    const stale = publicList
      .filter((e) => !e.optional && !declaredPublic.some((r) => matches(e, r)))
      .map((e) => `${e.method} ${e.url ?? `${e.urlPrefix}*`}`);
    expect(unreviewed, 'public routes missing from test/conformance/public-routes.json').toEqual([]);
    expect(stale, 'public-routes.json entries that are no longer public routes').toEqual([]);
  });

  it('answers every non-public route without a session with 401 problem+json', {
    timeout: 120_000,
  }, async () => {
    const routes = allRoutes(t);
    expect(routes.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await call(t, route, {});
      if (route.access === 'public') {
        if (res.code && GATE_CODES.has(res.code)) wrong.push(`${routeKey(route)} (public) → ${res.code}`);
        continue;
      }
      const isRefused = res.status === 401 && (res.code === 'AUTH_REQUIRED' || route.method === 'HEAD');
      if (!isRefused) wrong.push(`${routeKey(route)} → ${res.status} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the committed role matrix is the one the declared access levels give', () => {
    const derived: Record<string, string[]> = {};
    for (const route of declaredRoutes(t).filter((r) => r.access !== 'public')) {
      derived[routeKey(route)] = allowedBy(route);
    }
    const comment =
      'Who gets past the access gate of each non-public route (RELIABILITY Z2), derived from the access level the route declares. Review every change: YIWANG_UPDATE_CONFORMANCE=1 vitest run test/conformance/access.test.ts rewrites it (then biome format --write it).';
    if (isUpdate) {
      writeFileSync(MATRIX_FILE, `${JSON.stringify({ $comment: comment, routes: derived }, null, 2)}\n`);
    }
    const committed = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as RoleMatrix;
    expect(committed.routes, 'role-matrix.json differs from the declared access levels').toEqual(derived);
  });

  it('keeps the system administrator and the auditor apart (三员分立)', () => {
    const matrix = (JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as RoleMatrix).routes;
    const shared = Object.entries(matrix)
      .filter(([, who]) => who.includes('sys_admin') && who.includes('auditor'))
      .filter(([, who]) => !STAFF_ROLES.every((role) => who.includes(role)))
      .map(([key]) => key);
    expect(shared, 'role-specific routes open to both sys_admin and auditor').toEqual([]);
    const auditRoutes = Object.entries(matrix).filter(([key]) => key.includes('/api/audit/'));
    expect(auditRoutes.length).toBeGreaterThan(0);
    for (const [key, who] of auditRoutes) expect(who, key).not.toContain('sys_admin');
  });

  it('lets through exactly the callers in the matrix, for every route and every caller', {
    timeout: 180_000,
  }, async () => {
    const matrix = (JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as RoleMatrix).routes;
    const deviations: string[] = [];
    let calls = 0;
    for (const route of declaredRoutes(t).filter((r) => r.access !== 'public')) {
      const allowed = new Set(matrix[routeKey(route)] ?? []);
      for (const principal of ['anon', ...SIGNED_IN] as Principal[]) {
        const res = await call(t, route, sessions[principal]);
        calls++;
        const passed = !(res.code && GATE_CODES.has(res.code));
        if (passed !== allowed.has(principal)) {
          deviations.push(`${routeKey(route)} as ${principal}: ${res.status} ${res.code ?? ''}`);
        }
        if (!passed && res.status !== (res.code === 'AUTH_REQUIRED' ? 401 : 403)) {
          deviations.push(`${routeKey(route)} as ${principal}: ${res.code} with status ${res.status}`);
        }
        if (res.status >= 500) deviations.push(`${routeKey(route)} as ${principal}: ${res.status}`);
      }
    }
    expect(calls).toBeGreaterThan(200);
    expect(deviations).toEqual([]);
  });
});
