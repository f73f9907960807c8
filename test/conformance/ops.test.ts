// Operations and response hygiene: liveness and readiness (red within 2 s once the database is gone),
// metrics for loopback only, the request id echoed, a CSP on every HTML and JSON answer, and logs
// that never carry a password, an ID number or a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../../src/app.ts';
import { identityRoutes } from '../../src/modules/identity/index.ts';
import { createHttpServer } from '../../src/platform/http/server.ts';
import { type TestApp, testApp, testConfig } from '../support/app.ts';
import { PASSWORD, signUpCitizen, validIdNumber, validPhone } from '../support/auth.ts';
import { testDatabase } from '../support/db.ts';
import { answerProblem, codeOf } from './answers.ts';

describe('conformance: operations endpoints and response headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('answers /healthz and /readyz with 200 while the database is up', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });

  it('answers an unknown API path with a 404 problem, signed in or not', async () => {
    for (const headers of [{}, (await signUpCitizen(t)).headers]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing', headers });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', title: '请求的资源不存在' });
    }
  });

  it('serves /metrics to loopback callers only, whatever X-Forwarded-For claims', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1']) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
      expect(res.body).toContain('yiwang_http_request_duration_seconds');
    }
    for (const remoteAddress of ['10.20.30.40', '203.0.113.7', '::ffff:10.0.0.1']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' },
      });
      expect(res.statusCode, remoteAddress).toBe(403);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(answerProblem(res)).toBeNull();
      expect(res.body).not.toContain('yiwang_');
    }
  });

  it('echoes a well-formed X-Request-Id and replaces a hostile one', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'x-request-id': 'trace-42.a_b' },
    });
    expect(given.headers['x-request-id']).toBe('trace-42.a_b');
    expect(given.json().requestId).toBe('trace-42.a_b');
    const hostile = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostile.body).not.toContain('<script>');
    const plain = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a CSP and nosniff with every HTML and JSON answer, errors included', async () => {
    const urls = [
      '/healthz',
      '/api/org/divisions',
      '/api/me',
      '/api/nope',
      '/api/docs',
      '/api/docs/json',
      '/',
      `/api/admin/staff/${'x'.repeat(300)}`,
      '/api/admin/staff/%E0%A4%A',
    ];
    const seen: string[] = [];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      const type = String(res.headers['content-type'] ?? '');
      if (!/html|json/.test(type)) continue;
      seen.push(type.split(';')[0] ?? type);
      expect(res.headers['content-security-policy'], url).toMatch(/default-src '(self|none)'/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
    expect(seen).toContain('text/html');
    expect(seen).toContain('application/json');
    expect(seen).toContain('application/problem+json');
  });

  it('turns /readyz red (503 problem+json) within 2 s once the database is closed', async () => {
    const other = await testApp();
    try {
      expect((await other.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await other.database.close();
      const started = Date.now();
      const res = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(res.statusCode).toBe(503);
      expect(codeOf(res)).toBe('SERVICE_UNAVAILABLE');
      expect(answerProblem({ ...res, statusCode: 400 } as typeof res)).toBeNull();
      expect((await other.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await other.app.close();
    }
  });
});

describe('conformance: what the logs never hold', () => {
  it('redacts passwords, ID numbers and phones from every log line of sign-up, sign-in and errors', async () => {
    const lines: string[] = [];
    const database = await testDatabase();
    const config = testConfig();
    const modules = createModules(config, database);
    const app = await createHttpServer({
      authenticate: modules.identity.authenticate,
      isReady: database.ping,
      logLevel: 'trace',
      logStream: { write: (line) => void lines.push(line) },
    });
    await app.register(identityRoutes(modules.identity));
    // a careless handler of the future: logs what it was sent, at the shapes pino's redaction covers
    app.post('/api/test/echo-log', { config: { access: 'public' } }, async (req) => {
      req.log.info({ body: req.body }, 'received');
      req.log.warn({ input: req.body, phone: validPhone(9), idNumber: validIdNumber(9) }, 'input');
      throw new Error('boom');
    });
    await app.ready();
    try {
      const idNumber = validIdNumber(77);
      const phone = validPhone(77);
      const citizen = { app } as unknown as TestApp;
      const signed = await signUpCitizen(citizen, { idNumber, phone, password: PASSWORD });
      expect(signed.accountId).toBeTruthy();
      const attempts = [
        { kind: 'citizen', username: idNumber, password: PASSWORD },
        { kind: 'citizen', username: phone, password: 'Wrong#Pass2026' },
      ];
      for (const payload of attempts) await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      const echoed = await app.inject({
        method: 'POST',
        url: '/api/test/echo-log',
        payload: {
          password: PASSWORD,
          idNumber,
          phone,
          newPassword: 'Xinyang#New2026',
          currentPassword: 'Xinyang#Old2026',
        },
      });
      expect(echoed.statusCode).toBe(500);
      expect(echoed.body).not.toContain('boom');
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(5);
      expect(log).toContain('[已隐藏]');
      for (const secret of [
        PASSWORD,
        'Wrong#Pass2026',
        'Xinyang#New2026',
        'Xinyang#Old2026',
        idNumber,
        phone,
      ]) {
        expect(log, `log holds ${secret}`).not.toContain(secret);
      }
      expect(log).not.toContain(validPhone(9));
      expect(log).not.toContain(validIdNumber(9));
    } finally {
      await app.close();
      await database.close();
    }
  });
});
