import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from './server.ts';
import { registerWeb } from './web.ts';

let root: string;
let app: HttpServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'yiwang-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="zh-CN"><title>一网通办</title></html>');
  const js = `console.log(${JSON.stringify('x'.repeat(2000))});`;
  writeFileSync(join(root, 'assets/app-abc123.js'), js);
  writeFileSync(join(root, 'assets/app-abc123.js.br'), brotliCompressSync(js));
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *');
  app = await createHttpServer({
    authenticate: async () => null,
    isReady: async () => true,
    logLevel: 'silent',
  });
  await registerWeb(app, root);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serving the web front end', () => {
  it('answers browser routes with index.html, not cached, under the CSP', async () => {
    const res = await app.inject({ url: '/me/enterprises?tab=1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('一网通办');
  });

  it('serves hashed assets immutable, brotli when accepted', async () => {
    const plain = await app.inject({ url: '/assets/app-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toContain('immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    const other = await app.inject({ url: '/robots.txt' });
    expect(other.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unknown API paths, missing files, escapes and malformed paths as problems', async () => {
    for (const [url, status] of [
      ['/api/nope', 404],
      ['/api', 404],
      ['/assets/missing.js', 404],
      ['/..%2f..%2fetc%2fpasswd', 404],
      ['/%E0%A4%A', 400],
    ] as const) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type'], url).toMatch(/application\/problem\+json/);
    }
  });
});
