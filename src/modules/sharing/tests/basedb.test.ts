// 基础库 (decision 0015): 人口, 法人, 电子证照 and 行政区划 are 信阳市数据局's published base resources,
// filled from identity, licenses and org through their doors and kept current by their events; read
// through the gateway under a grant with the same masking as uploaded data.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession, validIdNumber } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { concludeFoodCase, seedCity } from '../../licenses/tests/support.ts';
import { BASE_RESOURCES, type BaseKind } from '../basedb/index.ts';
import { enqueue } from '../basedb/store.ts';
import { people, type Send, sender, uscc } from './support.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

describe('sharing base databases (基础库): registered, filled from the owning modules, kept current by events', () => {
  let t: TestApp;
  let send: Send;
  let base: string;
  let rsj: Session;
  let bureau: Session;
  let sjjData: Session;
  let clientId: string;
  let clientSecret: string;
  const ids: Partial<Record<BaseKind, string>> = {};

  const preview = async (kind: BaseKind) => {
    const res = await send(bureau, 'GET', `/api/sharing/resources/${ids[kind]}/rows?page=1`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; rows: Array<Record<string, unknown>> };
  };
  const loads = async (kind: BaseKind) =>
    (await send(bureau, 'GET', `/api/sharing/resources/${ids[kind]}/loads`)).json().items as Array<{
      id: string;
    }>;
  const codeOf = async (kind: BaseKind) =>
    (await send(bureau, 'GET', `/api/sharing/resources/${ids[kind]}`)).json().code as string;
  async function tokenFor() {
    const res = await fetch(`${base}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: `${base}/share/v1` }),
    });
    expect(res.status).toBe(200);
    return (await res.json()).access_token as string;
  }
  /** 人社局 asks for a base resource; 数据局's data officer approves when it waits for the provider. */
  async function granted(kind: BaseKind, fields: string[]) {
    const asked = await send(rsj, 'POST', '/api/sharing/requests', {
      resourceId: ids[kind],
      purpose: '就业补贴审核中核验申请人身份',
      legalBasis: '《就业促进法》第十五条',
      fields,
      periodFrom: '2026-03-01',
      periodTo: '2026-12-31',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    if (asked.json().state === 'pending') {
      const ok = await send(sjjData, 'POST', `/api/sharing/requests/${asked.json().id}/approve`, { fields });
      expect(ok.statusCode, ok.body).toBe(200);
    }
    const res = await fetch(`${base}/share/v1/resources/${encodeURIComponent(await codeOf(kind))}/rows`, {
      headers: { authorization: `Bearer ${await tokenFor()}` },
    });
    expect(res.status).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await testApp({ config: { port, publicUrl: base } });
    await t.app.listen({ port, host: '127.0.0.1' });
    send = sender(t);
    ({ rsj, bureau } = await people(t));
    const sjj = await t.modules.org.findDepartment('411500', '数据局');
    sjjData = await staffSession(t, ['data_officer'], 'sjj-data', sjj?.id ?? null);
    expect(await t.modules.basedb.ensure()).toBe(4);
    for (const kind of ['population', 'legal-person', 'license', 'division'] as const)
      ids[kind] = (await t.modules.basedb.resourceOf(kind)) ?? undefined;
    await t.modules.runJobs();
    ({ clientId, clientSecret } = (
      await send(rsj, 'POST', '/api/sharing/clients', { name: '就业补贴审核系统' })
    ).json());
  }, 60_000);
  afterAll(() => t.close());

  it("the four are 数据局's published 基础 resources with the right share types; a second start adds nothing", async () => {
    expect(await t.modules.basedb.ensure()).toBe(0);
    const listed = await send(bureau, 'GET', '/api/sharing/catalog?attribute=basic');
    expect(listed.statusCode, listed.body).toBe(200);
    const byName = new Map(
      listed
        .json()
        .items.map((r: { name: string; shareType: string; departmentName: string }) => [r.name, r]),
    );
    for (const input of Object.values(BASE_RESOURCES)) {
      expect(byName.get(input.name), input.name).toMatchObject({
        shareType: input.shareType,
        departmentName: '信阳市数据局',
      });
    }
    expect(listed.json().items.filter((r: { name: string }) => r.name === '人口基础信息')).toHaveLength(1);
    // the divisions were rebuilt from org on the first run
    const divisions = await preview('division');
    expect(divisions.total).toBeGreaterThan(200);
    expect(divisions.rows[0]).toMatchObject({ code: '411500', name: '信阳市', level: '市级' });
  });

  it('a citizen who signs up is in 人口基础信息 after the jobs run, masked in the preview', async () => {
    const before = (await preview('population')).total;
    const citizen = await signUpCitizen(t, { realName: '周八' });
    await t.modules.runJobs();
    const after = await preview('population');
    expect(after.total).toBe(before + 1);
    const idNumber = citizen.input.idNumber;
    const row = after.rows.find((r) => r.name === '周*');
    expect(row).toMatchObject({
      id_number: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      gender: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
      status: '正常',
      real_name_level: 1,
      // year and month of birth only: with 性别 and 户籍地 a full date would re-identify the person
      birth_month: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}`,
    });
    expect(row).not.toHaveProperty('birth_date');
    // encrypted at rest: the stored row holds neither the ID number nor the phone in plain
    const stored = await sql<{ data: string }>`select data::text as data from sharing.data_row
      where resource_id = ${ids.population}`.execute(t.db);
    const all = stored.rows.map((r) => r.data).join('\n');
    expect(all).not.toContain(idNumber);
    expect(all).not.toContain(citizen.input.phone);
  });

  it('人社局 with a grant gets the population rows through the gateway with ID numbers and phones masked', async () => {
    const body = await granted('population', ['name', 'id_number', 'phone', 'status']);
    expect(body.masked.sort()).toEqual(['id_number', 'name', 'phone']);
    expect(body.rows.length).toBeGreaterThan(0);
    for (const row of body.rows) {
      expect(row.id_number).toMatch(/^\d{6}\*{8}\w{4}$/);
      expect(row.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
  });

  it('a subscriber of 人口基础信息 pulls one change notice per refresh, with no personal data in it', async () => {
    const sub = await send(rsj, 'POST', '/api/sharing/subscriptions', {
      resourceId: ids.population,
      mode: 'pull',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    await signUpCitizen(t, { realName: '冯十二' });
    await t.modules.runJobs();
    const pulled = await send(rsj, 'GET', `/api/sharing/subscriptions/${sub.json().id}/changes`);
    expect(pulled.statusCode, pulled.body).toBe(200);
    const changes = pulled.json().changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      type: 'sharing.data-loaded',
      counts: { rows: 1, accepted: 1, rejected: 0 },
    });
    expect(JSON.stringify(changes)).not.toContain('冯');
  });

  it('an enterprise opened by a citizen shows up in 法人单位基础信息 with its legal representative masked', async () => {
    const rep = await signUpCitizen(t, { realName: '吴九' });
    const code = uscc(77);
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: code, name: '信阳浉河茶叶合作社有限公司' },
      headers: rep.headers,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    await t.modules.runJobs();
    const rows = (await preview('legal-person')).rows;
    expect(rows.find((r) => r.uscc === code)).toMatchObject({
      name: '信阳浉河茶叶合作社有限公司',
      legal_rep: '吴*',
      legal_rep_id: `${rep.input.idNumber.slice(0, 6)}********${rep.input.idNumber.slice(-4)}`,
      division_code: '411502',
      checksum: '通过',
    });
  });

  it('行政区划 is 无条件共享: granted at once and served unmasked', async () => {
    const body = await granted('division', ['code', 'name', 'level', 'parent_code']);
    expect(body.masked).toEqual([]);
    expect(body.rows[0]).toEqual({ code: '411500', name: '信阳市', level: '市级', parent_code: null });
  });

  it('events for the same person twice, and a full rebuild, add no row and no load', async () => {
    const before = (await preview('population')).total;
    const loadsBefore = (await loads('population')).length;
    const accountId = (await signUpCitizen(t, { realName: '郑十' })).accountId;
    await t.modules.runJobs();
    expect((await preview('population')).total).toBe(before + 1);
    const loadsAfterOne = (await loads('population')).length;
    expect(loadsAfterOne).toBe(loadsBefore + 1);
    // the same event again (a redelivery) and a rebuild of everything
    await t.db.transaction().execute(async (tx) => {
      await emit(tx, 'identity.citizen.registered', { accountId });
      await emit(tx, 'identity.citizen.registered', { accountId });
    });
    await t.modules.basedb.rebuild('population');
    await t.modules.runJobs();
    expect((await preview('population')).total).toBe(before + 1);
    expect((await loads('population')).length).toBe(loadsAfterOne);
  });

  it('a refresh that fails leaves the previous rows and loads in place and is retried later', async () => {
    const before = await preview('population');
    const loadsBefore = (await loads('population')).length;
    const failing = {
      populationRecords: async () => {
        throw new Error('identity unavailable');
      },
      legalPersonRecords: async () => [],
      licenseRecords: async () => [],
      listDivisions: async () => [],
    };
    await t.modules.basedb.rebuild('population');
    expect(await t.modules.basedb.runPending(failing)).toBe(0);
    expect(await preview('population')).toEqual(before);
    expect((await loads('population')).length).toBe(loadsBefore);
    // not due again at once; after the delay the real door answers and nothing had changed
    const failed = await sql<{ attempts: number; last_error: string }>`select attempts, last_error
      from sharing.base_refresh where kind = 'population'`.execute(t.db);
    expect(failed.rows).toEqual([{ attempts: 1, last_error: 'identity unavailable' }]);
    t.clock.advance(60_000);
    await t.modules.runJobs();
    expect(await preview('population')).toEqual(before);
    expect((await sql`select 1 from sharing.base_refresh`.execute(t.db)).rows).toHaveLength(0);
  });

  it('a license issued on a concluded case shows in 电子证照目录信息, and a status change updates it', async () => {
    const staff = await seedCity(t);
    const holder = await signUpCitizen(t, { realName: '王小明' });
    const caseId = await concludeFoodCase(t, holder, staff);
    await t.modules.runJobs();
    await t.modules.runJobs();
    const rows = (await preview('license')).rows;
    const row = rows.find((r) => r.holder_name === '王**');
    expect(row, JSON.stringify(rows)).toMatchObject({ status: '有效', type_name: expect.any(String) });
    expect(String(row?.holder_code)).toMatch(/^\d{6}\*{8}\w{4}$/);
    expect(caseId).toBeTruthy();
    // the issuing department suspends it: the row follows
    const licenseId = (await send(holder, 'GET', '/api/licenses/mine')).json().items[0].id as string;
    const changed = await send(staff.admin, 'POST', `/api/licenses/${licenseId}/status`, {
      status: 'suspended',
      reason: '经营场所不符合要求，责令整改',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await t.modules.runJobs();
    const after = (await preview('license')).rows.filter((r) => r.holder_name === '王**');
    expect(after).toHaveLength(1);
    expect(after[0]?.status).toBe('暂扣');
  }, 180_000);

  it('数据局 can neither upload a file onto a base resource nor mount an API on it: 409, the rows untouched', async () => {
    const before = await preview('population');
    const loadsBefore = (await loads('population')).length;
    const csv = [
      '姓名,公民身份号码,性别,出生年月,户籍地行政区划代码,手机号码,实名认证等级,注册日期,账户状态',
      `陈七,${validIdNumber()},男,1990-01,411502,13800009999,1,2026-03-01,正常`,
    ].join('\r\n');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${ids.population}/loads?filename=people.csv`,
      payload: csv,
      headers: { ...sjjData.headers, 'content-type': 'text/csv' },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(409);
    expect(uploaded.json()).toMatchObject({ code: 'SHARING_BASE_RESOURCE' });
    const mounted = await send(sjjData, 'PUT', `/api/sharing/resources/${ids.population}/api-mount`, {
      url: 'https://sjj.xinyang.example/api/people',
      method: 'GET',
      authentication: '无',
      responseFormat: 'JSON',
    });
    expect(mounted.statusCode, mounted.body).toBe(409);
    expect(mounted.json()).toMatchObject({ code: 'SHARING_BASE_RESOURCE' });
    // the next refresh and rebuild find the rows as they were: no unkeyed row beside them
    await signUpCitizen(t, { realName: '卫十五' });
    await t.modules.basedb.rebuild('population');
    await t.modules.runJobs();
    expect((await preview('population')).total).toBe(before.total + 1);
    expect((await loads('population')).length).toBe(loadsBefore + 1);
    const unkeyed = await sql`select 1 from sharing.data_row where resource_id = ${ids.population}
      and row_key is null`.execute(t.db);
    expect(unkeyed.rows).toHaveLength(0);
  });

  it('a refreshed base resource is mounted, and on the quality board stays on schedule while quiet', async () => {
    type Row = { id: string; mountKind: string; status: string; isOverdue: boolean };
    const onBoard = async (who: Session) => {
      const res = await send(who, 'GET', '/api/sharing/quality-board');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().resources as Row[]).find((r) => r.id === ids.population);
    };
    const loadCount = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from sharing.data_load
          where resource_id = ${ids.population}`.execute(t.db)
      ).rows[0]?.n;
    const shown = await send(bureau, 'GET', `/api/sharing/resources/${ids.population}`);
    expect(shown.json().mountKind).toBe('file');
    expect(await onBoard(bureau)).toMatchObject({ mountKind: 'file', status: 'ok', isOverdue: false });
    // three quiet days (实时: a 1-day cycle): the daily rebuild finds nothing new and writes no load,
    // yet the database is current
    const loadsBefore = await loadCount();
    for (let d = 0; d < 3; d++) {
      t.clock.advance(86_400_000);
      await t.modules.runJobs();
    }
    expect(await loadCount()).toBe(loadsBefore);
    const sjj = await t.modules.org.findDepartment('411500', '数据局');
    const reader = await staffSession(t, ['data_reviewer'], 'sjj-board', sjj?.id ?? null);
    expect(await onBoard(reader)).toMatchObject({ mountKind: 'file', status: 'ok', isOverdue: false });
  });

  it('a refresh that finds a new version published while it read leaves its entries queued for that version', async () => {
    const accountId = '00000000-0000-4000-8000-0000000b0004';
    const person = {
      accountId,
      realName: '蒋十六',
      idNumber: validIdNumber(),
      phone: '13800001604',
      realNameLevel: 1,
      isDisabled: false,
      registeredAt: t.clock.now(),
    };
    // fresh sessions: the test clock has moved days on
    const sjj = await t.modules.org.findDepartment('411500', '数据局');
    const officer = await staffSession(t, ['data_officer'], 'sjj-data-2', sjj?.id ?? null);
    const reviewer = await staffSession(t, ['data_reviewer'], 'sjj-review-2', sjj?.id ?? null);
    let republished = false;
    const sources = {
      // while the job reads, 数据局 publishes a new version of 人口基础信息 (a new summary)
      populationRecords: async () => {
        if (!republished) {
          republished = true;
          const input = {
            ...BASE_RESOURCES.population,
            summary: `${BASE_RESOURCES.population.summary}（修订）`,
          };
          const edited = await send(officer, 'PUT', `/api/sharing/resources/${ids.population}`, input);
          expect(edited.statusCode, edited.body).toBe(200);
          const submitted = await send(officer, 'POST', `/api/sharing/resources/${ids.population}/submit`);
          expect(submitted.statusCode, submitted.body).toBe(200);
          const approved = await send(reviewer, 'POST', `/api/sharing/resources/${ids.population}/approve`);
          expect(approved.statusCode, approved.body).toBe(200);
        }
        return [person];
      },
      legalPersonRecords: async () => [],
      licenseRecords: async () => [],
      listDivisions: async () => [],
    };
    await t.db.transaction().execute((tx) => enqueue(tx, 'population', [accountId], t.clock.now()));
    const rowOf = async () =>
      (
        await sql<{ version_id: string }>`select version_id from sharing.data_row
          where resource_id = ${ids.population} and row_key = ${accountId}`.execute(t.db)
      ).rows;
    expect(await t.modules.basedb.runPending(sources)).toBe(0);
    expect(await rowOf()).toEqual([]);
    const queued = await sql`select key from sharing.base_refresh where kind = 'population'`.execute(t.db);
    expect(queued.rows).toEqual([{ key: accountId }]);
    // the next run writes the row under the version now published
    expect(await t.modules.basedb.runPending(sources)).toBe(1);
    const published = await sql<{ id: string }>`select published_version_id as id from sharing.resource
      where id = ${ids.population}`.execute(t.db);
    expect(await rowOf()).toEqual([{ version_id: published.rows[0]?.id }]);
  });
});
