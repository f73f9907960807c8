import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../../../test/support/auth.ts';
import { seedId } from '../../seed.ts';
import { parseWorkbook } from '../parse.ts';
import { readWorkbook, XLSX_TYPE } from '../workbook.ts';
import { ADMIN, countVersions, exportFile, importFile, openBook } from './helpers.ts';

const impl = (seedKey: string, division = '411500') => seedId(`implementation:${seedKey}:${division}`);
const FOOD = 'XY-SCJG-009'; // 食品经营许可（新办）: legal 10, promised 5, 市级+县级

type Problem = { sheet: string; row: number; column: string; message: string };

describe('catalog Excel: the implementation list exported, edited and imported back', () => {
  let t: TestApp;
  let editor: Session; // 信阳市市场监督管理局's dept_admin
  let police: Session; // 信阳市公安局's dept_admin
  let shihe: Session; // 浉河区市场监督管理局's dept_admin
  let office: Session;
  let foodCode: string;
  const department = async (division: string, kind: string) =>
    (await t.modules.org.findDepartment(division, kind))?.id ?? null;
  const guide = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/catalog/implementations/${id}` })).json();
  const problemsOf = (res: { json(): { errors: Problem[] } }) =>
    res.json().errors.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column }));

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    editor = await staffSession(t, ['dept_admin'], 'scjg', await department('411500', '市场监督管理局'));
    police = await staffSession(t, ['dept_admin'], 'gaj', await department('411500', '公安局'));
    shihe = await staffSession(t, ['dept_admin'], 'shihe', await department('411502', '市场监督管理局'));
    office = await staffSession(t, ['office_admin'], 'office');
    foodCode = (await guide(impl(FOOD))).code;
  }, 120_000);
  afterAll(() => t.close());

  it('exports the department list as an .xlsx attachment with 事项 and 材料 sheets', async () => {
    const { res, bytes } = await exportFile(t, editor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const book = await openBook(bytes);
    expect(book.wb.worksheets.map((w) => w.name)).toEqual(['事项', '材料']);
    const row = book.rowOf('事项', foodCode);
    expect(book.get('事项', row, '事项名称')).toBe('食品经营许可（新办）');
    expect([book.get('事项', row, '法定办结时限'), book.get('事项', row, '承诺办结时限')]).toEqual([10, 5]);
    expect(book.get('材料', book.rowOf('材料', foodCode), '序号')).toBe(1);
    // every row is this department's
    const dept = book.col('事项', '实施部门');
    for (let r = 2; r <= book.sheet('事项').rowCount; r++) {
      expect(book.sheet('事项').getRow(r).getCell(dept).value).toBe('信阳市市场监督管理局');
    }
  });

  it('round-trips losslessly: every parsed row deep-equals its published content (city and county)', async () => {
    for (const who of [editor, shihe]) {
      const sheets = await readWorkbook((await exportFile(t, who)).bytes);
      if (!sheets) throw new Error('export is not readable');
      const { items, problems } = parseWorkbook(sheets);
      expect(problems).toEqual([]);
      expect(items.length).toBeGreaterThan(5);
      const ids = new Map<string, string>();
      for (const item of items) {
        const published = await t.app.inject({
          method: 'GET',
          url: `/api/catalog/items?division=${item.identity.division}&pageSize=100`,
        });
        for (const s of published.json().items as Array<{ code: string; implementationId: string }>) {
          ids.set(s.code, s.implementationId);
        }
        const id = ids.get(item.code);
        if (!id) throw new Error(`no published implementation ${item.code}`);
        expect(item.content).toEqual((await guide(id)).version.content);
      }
    }
  });

  it('imports an unchanged export as 0 changes and writes no version', async () => {
    const before = await countVersions(t);
    const res = await importFile(t, editor, (await exportFile(t, editor)).bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ changed: 0, submitted: [] });
    expect(res.json().unchanged).toBe(res.json().rows);
    expect(await countVersions(t)).toBe(before);
  });

  it('submits exactly one draft for one edited promised limit; the office approves and publishes it', async () => {
    const book = await openBook((await exportFile(t, editor)).bytes);
    book.set('事项', book.rowOf('事项', foodCode), '承诺办结时限', 3);
    const res = await importFile(t, editor, await book.bytes());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed).toBe(1);
    const [submitted] = res.json().submitted;
    expect(submitted).toMatchObject({
      implementationId: impl(FOOD),
      code: foodCode,
      elements: ['promisedLimitDays'],
    });
    const queue = (
      await t.app.inject({ method: 'GET', url: `${ADMIN}/review-queue`, headers: office.headers })
    )
      .json()
      .items.map((q: { version: { id: string } }) => q.version.id);
    expect(queue).toContain(submitted.versionId);
    const step = (verb: string) =>
      t.app.inject({
        method: 'POST',
        url: `${ADMIN}/versions/${submitted.versionId}/${verb}`,
        headers: office.headers,
        payload: {},
      });
    expect((await step('approve')).json().state).toBe('approved');
    expect((await step('publish')).json().state).toBe('published');
    const live = await guide(impl(FOOD));
    expect([live.version.id, live.version.content.promisedLimitDays]).toEqual([submitted.versionId, 3]);
    const audit = await t.modules.audit.searchEntries({ action: 'catalog.list.imported', limit: 10 });
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });

  it('lets a county change its own elements; a city element changed there is reported', async () => {
    const book = await openBook((await exportFile(t, shihe, '?division=411502')).bytes);
    const row = book.rowOf('事项', (await guide(impl(FOOD, '411502'))).code);
    book.set('事项', row, '本地说明', '浉河区周六上午可办理');
    const ok = await importFile(t, shihe, await book.bytes());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().submitted.map((s: { elements: string[] }) => s.elements)).toEqual([['localNotes']]);
    book.set('事项', row, '事项名称', '改了名字');
    const bad = await importFile(t, shihe, await book.bytes());
    expect(bad.statusCode).toBe(422);
    expect(problemsOf(bad)).toEqual([{ sheet: '事项', row, column: '事项名称' }]);
  });

  it('refuses a file with one bad row (promised > legal): 422 naming sheet, row and column, nothing written', async () => {
    const book = await openBook((await exportFile(t, editor)).bytes);
    const row = book.rowOf('事项', foodCode);
    book.set('事项', row, '承诺办结时限', 30);
    const before = await countVersions(t);
    const res = await importFile(t, editor, await book.bytes());
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('CATALOG_IMPORT_INVALID');
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        sheet: '事项',
        row,
        column: '承诺办结时限',
        path: `事项.${row}.承诺办结时限`,
      }),
    ]);
    expect(res.json().errors[0].message).toContain('不得超过法定办结时限');
    expect(await countVersions(t)).toBe(before);
  });

  it('reports every bad cell: numbers, enums, yes/no, instant with a promise, materials', async () => {
    const book = await openBook((await exportFile(t, editor)).bytes);
    const [a, b] = [2, 3];
    book.set('事项', a, '法定办结时限', '十天');
    book.set('事项', a, '即办件', '可能');
    book.set('事项', b, '网上办理深度', 7);
    book.set('事项', b, '事项类型编码', '99');
    const food = book.rowOf('事项', foodCode); // promises 3 days
    book.set('事项', food, '即办件', '是');
    const m = book.rowOf('材料', String(book.get('事项', a, '实施编码')));
    book.set('材料', m, '份数', 'abc');
    book.set('材料', m, '材料形式', '传真');
    const res = await importFile(t, editor, await book.bytes());
    expect(res.statusCode).toBe(422);
    expect(problemsOf(res)).toEqual(
      expect.arrayContaining([
        { sheet: '事项', row: a, column: '法定办结时限' },
        { sheet: '事项', row: a, column: '即办件' },
        { sheet: '事项', row: b, column: '网上办理深度' },
        { sheet: '事项', row: b, column: '事项类型编码' },
        { sheet: '材料', row: m, column: '份数' },
        { sheet: '材料', row: m, column: '材料形式' },
        { sheet: '事项', row: food, column: '承诺办结时限' },
      ]),
    );
    expect(res.json().errors).toHaveLength(7);
  });

  it('reports missing and unknown columns and a missing sheet', async () => {
    const book = await openBook((await exportFile(t, editor)).bytes);
    book.sheet('事项').spliceColumns(book.col('事项', '承诺办结时限'), 1);
    book.set('事项', 1, '关键词', '关键字');
    const res = await importFile(t, editor, await book.bytes());
    expect(res.statusCode).toBe(422);
    expect(problemsOf(res)).toEqual(
      expect.arrayContaining([
        { sheet: '事项', row: 1, column: '承诺办结时限' },
        { sheet: '事项', row: 1, column: '关键词' },
        { sheet: '事项', row: 1, column: '关键字' },
      ]),
    );
    book.wb.removeWorksheet(book.sheet('材料').id);
    const noSheet = await importFile(t, editor, await book.bytes());
    expect(noSheet.json().errors).toContainEqual(
      expect.objectContaining({ sheet: '材料', message: '缺少工作表“材料”' }),
    );
  });

  it('reports an unknown department, unknown and foreign codes, duplicates and orphan materials', async () => {
    const book = await openBook((await exportFile(t, editor)).bytes);
    const policeCode = String(
      (await openBook((await exportFile(t, police)).bytes)).get('事项', 2, '实施编码'),
    );
    book.set('事项', 2, '实施部门', '信阳市不存在局');
    book.set('事项', 3, '实施部门', '信阳市公安局');
    book.set('事项', 4, '实施编码', 'NO-SUCH-CODE');
    book.set('事项', 5, '实施编码', policeCode);
    book.set('事项', 7, '实施编码', String(book.get('事项', 6, '实施编码')));
    const res = await importFile(t, editor, await book.bytes());
    expect(res.statusCode).toBe(422);
    const messages = res.json().errors.map((p: Problem) => `${p.sheet}.${p.row}.${p.column}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        '事项.2.实施部门: 未知的部门“信阳市不存在局”',
        '事项.3.实施部门: “信阳市公安局”不是您所在的部门',
        expect.stringMatching(/^事项\.4\.实施编码: 未知的实施编码 NO-SUCH-CODE/),
        expect.stringMatching(/^事项\.5\.实施编码: .*由其他部门实施/),
        expect.stringMatching(/^事项\.7\.实施编码: .*与第 6 行重复/),
        expect.stringMatching(/^材料\.\d+\.实施编码: .*在“事项”表中没有对应的行/),
      ]),
    );
  });

  it("keeps another department's admin out: their import of your file changes nothing", async () => {
    const before = await countVersions(t);
    const res = await importFile(t, police, (await exportFile(t, editor)).bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.every((p: Problem) => ['实施部门', '实施编码'].includes(p.column))).toBe(true);
    expect(await countVersions(t)).toBe(before);
    const other = await exportFile(t, police, `?department=${await department('411500', '市场监督管理局')}`);
    expect([other.res.statusCode, other.res.json().code]).toEqual([403, 'CATALOG_NOT_OWNER']);
  });

  it('answers bad uploads with clean problems: not xlsx 400, JSON 415, oversize 413 without reading it', async () => {
    const junk = await importFile(t, editor, Buffer.from('PK\u0003\u0004 not really a zip'));
    expect([junk.statusCode, junk.json().code]).toEqual([400, 'CATALOG_IMPORT_NOT_XLSX']);
    const json = await importFile(t, editor, '{"rows": []}', 'application/json');
    expect([json.statusCode, json.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const text = await importFile(t, editor, 'hello', 'text/plain');
    expect(text.statusCode).toBe(415);
    const eleven = await importFile(t, editor, Buffer.alloc(11 * 1024 * 1024, 1));
    expect([eleven.statusCode, eleven.json().code]).toEqual([413, 'CATALOG_IMPORT_TOO_LARGE']);
    expect(eleven.headers['content-type']).toMatch(/^application\/problem\+json/);
    const started = performance.now();
    const fifty = await importFile(t, editor, Buffer.alloc(50 * 1024 * 1024, 1));
    expect(fifty.statusCode).toBe(413);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('lets only department admins import, and department or office admins export', async () => {
    const citizen = await signUpCitizen(t);
    const bytes = (await exportFile(t, editor)).bytes;
    expect((await importFile(t, citizen, bytes)).statusCode).toBe(403);
    expect((await importFile(t, office, bytes)).statusCode).toBe(403);
    expect((await importFile(t, null, bytes)).statusCode).toBe(401);
    expect((await exportFile(t, citizen)).res.statusCode).toBe(403);
    const noDept = await exportFile(t, office);
    expect([noDept.res.statusCode, noDept.res.json().code]).toEqual([
      400,
      'CATALOG_EXPORT_DEPARTMENT_REQUIRED',
    ]);
    const any = await exportFile(t, office, `?department=${await department('411500', '公安局')}`);
    expect(any.res.statusCode).toBe(200);
  });
});
