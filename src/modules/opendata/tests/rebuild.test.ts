// The rebuild job under stress: a rebuild that read its source before an unpublish must not bring the
// dataset back, and a rebuild that fails leaves its resources queued for the next round.
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

  const upload = async (rows: number) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${resourceId}/loads?filename=a.csv`,
      payload: csvOf(rows),
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    expect(res.json().status, res.body).toBe('accepted');
  };
  const open = async () => {
    const res = await send(bureau, 'POST', '/api/opendata/datasets', { resourceId, rules: RULES });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const queued = async () =>
    (await sql<{ resource_id: string }>`select resource_id from opendata.rebuild_queue`.execute(t.db)).rows;
  /** The opendata module as app.ts builds it, with a hook run after the rebuild has read its source. */
  const withHook = (afterRead: () => Promise<void>) => {
    const m = t.modules;
    const deps: OpendataDeps = {
      ...m.deps,
      audit: m.audit,
      sharing: {
        openable: () => m.sharing.openable(),
        openSource: async (id: string) => {
          const found = await m.sharing.openSource(id);
          await afterRead();
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
  const queueRebuild = async () => {
    await dispatchPending(t.db, t.modules.opendata.handlers);
    expect((await queued()).map((r) => r.resource_id)).toEqual([resourceId]);
  };
  const rowsTotal = async () =>
    (await t.app.inject({ method: 'GET', url: `/api/open/datasets/${name}/rows` })).json().total;

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

  it('a rebuild that fails leaves the resource queued; the next round rebuilds it', async () => {
    await open();
    expect(await rowsTotal()).toBe(8);
    t.clock.advance(60_000);
    await upload(5);
    await queueRebuild();
    const failing = withHook(async () => {
      throw new Error('源数据暂不可读');
    });
    await expect(failing.runPending()).rejects.toThrow('源数据暂不可读');
    expect((await queued()).map((r) => r.resource_id)).toEqual([resourceId]);
    expect(await rowsTotal()).toBe(8);
    expect(await t.modules.runJobs()).toBeGreaterThan(0);
    expect(await rowsTotal()).toBe(5);
    expect(await queued()).toEqual([]);
  });
});
