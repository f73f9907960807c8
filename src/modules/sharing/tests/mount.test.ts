import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, validIdNumber } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { LEGAL_PERSONS, people, publish, type Send, sender, uscc } from './support.ts';

describe('sharing mounting: uploads checked by quality rules, a report per load, nothing half-loaded', () => {
  let t: TestApp;
  let send: Send;
  let scjg: Session;
  let rsj: Session;
  let bureau: Session;
  let id: string;
  const HEADER = '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态';
  const ids = [validIdNumber(), validIdNumber(), validIdNumber()];
  const GOOD = [
    HEADER,
    `${uscc(1)},信阳毛尖茶业有限公司,张三,${ids[0]},2019-05-20,信阳市市场监督管理局,存续`,
    `${uscc(2)},"信阳市浉河区""南湾""鱼业有限公司",李四,${ids[1]},2021/03/01,浉河区市场监督管理局,在业`,
    `${uscc(3)},信阳红茶文化传播有限公司,王五,${ids[2]},20230915,,注销`,
  ].join('\r\n');

  const upload = (who: Session, filename: string, body: Buffer | string, type = 'text/csv') =>
    t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${id}/loads?filename=${encodeURIComponent(filename)}`,
      payload: body,
      headers: { ...who.headers, 'content-type': type },
    });
  const rowsOf = async () => (await send(scjg, 'GET', `/api/sharing/resources/${id}/rows`)).json();

  beforeAll(async () => {
    t = await testApp();
    send = sender(t);
    ({ scjg, rsj, bureau } = await people(t));
    id = (await publish(send, scjg, bureau)).id;
  });
  afterAll(() => t.close());

  it('loads a good CSV: every rule passes, the report says so, ID numbers are encrypted and masked', async () => {
    const res = await upload(scjg, '法人基础信息.csv', GOOD);
    expect(res.statusCode, res.body).toBe(201);
    const load = res.json();
    expect(load).toMatchObject({
      status: 'accepted',
      version: 1,
      report: {
        format: 'csv',
        rows: 3,
        acceptedRows: 3,
        rejectedRows: 0,
        completeness: 1,
        validity: 1,
        uniqueness: 1,
        fileProblems: [],
        problems: [],
        previousLoadAt: null,
      },
    });

    const preview = await rowsOf();
    expect(preview).toMatchObject({ loadId: load.id, total: 3 });
    expect(preview.rows[0]).toMatchObject({
      uscc: uscc(1),
      legal_rep: '张*',
      legal_rep_id: `${ids[0].slice(0, 6)}********${ids[0].slice(-4)}`,
      established_on: '2019-05-20',
      authority: '信阳市市场监督管理局',
    });
    expect(preview.rows[1]).toMatchObject({
      name: '信阳市浉河区"南湾"鱼业有限公司',
      established_on: '2021-03-01',
    });
    expect(preview.rows[2]).toMatchObject({ authority: null, established_on: '2023-09-15' });

    const stored = await sql<{ data: string }>`select data::text as data from sharing.data_row`.execute(t.db);
    expect(stored.rows).toHaveLength(3);
    for (const r of stored.rows) for (const n of ids) expect(r.data).not.toContain(n);
    expect(stored.rows.map((r) => r.data).join()).not.toContain('张三');

    const report = (await send(bureau, 'GET', `/api/sharing/resources/${id}/loads/${load.id}`)).json();
    expect(report.report.validity).toBe(1);
    const events = await sql`select 1 from platform.outbox where type = 'sharing.data-loaded'`.execute(t.db);
    expect(events.rows).toHaveLength(1);
    const audit = await t.modules.audit.searchEntries({
      action: 'sharing-data.load',
      subjectId: id,
      limit: 5,
    });
    expect(audit.items).toHaveLength(1);
  });

  it('refuses a bad file as a whole, lists every problem by row and column, and keeps the previous data', async () => {
    const bad = [
      HEADER,
      `${uscc(4)},,赵六,${validIdNumber()},2020-01-01,,存续`, // row 2: 名称 missing
      `91411502MA9XY0050X,某公司,钱七,${validIdNumber()},2020-01-01,,存续`, // row 3: bad USCC check
      `${uscc(4)},重复公司,孙八,${validIdNumber()},2020-01-01,,存续`, // row 4: duplicate of row 2
      `${uscc(6)},某某公司,周九,411502199013320011,2020-02-30,,营业`, // row 5: bad ID, date, status
      `${uscc(7)},正常公司,吴十,${validIdNumber()},2020-01-01,,存续`, // row 6: fine
    ].join('\n');
    const res = await upload(scjg, 'bad.csv', bad);
    expect(res.statusCode).toBe(201);
    const { status, report } = res.json();
    expect(status).toBe('refused');
    expect(report).toMatchObject({
      rows: 5,
      acceptedRows: 0,
      rejectedRows: 4,
      uniqueness: 0.8,
      validity: 0.4,
    });
    expect(report.completeness).toBeCloseTo(29 / 30, 4);
    const problems = report.problems.map((p: { row: number; column: string; code: string }) => [
      p.row,
      p.column,
      p.code,
    ]);
    expect(problems).toEqual([
      [2, '名称', 'required'],
      [3, '统一社会信用代码', 'rule'],
      [4, '统一社会信用代码', 'duplicate'],
      [5, '法定代表人身份证号', 'rule'],
      [5, '成立日期', 'type'],
      [5, '状态', 'rule'],
    ]);
    expect(report.problems[1].message).toContain('校验位');
    expect(report.problems[2].message).toContain('与第 2 行重复');
    expect(report.problems[3].message).not.toContain('411502199013320011');
    // nothing half-loaded: the three good rows are still the resource's data
    expect((await rowsOf()).total).toBe(3);
    expect(res.json().report.previousLoadAt).not.toBeNull();
  });

  it('refuses wrong columns, GBK encoding and wrong file types with a clear problem, nothing loaded', async () => {
    const problem = async (res: Awaited<ReturnType<typeof upload>>) => {
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe('refused');
      return res
        .json()
        .report.fileProblems.map((p: { code: string; column: string | null }) => [p.code, p.column]);
    };
    const columns = `统一社会信用代码,企业名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态,状态\n${uscc(1)},x,y,z,2020-01-01,,存续,存续`;
    expect(await problem(await upload(scjg, 'cols.csv', columns))).toEqual([
      ['unknown-column', '企业名称'],
      ['duplicate-column', '状态'],
      ['missing-column', '名称'],
    ]);

    // 名称 in GBK (C3FB B3C6): not UTF-8
    const gbk = Buffer.concat([
      Buffer.from('统一社会信用代码,'),
      Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]),
      Buffer.from('\n'),
    ]);
    const encoding = await upload(scjg, 'gbk.csv', gbk);
    expect(await problem(encoding)).toEqual([['encoding', null]]);
    expect(encoding.json().report.fileProblems[0].message).toContain('GBK');

    expect(
      await problem(await upload(scjg, 'scan.pdf', Buffer.from('%PDF-1.7\n'), 'application/octet-stream')),
    ).toEqual([['file-type', null]]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await problem(await upload(scjg, 'data.csv', png))).toEqual([['file-type', null]]);
    expect(
      await problem(await upload(scjg, 'data.xlsx', Buffer.from(GOOD), 'application/octet-stream')),
    ).toEqual([['file-type', null]]);
    expect(await problem(await upload(scjg, 'data.json', '{"a":', 'application/octet-stream'))).toEqual([
      ['unreadable', null],
    ]);
    expect(await problem(await upload(scjg, 'empty.csv', HEADER))).toEqual([['empty', null]]);
    expect((await rowsOf()).total).toBe(3);
    const refused = await sql`select 1 from sharing.data_load where status = 'refused'`.execute(t.db);
    expect(refused.rows.length).toBeGreaterThanOrEqual(8);
  });

  it('loads XLSX and JSON files the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('法人');
    ws.addRow(HEADER.split(','));
    ws.addRow([uscc(8), '信阳表格公司', '郑一', validIdNumber(), new Date(Date.UTC(2018, 6, 1)), '', '存续']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(
      scjg,
      '法人.xlsx',
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.json()).toMatchObject({ status: 'accepted', report: { format: 'xlsx', rows: 1 } });
    expect((await rowsOf()).rows[0]).toMatchObject({ name: '信阳表格公司', established_on: '2018-07-01' });

    const json = JSON.stringify([
      {
        uscc: uscc(9),
        name: '信阳接口公司',
        legal_rep: '王二',
        legal_rep_id: validIdNumber(),
        established_on: '2017-01-02',
        authority: null,
        status: '存续',
      },
      {
        uscc: uscc(10),
        name: '信阳数据公司',
        legal_rep: '王三',
        legal_rep_id: validIdNumber(),
        established_on: '2017-01-03',
        authority: '',
        status: '在业',
      },
    ]);
    const loaded = await upload(scjg, 'rows.json', json, 'application/octet-stream');
    expect(loaded.json()).toMatchObject({ status: 'accepted', report: { format: 'json', rows: 2 } });
    expect((await rowsOf()).total).toBe(2);
    const list = (await send(scjg, 'GET', `/api/sharing/resources/${id}/loads`)).json();
    expect(list.items[0]).toMatchObject({ status: 'accepted', fileName: 'rows.json', rows: 2 });
  });

  it('another department cannot mount, read loads or preview rows (404); drafts cannot be mounted (409)', async () => {
    expect((await upload(rsj, 'x.csv', GOOD)).statusCode).toBe(404);
    expect((await send(rsj, 'GET', `/api/sharing/resources/${id}/loads`)).statusCode).toBe(404);
    expect((await send(rsj, 'GET', `/api/sharing/resources/${id}/rows`)).statusCode).toBe(404);
    expect((await send(bureau, 'GET', `/api/sharing/resources/${id}/rows`)).statusCode).toBe(200);
    const draft = (
      await send(scjg, 'POST', '/api/sharing/resources', { ...LEGAL_PERSONS, name: '草稿' })
    ).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${draft.id}/loads?filename=a.csv`,
      payload: GOOD,
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    expect([res.statusCode, res.json().code]).toEqual([409, 'SHARING_NOT_MOUNTABLE']);
    const huge = await upload(scjg, 'huge.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    expect(huge.statusCode).toBe(413);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${id}/loads?filename=a.json`,
      payload: '[]',
      headers: { ...scjg.headers, 'content-type': 'application/json' },
    });
    expect(json.statusCode).toBe(415);
    const noName = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${id}/loads`,
      payload: GOOD,
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    expect(noName.statusCode).toBe(400);
  });

  it('registers an API as the mount (metadata only)', async () => {
    const api = {
      url: 'https://scjg.xinyang.example/api/legal-persons',
      method: 'GET',
      authentication: 'OAuth2 客户端凭证',
      responseFormat: 'JSON',
    };
    const res = await send(scjg, 'PUT', `/api/sharing/resources/${id}/api-mount`, api);
    expect(res.json()).toMatchObject({ mountKind: 'api', apiMount: { ...api, description: '' } });
    expect(
      (await send(scjg, 'PUT', `/api/sharing/resources/${id}/api-mount`, { ...api, url: 'ftp://x' }))
        .statusCode,
    ).toBe(400);
    expect((await send(rsj, 'PUT', `/api/sharing/resources/${id}/api-mount`, api)).statusCode).toBe(404);
    expect((await send(scjg, 'GET', `/api/sharing/resources/${id}`)).json()).toMatchObject({
      mountKind: 'api',
    });
  });
  it('checks a reference to another resource’s current data (法人年报 → 法人基础信息)', async () => {
    const code = (await send(scjg, 'GET', `/api/sharing/resources/${id}`)).json().code;
    const reports = await publish(send, scjg, bureau, {
      ...LEGAL_PERSONS,
      name: '法人年度报告',
      classification: { ...LEGAL_PERSONS.classification, mu: { code: '002', name: '法人年报信息' } },
      items: [
        {
          name: '统一社会信用代码',
          key: 'uscc',
          type: 'C',
          length: 18,
          isRequired: true,
          rules: { references: { resourceCode: code, itemKey: 'uscc' } },
        },
        { name: '年度', key: 'year', type: 'I', isRequired: true, rules: { min: 2000, max: 2100 } },
      ],
      relatedCodes: [code],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${reports.id}/loads?filename=reports.csv`,
      payload: `统一社会信用代码,年度\n${uscc(9)},2025\n${uscc(1)},2025\n${uscc(10)},1999\n`,
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    const { status, report } = res.json();
    expect(status).toBe('refused');
    expect(report.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '年度'],
    ]);
  });

  it('refuses a version that changes a loaded item’s sensitivity or type (409); stored values stay readable', async () => {
    const R = '/api/sharing/resources';
    const loadInto = (rid: string) =>
      t.app.inject({
        method: 'POST',
        url: `${R}/${rid}/loads?filename=a.csv`,
        payload: GOOD,
        headers: { ...scjg.headers, 'content-type': 'text/csv' },
      });
    const body = {
      ...LEGAL_PERSONS,
      name: '法人基础信息（信息项变更）',
      classification: { ...LEGAL_PERSONS.classification, mu: { code: '003', name: '变更测试' } },
    };
    const withItem = (key: string, change: object) => ({
      ...body,
      items: body.items.map((i) => (i.key === key ? { ...i, ...change } : i)),
    });
    const loaded = (await publish(send, scjg, bureau, body)).id;
    expect((await loadInto(loaded)).statusCode).toBe(201);

    const unmasked = await send(
      scjg,
      'PUT',
      `${R}/${loaded}`,
      withItem('legal_rep_id', { sensitivity: 'general' }),
    );
    expect(unmasked.statusCode, unmasked.body).toBe(409);
    expect(unmasked.json()).toMatchObject({
      code: 'SHARING_STORED_ITEM_CHANGED',
      title: '已挂接数据的信息项不能更改类型或敏感级别',
    });
    expect(unmasked.json().detail).toContain('法定代表人身份证号');
    const retyped = await send(
      scjg,
      'PUT',
      `${R}/${loaded}`,
      withItem('authority', { type: 'N', length: 10 }),
    );
    expect(retyped.json()).toMatchObject({ code: 'SHARING_STORED_ITEM_CHANGED' });
    // other edits still make a new version
    const weekly = await send(scjg, 'PUT', `${R}/${loaded}`, { ...body, updateCycle: 'weekly' });
    expect(weekly.json()).toMatchObject({ version: 2, state: 'draft' });

    // a draft edited before any load is re-checked when it is published after one
    const early = (await publish(send, scjg, bureau, { ...body, name: '法人基础信息（先改后挂）' })).id;
    const draft = await send(scjg, 'PUT', `${R}/${early}`, {
      ...withItem('legal_rep', { sensitivity: 'general' }),
      name: '法人基础信息（先改后挂）',
    });
    expect(draft.json()).toMatchObject({ version: 2, state: 'draft' });
    await send(scjg, 'POST', `${R}/${early}/submit`);
    expect((await loadInto(early)).statusCode).toBe(201);
    const approved = await send(bureau, 'POST', `${R}/${early}/approve`);
    expect(approved.statusCode, approved.body).toBe(409);
    expect(approved.json()).toMatchObject({ code: 'SHARING_STORED_ITEM_CHANGED' });

    for (const rid of [loaded, early]) {
      const preview = await send(scjg, 'GET', `${R}/${rid}/rows`);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().rows[0]).toMatchObject({ legal_rep: '张*' });
    }
  });
  it('refuses re-adding a dropped item with another sensitivity or type while an older version’s rows keep it (409)', async () => {
    const R = '/api/sharing/resources';
    const body = {
      ...LEGAL_PERSONS,
      name: '法人基础信息（删后重加）',
      classification: { ...LEGAL_PERSONS.classification, mu: { code: '011', name: '删后重加测试' } },
    };
    const withItem = (key: string, change: object) => ({
      ...body,
      items: body.items.map((i) => (i.key === key ? { ...i, ...change } : i)),
    });
    // v1: 法定代表人身份证号 encrypted, 登记机关 plain, both with loaded rows
    const rid = (await publish(send, scjg, bureau, body)).id;
    const loaded = await t.app.inject({
      method: 'POST',
      url: `${R}/${rid}/loads?filename=a.csv`,
      payload: GOOD,
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    expect(loaded.statusCode, loaded.body).toBe(201);
    // v2 drops both items and is published: the v1 rows still hold their values
    const dropped = await send(scjg, 'PUT', `${R}/${rid}`, {
      ...body,
      items: body.items.filter((i) => i.key !== 'legal_rep_id' && i.key !== 'authority'),
    });
    expect(dropped.json(), dropped.body).toMatchObject({ version: 2, state: 'draft' });
    expect((await send(scjg, 'POST', `${R}/${rid}/submit`)).statusCode).toBe(200);
    const v2 = await send(bureau, 'POST', `${R}/${rid}/approve`);
    expect(v2.statusCode, v2.body).toBe(200);

    // v3 brings them back with another sensitivity: sensitive → general, general → sensitive
    const unmasked = await send(
      scjg,
      'PUT',
      `${R}/${rid}`,
      withItem('legal_rep_id', { sensitivity: 'general' }),
    );
    expect(unmasked.statusCode, unmasked.body).toBe(409);
    expect(unmasked.json()).toMatchObject({ code: 'SHARING_STORED_ITEM_CHANGED' });
    expect(unmasked.json().detail).toContain('法定代表人身份证号');
    const masked = await send(scjg, 'PUT', `${R}/${rid}`, withItem('authority', { sensitivity: 'name' }));
    expect(masked.statusCode, masked.body).toBe(409);
    expect(masked.json().detail).toContain('登记机关');
    const retyped = await send(scjg, 'PUT', `${R}/${rid}`, withItem('authority', { type: 'N', length: 10 }));
    expect(retyped.json()).toMatchObject({ code: 'SHARING_STORED_ITEM_CHANGED' });
    // brought back as they were: accepted, and the stored values read as before
    const same = await send(scjg, 'PUT', `${R}/${rid}`, body);
    expect(same.json(), same.body).toMatchObject({ version: 3, state: 'draft' });
    expect((await send(scjg, 'POST', `${R}/${rid}/submit`)).statusCode).toBe(200);
    expect((await send(bureau, 'POST', `${R}/${rid}/approve`)).statusCode).toBe(200);
    const preview = await send(scjg, 'GET', `${R}/${rid}/rows`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().rows[0]).toMatchObject({ legal_rep: '张*', authority: '信阳市市场监督管理局' });
  });
});
