// Uploads and downloads over HTTP (RELIABILITY I5, Z3): real bytes of every allowed type, liars,
// empty and oversize bodies, hostile names, dedup on disk, and another user's file.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../test/support/auth.ts';
import { MAX_FILE_BYTES } from './schema.ts';
import * as fixtures from './tests/fixtures.ts';

describe('files over HTTP', () => {
  let t: TestApp;
  let dataDir: string;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'yiwang-files-'));
    t = await testApp({ config: { dataDir } });
    await t.modules.org.seedDemo();
    alice = await signUpCitizen(t);
    bob = await signUpCitizen(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (who: Session | null, bytes: Buffer, name?: string, type = 'application/octet-stream') =>
    t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...(who?.headers ?? {}),
        'content-type': type,
        ...(name === undefined ? {} : { 'x-file-name': encodeURIComponent(name) }),
      },
      payload: bytes,
    });
  const download = (who: Session, id: string, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/files/${id}${query}`, headers: who.headers });
  const blobCount = () => {
    const count = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1),
        0,
      );
    return count(join(dataDir, 'files', 'blobs'));
  };

  it.each([
    ['营业执照.pdf', fixtures.pdf(), 'application/pdf'],
    ['门头照片.jpg', fixtures.jpeg(), 'image/jpeg'],
    ['场地平面图.png', fixtures.png(), 'image/png'],
    ['电子证照.ofd', fixtures.ofd(), 'application/ofd'],
  ])(
    'stores %s with the type its bytes prove and gives it back to its uploader',
    async (name, bytes, type) => {
      const res = await upload(alice, bytes, name);
      expect(res.statusCode, res.body).toBe(201);
      const file = res.json();
      expect(file).toEqual({
        id: expect.any(String),
        name,
        size: bytes.length,
        mediaType: type,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const back = await download(alice, file.id);
      expect(back.statusCode).toBe(200);
      expect(back.rawPayload.equals(bytes)).toBe(true);
      expect(back.headers['content-type']).toBe(type);
      expect(back.headers['x-content-type-options']).toBe('nosniff');
      expect(back.headers['content-disposition']).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    },
  );

  it('records each upload in the audit log with who, which file, size and type, and no content', async () => {
    const res = await upload(alice, fixtures.pdf('audit'), '申请表.pdf');
    const entries = await t.modules.audit.searchEntries({
      action: 'files.upload',
      subjectId: res.json().id,
      limit: 5,
    });
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]).toMatchObject({
      actorId: alice.accountId,
      subjectType: 'file',
      summary: { size: res.json().size, mediaType: 'application/pdf', sha256: res.json().sha256 },
    });
    expect(JSON.stringify(entries.items[0])).not.toContain('申请表');
  });

  it.each([
    ['the EICAR test string renamed .pdf', fixtures.EICAR, 'invoice.pdf'],
    ['a Windows program renamed .pdf', fixtures.exe(), 'scan.pdf'],
    ['an SVG with a script', fixtures.SVG_WITH_SCRIPT, 'photo.png'],
    ['an HTML page', fixtures.HTML_PAGE, 'form.pdf'],
    [
      'a zip without OFD.xml at its root',
      fixtures.zip([{ name: 'Doc/OFD.xml', data: Buffer.from('x') }]),
      'a.ofd',
    ],
    [
      'a zip bomb dressed as OFD',
      fixtures.zip([
        { name: 'OFD.xml', data: Buffer.from('<x/>') },
        { name: 'bomb.bin', data: Buffer.from('x'), declaredSize: 0xfffffff0 },
      ]),
      'bomb.ofd',
    ],
  ])('refuses %s with 415 and stores nothing', async (_what, bytes, name) => {
    const before = blobCount();
    const started = Date.now();
    const res = await upload(alice, bytes, name);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'FILES_TYPE_NOT_ALLOWED',
      title: expect.stringMatching(/不支持/),
    });
    expect(blobCount()).toBe(before);
    expect(readdirSync(join(dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('refuses an empty file with 400', async () => {
    const res = await upload(alice, Buffer.alloc(0), 'empty.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILES_EMPTY');
  });

  it('takes a file of exactly the limit and refuses one byte more with 413, never 500', async () => {
    const exact = Buffer.concat([fixtures.pdf(), Buffer.alloc(MAX_FILE_BYTES - fixtures.pdf().length, 0x20)]);
    expect((await upload(alice, exact, 'big.pdf')).statusCode).toBe(201);
    const over = Buffer.concat([exact, Buffer.from(' ')]);
    const res = await upload(alice, over, 'too-big.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILES_TOO_LARGE', title: '文件超过大小上限' });
    expect(readdirSync(join(dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('refuses other body types: JSON and multipart are not uploads', async () => {
    const json = await upload(alice, Buffer.from('{"a":1}'), 'a.pdf', 'application/json');
    expect([json.statusCode, json.json().code]).toEqual([415, 'FILES_BODY_NOT_BINARY']);
    const multipart = await upload(alice, fixtures.pdf(), 'a.pdf', 'multipart/form-data; boundary=x');
    expect([multipart.statusCode, multipart.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('keeps only the last part of a path-like name, without control characters, capped in length', async () => {
    const cases: Array<[string, string]> = [
      ['../../etc/passwd', 'passwd.pdf'],
      ['..\\..\\windows\\system32\\evil.pdf', 'evil.pdf'],
      ['/abs/path/报告.pdf', '报告.pdf'],
      ['bad\u0000name\u202eFDP.exe', 'badnameFDP.exe.pdf'],
      ['...', '未命名文件.pdf'],
      ['a<b>:c"d|e?f*.PDF', 'a_b__c_d_e_f_.PDF'],
      [`${'长'.repeat(300)}.pdf`, `${'长'.repeat(96)}.pdf`],
    ];
    for (const [given, kept] of cases) {
      const res = await upload(alice, fixtures.pdf(given.slice(0, 10)), given);
      expect([given, res.statusCode, res.json().name]).toEqual([given, 201, kept]);
    }
    const unnamed = await upload(alice, fixtures.png(3));
    expect(unnamed.json().name).toBe('未命名文件.png');
    const absurd = await upload(alice, fixtures.png(4), 'x'.repeat(5000));
    expect([absurd.statusCode, absurd.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(readdirSync(join(dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('stores identical content once on disk but gives each upload its own id', async () => {
    const bytes = fixtures.png(0x42);
    const before = blobCount();
    const first = (await upload(alice, bytes, 'a.png')).json();
    const second = (await upload(bob, bytes, 'b.png')).json();
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(blobCount()).toBe(before + 1);
    expect((await download(bob, second.id)).rawPayload.equals(bytes)).toBe(true);
  });

  it("answers another user's file exactly like a missing one (404)", async () => {
    const mine = (await upload(alice, fixtures.pdf('mine'), 'mine.pdf')).json();
    const theirs = await download(bob, mine.id);
    const missing = await download(bob, '0190a000-0000-7000-8000-000000000000');
    expect(theirs.statusCode).toBe(404);
    const strip = (body: { requestId: string; instance: string }) => ({
      ...body,
      requestId: '',
      instance: '',
    });
    expect(strip(theirs.json())).toEqual(strip(missing.json()));
    const staff = await staffSession(t, ['window_clerk']);
    expect((await download(staff, mine.id)).statusCode).toBe(404);
  });

  it("tells the uploader a file's name, size and type (a draft resumed elsewhere); others get 404", async () => {
    const mine = (await upload(alice, fixtures.pdf('meta'), '场地平面图.pdf')).json();
    const meta = (who: Session, id: string) =>
      t.app.inject({ method: 'GET', url: `/api/files/${id}/meta`, headers: who.headers });
    const res = await meta(alice, mine.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(mine);
    expect((await meta(bob, mine.id)).statusCode).toBe(404);
    expect((await meta(alice, '0190a000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('requires a signed-in user and the CSRF token to upload', async () => {
    expect((await upload(null, fixtures.pdf(), 'a.pdf')).statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: alice.cookie, 'content-type': 'application/octet-stream' },
      payload: fixtures.pdf(),
    });
    expect([noCsrf.statusCode, noCsrf.json().code]).toEqual([403, 'CSRF_REJECTED']);
  });
});
