// RELIABILITY I1, the hand cases: every POST/PUT/PATCH route gets broken JSON, a 2 MB body, text/plain,
// prototype-pollution keys, 10,000-deep nesting, NUL bytes and huge numbers; every GET route with a
// query string gets garbage values. Each request comes from a caller the route lets through (with
// its CSRF token), so the input reaches parsing and validation rather than stopping at the gate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRecord } from '../../src/platform/http/server.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { answerProblem, codeOf, prototypeKeys } from './answers.ts';
import { allowedBy, concreteUrl, declaredRoutes, routeKey, writerSession } from './support.ts';

type Case = { name: string; body: string; type?: string; expect?: { status: number; code: string } };

const deep = (n: number, open: string, close: string, inner: string) =>
  open.repeat(n) + inner + close.repeat(n);

/** Ordered so the cases stopped by the parser come first: a later, valid-looking body may log out. */
const BODY_CASES: Case[] = [
  {
    name: 'text/plain',
    body: 'hello',
    type: 'text/plain',
    expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  },
  {
    name: 'form',
    body: 'a=1',
    type: 'application/x-www-form-urlencoded',
    expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  },
  {
    name: '2 MB body',
    body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  },
  { name: 'broken JSON', body: '{"name": "a",', expect: { status: 400, code: 'MALFORMED_BODY' } },
  { name: 'empty JSON body', body: '' },
  { name: 'JSON garbage', body: '\u0000\u0001{]' },
  {
    name: 'invalid UTF-8',
    body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]).toString('latin1'),
  },
  { name: '__proto__', body: '{"__proto__": {"polluted": "yes"}, "name": "x"}' },
  { name: 'constructor.prototype', body: '{"constructor": {"prototype": {"polluted": "yes"}}}' },
  { name: '10,000-deep arrays', body: deep(10_000, '[', ']', '1') },
  { name: '10,000-deep objects', body: deep(10_000, '{"a":', '}', '1') },
  { name: 'deep value in a field', body: `{"name": ${deep(10_000, '[', ']', '"x"')}}` },
  {
    name: 'NUL bytes',
    body: JSON.stringify({
      name: 'a\u0000b',
      realName: '张\u0000三',
      username: '\u0000',
      password: 'Xinyang#2026\u0000',
      purpose: '\u0000\u0000',
      code: '\u0000',
    }),
  },
  {
    name: 'huge numbers',
    body: '{"year": 1e400, "n": 123456789012345678901234567890, "m": -1e400, "z": 1e-400}',
  },
  { name: 'wrong types', body: '{"name": [], "password": {}, "kind": 7, "enterpriseId": true}' },
  { name: 'JSON array', body: '[1, 2, 3]' },
  { name: 'JSON null', body: 'null' },
  { name: 'JSON string', body: '"x"' },
];

const GARBAGE_VALUES = [
  '%00',
  '%E0%A4%A',
  "'; DROP TABLE x;--",
  '-1e400',
  '1e400',
  'x'.repeat(5000),
  '%F0%9F%98%80%00',
  '[object Object]',
  '../../etc/passwd',
];

function queryKeys(route: RouteRecord): string[] {
  const query = route.schema?.querystring;
  const shape = query && typeof query === 'object' && 'shape' in query ? query.shape : null;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

describe('conformance: malformed input on every route (I1)', () => {
  let t: TestApp;
  const before = prototypeKeys();
  const headersFor = async (route: RouteRecord): Promise<Record<string, string>> => {
    if (route.access === 'public') return {};
    const who = allowedBy(route).find((p) => p !== 'mfa_pending');
    if (!who) throw new Error(`no caller may use ${routeKey(route)}`);
    return writerSession(t, who);
  };
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
  });
  afterAll(() => t.close());

  it('answers hostile bodies on every POST/PUT/PATCH route with a clean 4xx problem', {
    timeout: 180_000,
  }, async () => {
    const routes = declaredRoutes(t).filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
    expect(routes.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const route of routes) {
      const headers = await headersFor(route);
      for (const c of BODY_CASES) {
        // the OAuth token endpoint takes forms and answers them as RFC 6749 §5.2 JSON errors (decision 0013)
        if (route.url === '/oidc/token' && c.name === 'form') continue;
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: concreteUrl(route.url),
          headers: { ...headers, 'content-type': c.type ?? 'application/json' },
          payload: c.body,
        });
        const where = `${routeKey(route)} · ${c.name}`;
        const problem = answerProblem(res);
        if (problem) wrong.push(`${where}: ${problem}`);
        if (c.expect && (res.statusCode !== c.expect.status || codeOf(res) !== c.expect.code)) {
          wrong.push(
            `${where}: expected ${c.expect.status} ${c.expect.code}, got ${res.statusCode} ${codeOf(res)}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  it('answers garbage query values on every GET route with a query string without a 5xx', {
    timeout: 180_000,
  }, async () => {
    const routes = declaredRoutes(t).filter((r) => r.method === 'GET' && queryKeys(r).length > 0);
    expect(routes.length).toBeGreaterThan(3);
    const wrong: string[] = [];
    for (const route of routes) {
      const headers = await headersFor(route);
      for (const value of GARBAGE_VALUES) {
        const keys = [...queryKeys(route), '__proto__', 'constructor[prototype][x]'];
        const query = keys.map((k) => `${encodeURIComponent(k)}=${value}`).join('&');
        for (const url of [
          `${concreteUrl(route.url)}?${query}`,
          `${concreteUrl(route.url)}?${query}&${query}`,
        ]) {
          const res = await t.app.inject({ method: 'GET', url, headers });
          const problem = answerProblem(res);
          if (problem) wrong.push(`GET ${url.slice(0, 80)}: ${problem}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(prototypeKeys()).toEqual(before);
  });

  it('answers malformed URLs and path parameters with a clean 4xx problem', {
    timeout: 180_000,
  }, async () => {
    const wrong: string[] = [];
    const routes = declaredRoutes(t).filter((r) => r.url.includes(':') && r.access !== 'public');
    for (const route of routes) {
      const headers = await headersFor(route);
      for (const bad of ['%00', '%E0%A4%A', 'x'.repeat(300), "1'--", '..%2F..%2Fetc']) {
        const url = route.url.replace(/:[A-Za-z_]\w*/g, bad);
        const isBody = route.method !== 'GET' && route.method !== 'DELETE';
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers,
          ...(isBody ? { payload: {} } : {}),
        });
        const problem = answerProblem(res);
        if (problem) wrong.push(`${route.method} ${url.slice(0, 80)}: ${problem}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
