import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signInAgain, staffSession, validIdNumber } from '../../../../test/support/auth.ts';
import { LEGAL_PERSONS, people, publish, type Send, sender, uscc } from './support.ts';

describe('数据质量看板: the latest load per resource, the update cycle, department totals, worst first', () => {
  let t: TestApp;
  let send: Send;
  let scjg: Session;
  let rsj: Session;
  let bureau: Session;
  let clerk: Session;
  let office: Session;
  let daily: string;
  let weekly: string;
  let monthly: string;
  const HEADER = '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态';
  const GOOD = [
    HEADER,
    `${uscc(1)},信阳毛尖茶业有限公司,张三,${validIdNumber()},2019-05-20,信阳市市场监督管理局,存续`,
    `${uscc(2)},信阳红茶文化传播有限公司,王五,${validIdNumber()},2023-09-15,,注销`,
  ].join('\r\n');
  // one good row, one row without a name and with a code outside the table: the whole load is refused
  const BAD = [
    HEADER,
    `${uscc(3)},信阳南湾鱼业有限公司,李四,${validIdNumber()},2021-03-01,,存续`,
    `${uscc(4)},,赵六,${validIdNumber()},2021-03-01,,歇业`,
  ].join('\r\n');
  const upload = (who: Session, id: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${id}/loads?filename=data.csv`,
      payload: body,
      headers: { ...who.headers, 'content-type': 'text/csv' },
    });
  const board = async (who: Session, query = '') => {
    const res = await send(who, 'GET', `/api/sharing/quality-board${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Moves the clock on; sessions time out meanwhile, so everyone signs in again. */
  async function later(days: number) {
    t.clock.advance(days * 86_400_000);
    const again = (username: string) => signInAgain(t, { kind: 'staff', username, secret: null });
    [scjg, rsj, bureau] = await Promise.all(['scjg-data', 'rsj-data', 'databureau'].map(again));
    // staff with a TOTP step: fresh accounts
    clerk = await staffSession(t, ['window_clerk'], `clerk-${days}`);
    office = await staffSession(t, ['office_admin'], `office-${days}`);
  }
  const names = (b: { resources: Array<{ name: string }> }) => b.resources.map((r) => r.name);

  beforeAll(async () => {
    t = await testApp();
    send = sender(t);
    ({ scjg, rsj, bureau, clerk } = await people(t));
    office = await staffSession(t, ['office_admin'], 'office-board');
    daily = (await publish(send, scjg, bureau)).id;
    weekly = (
      await publish(send, scjg, bureau, { ...LEGAL_PERSONS, name: '企业年报信息', updateCycle: 'weekly' })
    ).id;
    monthly = (
      await publish(send, rsj, bureau, { ...LEGAL_PERSONS, name: '参保单位信息', updateCycle: 'monthly' })
    ).id;
    expect((await upload(scjg, daily, GOOD)).statusCode).toBe(201);
    expect((await upload(scjg, weekly, GOOD)).statusCode).toBe(201);
    expect((await upload(scjg, weekly, BAD)).json().status).toBe('refused');
  });
  afterAll(() => t.close());

  it('on the day of loading nothing is overdue; the refused load comes first with its rejected rows', async () => {
    const b = await board(bureau);
    expect(names(b)).toEqual(['企业年报信息', '参保单位信息', '法人基础信息']);
    const [refused, unmounted, ok] = b.resources;
    expect(refused).toMatchObject({
      id: weekly,
      status: 'refused',
      isOverdue: false,
      updateCycle: 'weekly',
      mountKind: 'file',
      latestLoad: { status: 'refused', rows: 2, rejectedRows: 1, completeness: 0.9167, validity: 0.5 },
    });
    expect(refused.lastAcceptedAt).not.toBeNull();
    expect(refused.lastLoadAt >= refused.lastAcceptedAt).toBe(true);
    expect(unmounted).toMatchObject({ id: monthly, status: 'unmounted', latestLoad: null, score: null });
    expect(ok).toMatchObject({
      id: daily,
      status: 'ok',
      score: 100,
      overdueDays: 0,
      latestLoad: {
        status: 'accepted',
        rows: 2,
        rejectedRows: 0,
        completeness: 1,
        validity: 1,
        uniqueness: 1,
      },
    });
    expect(b.totals).toMatchObject({ resources: 3, mounted: 2, overdue: 0, refused: 1 });
    expect(b.departments.map((d: { departmentName: string }) => d.departmentName)).toEqual([
      '信阳市市场监督管理局',
      '信阳市人力资源和社会保障局',
    ]);
    expect(b.departments[0]).toMatchObject({ resources: 2, mounted: 2, overdue: 0, refused: 1 });
  });

  it('three days on the 每日 resource is overdue, the 每月 one is not; filters by status and department', async () => {
    await later(3);
    const b = await board(bureau);
    expect(names(b)).toEqual(['企业年报信息', '法人基础信息', '参保单位信息']);
    expect(b.resources[1]).toMatchObject({ status: 'overdue', isOverdue: true, overdueDays: 1 });
    expect(b.resources[2]).toMatchObject({ status: 'unmounted', isOverdue: false });
    expect(b.totals).toMatchObject({ overdue: 1 });

    expect(names(await board(bureau, '?status=overdue'))).toEqual(['法人基础信息']);
    const rsjDept = (await send(rsj, 'GET', '/api/sharing/my-resources')).json().items[0];
    expect(rsjDept.name).toBe('参保单位信息');
    const one = await board(bureau, `?departmentId=${b.resources[2].departmentId}`);
    expect(names(one)).toEqual(['参保单位信息']);
    expect(one.departments).toHaveLength(1);

    // 每月: still within 31 + 1 days of publication on day 32, overdue on day 33
    await later(30);
    expect((await board(bureau, '?status=overdue')).resources.map((r: { id: string }) => r.id)).toContain(
      monthly,
    );
  });

  it('a department data officer sees only their own department; the service office sees all', async () => {
    const own = await board(scjg);
    expect(names(own).sort()).toEqual(['企业年报信息', '法人基础信息']);
    expect(own.departments.map((d: { departmentName: string }) => d.departmentName)).toEqual([
      '信阳市市场监督管理局',
    ]);
    const other = (await board(bureau)).resources.find((r: { id: string }) => r.id === monthly).departmentId;
    const asked = await board(scjg, `?departmentId=${other}`);
    expect(asked.resources).toEqual([]);
    expect(asked.totals.resources).toBe(0);
    expect((await board(office)).totals.resources).toBe(3);
  });

  it('refuses other staff (403) and a bad query (400 problem+json), never a 500', async () => {
    const denied = await send(clerk, 'GET', '/api/sharing/quality-board');
    expect(denied.statusCode).toBe(403);
    expect((await send(null, 'GET', '/api/sharing/quality-board')).statusCode).toBe(401);
    for (const query of ['?status=late', '?departmentId=abc', '?page=2']) {
      const res = await send(bureau, 'GET', `/api/sharing/quality-board${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBeTruthy();
    }
  });
});
