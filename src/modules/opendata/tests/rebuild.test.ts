// The rebuild job under stress: a rebuild that read its source before an unpublish must not bring the
// dataset back, and a rebuild that fails is retried after a backoff while the other resources go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, validIdNumber } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { dispatchPending } from '../../../platform/events.ts';
import { LEGAL_PERSONS, people, publish, type Send, sender, uscc } from '../../sharing/tests/support.ts';
import { createOpendata, type OpendataDeps } from '../index.ts';

const OPEN = {
  ...LEGAL_PERSONS,
  name: '企业法人登记开放信息（重建）',
  openType: 'unconditional',
};
const RULES = {
  uscc: { rule: 'keep' },
  name: { rule: 'keep' },
  legal_rep: { rule: 'mask' },
  legal_rep_id: { rule: 'drop' },
  established_on: { rule: 'keep' },
  authority: { rule: 'keep' },
  status: { rule: 'keep' },
};
const HEADER = '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态';
const csvOf = (n: number) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) =>
        `${uscc(i + 1)},信阳第${i + 1}茶业有限公司,张${i},${validIdNumber()},2019-05-20,信阳市市场监督管理局,存续`,
    ),
  ].join('\r\n');

describe('opendata rebuild job: races with unpublish, failures keep the queue', () => {
  let t: TestApp;
  let send: Send;
  let scjg: Session;
  let bureau: Session;
  let resourceId: string;
  let name: string;

  const upload = async (rows: number, id = resourceId) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${id}/loads?filename=a.csv`,
      payload: csvOf(rows),
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    expect(res.json().status, res.body).toBe('accepted');
  };
  const open = async (id = resourceId) => {
    const res = await send(bureau, 'POST', '/api/opendata/datasets', { resourceId: id, rules: RULES });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const queued = async () =>
    (await sql<{ resource_id: string }>`select resource_id from opendata.rebuild_queue`.execute(t.db)).rows;
  const entry = async (id: string) =>
    (
      await sql<{
        attempts: number;
        due_at: Date;
        last_error: string | null;
      }>`select attempts, due_at, last_error
        from opendata.rebuild_queue where resource_id = ${id}`.execute(t.db)
    ).rows[0];
  /** The opendata module as app.ts builds it, with a hook run after the rebuild has read its source. */
  const withHook = (afterRead: (id: string) => Promise<void>) => {
    const m = t.modules;
    const deps: OpendataDeps = {
      ...m.deps,
      audit: m.audit,
      sharing: {
        openable: () => m.sharing.openable(),
        openSource: async (id: string) => {
          const found = await m.sharing.openSource(id);
          await afterRead(id);
          return found;
        },
      },
    };
    return createOpendata(deps);
  };

  beforeAll(async () => {
    t = await testApp();
    send = sender(t);
    ({ scjg, bureau } = await people(t));
    resourceId = (await publish(send, scjg, bureau, OPEN)).id;
    await upload(6);
    name = (await open()).name;
  });
  afterAll(() => t.close());

  /** Delivers the outbox with opendata's handlers only: the new load is queued, not yet rebuilt. */
  const queueRebuild = async (ids = [resourceId]) => {
    await dispatchPending(t.db, t.modules.opendata.handlers);
    expect((await queued()).map((r) => r.resource_id).sort()).toEqual([...ids].sort());
  };
  const rowsTotal = async (of = name) =>
    (await t.app.inject({ method: 'GET', url: `/api/open/datasets/${of}/rows` })).json().total;

  it('an unpublish while a rebuild is under way wins: the dataset stays down', async () => {
    t.clock.advance(60_000);
    await upload(8);
    await queueRebuild();
    const racing = withHook(async () => {
      const res = await send(bureau, 'POST', `/api/opendata/resources/${resourceId}/unpublish`, {
        reason: '数据核查中',
      });
      expect(res.statusCode, res.body).toBe(200);
    });
    expect(await racing.runPending()).toBe(0);
    const show = await t.app.inject({ method: 'GET', url: `/api/3/action/package_show?id=${name}` });
    expect(show.statusCode, show.body).toBe(404);
    const admin = await send(bureau, 'GET', `/api/opendata/resources/${resourceId}/dataset`);
    expect(admin.json()).toMatchObject({ state: 'unpublished', unpublishReason: '数据核查中' });
    expect(await queued()).toEqual([]);
  });

  it('a failing rebuild is retried after 30 s doubling; the other resources and jobs go on', async () => {
    await open();
    expect(await rowsTotal()).toBe(8);
    const otherId = (await publish(send, scjg, bureau, { ...OPEN, name: '企业法人登记开放信息（重建二）' }))
      .id;
    await upload(3, otherId);
    const otherName = (await open(otherId)).name;
    t.clock.advance(60_000);
    await upload(5);
    await upload(4, otherId);
    await queueRebuild([resourceId, otherId]);
    const failing = withHook(async (id) => {
      if (id === resourceId) throw new Error('源数据暂不可读');
    });
    // the failure is caught: the other resource is rebuilt in the same round
    expect(await failing.runPending()).toBe(1);
    expect(await rowsTotal(otherName)).toBe(4);
    expect(await rowsTotal()).toBe(8);
    const first = await entry(resourceId);
    expect(first).toMatchObject({ attempts: 1, last_error: '源数据暂不可读' });
    expect(first?.due_at.getTime()).toBe(t.clock.now().getTime() + 30_000);
    // not due yet: the next rounds leave it alone (no retry every second)
    expect(await failing.runPending()).toBe(0);
    t.clock.advance(29_000);
    await t.modules.runJobs();
    expect(await rowsTotal()).toBe(8);
    // due: fails again, and waits twice as long
    t.clock.advance(1_000);
    expect(await failing.runPending()).toBe(0);
    const second = await entry(resourceId);
    expect(second?.attempts).toBe(2);
    expect(second?.due_at.getTime()).toBe(t.clock.now().getTime() + 60_000);
    t.clock.advance(59_000);
    await t.modules.runJobs();
    expect(await rowsTotal()).toBe(8);
    t.clock.advance(1_000);
    expect(await t.modules.runJobs()).toBeGreaterThan(0);
    expect(await rowsTotal()).toBe(5);
    expect(await queued()).toEqual([]);
  });

  it('the backoff tops out at an hour', async () => {
    t.clock.advance(60_000);
    await upload(7);
    await queueRebuild();
    const failing = withHook(async () => {
      throw new Error('源数据暂不可读');
    });
    for (let attempt = 1; attempt <= 9; attempt++) {
      expect(await failing.runPending()).toBe(0);
      const e = await entry(resourceId);
      expect(e?.attempts).toBe(attempt);
      expect(e?.due_at.getTime() - t.clock.now().getTime()).toBe(
        Math.min(3600, 30 * 2 ** (attempt - 1)) * 1000,
      );
      t.clock.advance(3600_000);
    }
    expect(await t.modules.runJobs()).toBeGreaterThan(0);
    expect(await rowsTotal()).toBe(7);
    expect(await queued()).toEqual([]);
  });
});
