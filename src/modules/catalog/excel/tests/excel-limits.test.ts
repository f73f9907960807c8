// The import's defences over HTTP: the 10 MB body cap (413 before the body is read, also without a
// Content-Length and over a real socket) and zip bombs refused before exceljs parses them — each a
// problem+json with a stable code and a Chinese title, and nothing imported.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../../test/support/app.ts';
import { type Session, staffSession } from '../../../../../test/support/auth.ts';
import { XLSX_TYPE } from '../workbook.ts';
import { ADMIN, countVersions, exportFile, importFile } from './helpers.ts';
import { XLSX_PARTS, zeros, zipOf } from './zip-bytes.ts';

describe('catalog Excel import: size cap and zip-bomb guard', () => {
  let t: TestApp;
  let editor: Session;
  const imports = async () =>
    (await t.modules.audit.searchEntries({ action: 'catalog.list.imported', limit: 50 })).items.length;
  /** Nothing imported: no new version, no import audit entry. */
  async function expectNothingImported(action: () => Promise<unknown>) {
    const [versions, audited] = [await countVersions(t), await imports()];
    await action();
    expect([await countVersions(t), await imports()]).toEqual([versions, audited]);
  }

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    const scjg = await t.modules.org.findDepartment('411500', '市场监督管理局');
    editor = await staffSession(t, ['dept_admin'], 'scjg', scjg?.id ?? null);
  }, 120_000);
  afterAll(() => t.close());

  it('refuses a 60 MB zip bomb (60 KB on the wire) with 422 before parsing; nothing imported', async () => {
    const bomb = zipOf([...XLSX_PARTS, { name: 'xl/worksheets/sheet1.xml', data: zeros(60) }]);
    await expectNothingImported(async () => {
      const res = await importFile(t, editor, bomb);
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        code: 'CATALOG_IMPORT_UNSAFE_ARCHIVE',
        title: '文件解压后过大或压缩比异常，未导入任何内容',
      });
      expect(res.json().detail).toContain('超过 50.0 MB 的上限');
    });
  });

  it('refuses a ratio over 100:1 under the size limit and sizes that lie; an honest export passes', async () => {
    const ratio = zipOf([...XLSX_PARTS, { name: 'xl/media/pad.xml', data: zeros(20) }]);
    const liar = zipOf([
      ...XLSX_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: zeros(40), declaredSize: 4096 },
    ]);
    await expectNothingImported(async () => {
      for (const [bytes, detail] of [
        [ratio, /^压缩比 \d+:1 异常/],
        [liar, /与其声明的大小不符/],
      ] as const) {
        const res = await importFile(t, editor, bytes);
        expect([res.statusCode, res.json().code]).toEqual([422, 'CATALOG_IMPORT_UNSAFE_ARCHIVE']);
        expect(res.json().detail).toMatch(detail);
      }
    });
    // the guard lets an honest export through (0 changes)
    const honest = await importFile(t, editor, (await exportFile(t, editor)).bytes);
    expect(honest.json()).toMatchObject({ changed: 0 });
  });

  it('answers 413 CATALOG_IMPORT_TOO_LARGE for 11 MB and 50 MB at once, without reading them', async () => {
    await expectNothingImported(async () => {
      for (const mb of [11, 50]) {
        const started = performance.now();
        const res = await importFile(t, editor, Buffer.alloc(mb * 1024 * 1024, 1));
        expect([res.statusCode, res.json().code]).toEqual([413, 'CATALOG_IMPORT_TOO_LARGE']);
        expect(res.json()).toMatchObject({ title: '导入文件过大，未导入任何内容' });
        expect(res.json().detail).toBe(`导入文件不能超过 10 MB（本次上传 ${mb}.0 MB）`);
        expect(performance.now() - started).toBeLessThan(3000);
      }
    });
  });

  it('stops a body without Content-Length as soon as it passes 10 MB', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 1);
    let sent = 0;
    const body = new Readable({
      read() {
        sent++;
        this.push(sent <= 30 ? chunk : null);
      },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `${ADMIN}/import`,
      headers: { ...editor.headers, 'content-type': XLSX_TYPE },
      payload: body,
    });
    expect([res.statusCode, res.json().code]).toEqual([413, 'CATALOG_IMPORT_TOO_LARGE']);
  });

  it('gives a browser-like client uploading 50 MB over a real socket the 413 problem, not a reset', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    const res = await fetch(`http://127.0.0.1:${address.port}${ADMIN}/import`, {
      method: 'POST',
      headers: { ...editor.headers, 'content-type': XLSX_TYPE },
      body: Buffer.alloc(50 * 1024 * 1024, 1),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { code: string }).code).toBe('CATALOG_IMPORT_TOO_LARGE');
  });
});
