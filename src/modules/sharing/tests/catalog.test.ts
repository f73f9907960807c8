import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, staffSession } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { LEGAL_PERSONS, people, publish, type Send, sender } from './support.ts';

describe('sharing catalog: register → submit → 数据局 review → publish, versions, tree and search', () => {
  let t: TestApp;
  let send: Send;
  let scjg: Session;
  let rsj: Session;
  let bureau: Session;
  let clerk: Session;
  const R = '/api/sharing/resources';
  const audited = async (action: string, subjectId: string) =>
    (await t.modules.audit.searchEntries({ action, subjectId, limit: 10 })).items.length;
  const events = async (type: string) =>
    (
      await sql<{
        payload: { resourceId: string };
      }>`select payload from platform.outbox where type = ${type}`.execute(t.db)
    ).rows.map((r) => r.payload.resourceId);

  beforeAll(async () => {
    t = await testApp();
    send = sender(t);
    ({ scjg, rsj, bureau, clerk } = await people(t));
  });
  afterAll(() => t.close());

  it('市场监督管理局 registers 法人基础信息, 数据局 rejects with a reason, then publishes it with a code', async () => {
    const created = await send(scjg, 'POST', R, LEGAL_PERSONS);
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      state: 'draft',
      version: 1,
      code: null,
      departmentName: '信阳市市场监督管理局',
      classification: {
        attribute: 'basic',
        attributeName: '基础信息资源',
        xiang: { code: '02', name: '法人' },
      },
      shareType: 'conditional',
    });
    expect(r.items).toHaveLength(7);
    expect(r.departmentCode).toMatch(/^11411500/);

    // not submitted yet: 数据局 cannot review it; another department does not see it
    expect((await send(bureau, 'POST', `${R}/${r.id}/approve`)).statusCode).toBe(409);
    expect((await send(rsj, 'GET', `${R}/${r.id}`)).statusCode).toBe(404);
    expect((await send(rsj, 'PUT', `${R}/${r.id}`, LEGAL_PERSONS)).statusCode).toBe(404);
    expect((await send(rsj, 'POST', `${R}/${r.id}/submit`)).statusCode).toBe(404);
    expect((await send(clerk, 'GET', `${R}/${r.id}`)).statusCode).toBe(404);

    expect((await send(scjg, 'POST', `${R}/${r.id}/submit`)).json().state).toBe('submitted');
    expect((await send(scjg, 'PUT', `${R}/${r.id}`, LEGAL_PERSONS)).statusCode).toBe(409);
    const queue = (await send(bureau, 'GET', '/api/sharing/review-queue')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect((await send(scjg, 'GET', '/api/sharing/review-queue')).statusCode).toBe(403);
    expect((await send(scjg, 'POST', `${R}/${r.id}/approve`)).statusCode).toBe(403);

    const rejected = await send(bureau, 'POST', `${R}/${r.id}/reject`, { reason: '摘要请写明数据来源' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejectReason: '摘要请写明数据来源' });
    expect((await send(bureau, 'POST', `${R}/${r.id}/reject`, { reason: '' })).statusCode).toBe(400);

    const fixed = { ...LEGAL_PERSONS, summary: `${LEGAL_PERSONS.summary}数据来源：企业登记系统。` };
    expect((await send(scjg, 'PUT', `${R}/${r.id}`, fixed)).json()).toMatchObject({
      state: 'draft',
      version: 1,
    });
    await send(scjg, 'POST', `${R}/${r.id}/submit`);
    const published = (await send(bureau, 'POST', `${R}/${r.id}/approve`)).json();
    expect(published).toMatchObject({
      state: 'published',
      version: 1,
      code: '102001/00001',
      reviewedByName: '测试人员',
    });
    expect(published.publishedAt).toBe(t.clock.now().toISOString());

    // published: every member of staff reads it
    expect((await send(clerk, 'GET', `${R}/${r.id}`)).json()).toMatchObject({
      code: '102001/00001',
      state: 'published',
    });
    expect((await send(null, 'GET', `${R}/${r.id}`)).statusCode).toBe(401);

    for (const action of ['register', 'edit', 'submit', 'reject', 'publish'])
      expect(await audited(`sharing-resource.${action}`, r.id)).toBeGreaterThan(0);
    for (const type of ['registered', 'edited', 'submitted', 'rejected', 'published'])
      expect(await events(`sharing.resource-${type}`)).toContain(r.id);
  });

  it('editing a published resource makes version 2; the catalog shows version 1 until 2 is published', async () => {
    const v1 = await publish(send, scjg, bureau, { ...LEGAL_PERSONS, name: '法人登记信息（版本测试）' });
    const edited = await send(scjg, 'PUT', `${R}/${v1.id}`, {
      ...LEGAL_PERSONS,
      name: '法人登记信息（版本测试）',
      updateCycle: 'weekly',
    });
    expect(edited.json()).toMatchObject({ version: 2, state: 'draft', publishedVersion: 1, code: v1.code });
    expect((await send(clerk, 'GET', `${R}/${v1.id}`)).json()).toMatchObject({
      version: 1,
      updateCycle: 'daily',
    });

    // the code is fixed at first publication: the classification cannot move
    const moved = await send(scjg, 'PUT', `${R}/${v1.id}`, {
      ...LEGAL_PERSONS,
      classification: { ...LEGAL_PERSONS.classification, mu: { code: '002', name: '其他' } },
    });
    expect(moved.statusCode).toBe(409);

    await send(scjg, 'POST', `${R}/${v1.id}/submit`);
    const v2 = (await send(bureau, 'POST', `${R}/${v1.id}/approve`)).json();
    expect(v2).toMatchObject({
      version: 2,
      state: 'published',
      code: v1.code,
      updateCycle: 'weekly',
      publishedVersion: 2,
    });
    expect(v1.code).toBe('102001/00002');
    const versions = await sql<{
      version: number;
      state: string;
    }>`select version, state from sharing.resource_version
      where resource_id = ${v1.id} order by version`.execute(t.db);
    expect(versions.rows).toEqual([
      { version: 1, state: 'superseded' },
      { version: 2, state: 'published' },
    ]);
  });

  it('browses the published catalog as a tree and finds resources by Chinese search', async () => {
    await send(scjg, 'POST', R, { ...LEGAL_PERSONS, name: '未发布的草稿资源' });
    const social = await publish(send, rsj, bureau, {
      ...LEGAL_PERSONS,
      name: '社会保险参保信息',
      summary: '职工养老保险、失业保险参保登记信息。',
      classification: { attribute: 'theme', xiang: { code: '03' }, mu: { code: '001', name: '社会保险' } },
      shareType: 'unconditional',
      shareConditions: undefined,
    });
    expect(social.code).toBe('203001/00001');

    const tree = (await send(clerk, 'GET', '/api/sharing/catalog/tree')).json();
    const basic = tree.byClassification.find((n: { key: string }) => n.key === 'basic');
    expect(basic).toMatchObject({ label: '基础信息资源', count: 2 });
    expect(basic.children[0]).toMatchObject({ label: '02 法人', count: 2 });
    expect(basic.children[0].children[0]).toMatchObject({ label: '001 法人登记信息', count: 2 });
    expect(tree.byClassification.find((n: { key: string }) => n.key === 'theme').count).toBe(1);
    expect(tree.byDepartment.map((d: { label: string; count: number }) => [d.label, d.count])).toEqual(
      expect.arrayContaining([
        ['信阳市市场监督管理局', 2],
        ['信阳市人力资源和社会保障局', 1],
      ]),
    );

    const find = async (q: string) =>
      (await send(clerk, 'GET', `/api/sharing/catalog?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { name: string }) => i.name);
    expect(await find('养老保险')).toEqual(['社会保险参保信息']);
    expect(await find('法定代表人身份证')).toEqual(expect.arrayContaining(['法人基础信息']));
    expect(await find('102001/00001')).toEqual(['法人基础信息']);
    expect(await find('草稿')).toEqual([]);
    // operators, quotes and emptiness are words or nothing, never a broken tsquery
    for (const q of ["法人 & | ! ( ) : * '", '%_\\', '   ', '养老保险'.repeat(30)])
      expect((await send(clerk, 'GET', `/api/sharing/catalog?q=${encodeURIComponent(q)}`)).statusCode).toBe(
        q.length > 100 ? 400 : 200,
      );
    expect(await find('%')).toEqual([]);
    const byAttribute = (await send(clerk, 'GET', '/api/sharing/catalog?attribute=theme')).json();
    expect(byAttribute.items.map((i: { name: string }) => i.name)).toEqual(['社会保险参保信息']);

    const mine = (await send(scjg, 'GET', '/api/sharing/my-resources')).json();
    expect(mine.items.map((i: { name: string }) => i.name)).toContain('未发布的草稿资源');
    expect(mine.items.map((i: { name: string }) => i.name)).not.toContain('社会保险参保信息');
  });

  it('refuses nonsense metadata with 400 and every problem listed', async () => {
    const bad = async (body: object) => {
      const res = await send(scjg, 'POST', R, body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().errors.map((e: { path: string }) => e.path);
    };
    expect(await bad({ ...LEGAL_PERSONS, shareConditions: '' })).toEqual(['shareConditions']);
    expect(
      await bad({ ...LEGAL_PERSONS, shareType: 'none', shareConditions: undefined, openType: 'conditional' }),
    ).toEqual(['shareBasis', 'openType', 'openConditions']);
    expect(
      await bad({
        ...LEGAL_PERSONS,
        classification: { ...LEGAL_PERSONS.classification, xiang: { code: '09' } },
      }),
    ).toEqual(['classification.xiang.code']);
    const items = LEGAL_PERSONS.items;
    expect(
      await bad({
        ...LEGAL_PERSONS,
        items: [
          ...items,
          { name: '名称2', key: 'name', type: 'C', length: 5 },
          { name: '注册资本', key: 'capital', type: 'N', rules: { pattern: '([', min: 5, max: 1 } },
        ],
        relatedCodes: ['999999/00001'],
        quality: { freshness: { itemKey: 'name' } },
      }),
    ).toEqual([
      'items.7.key',
      'items.8.length',
      'items.8.rules.pattern',
      'items.8.rules.min',
      'quality.freshness.itemKey',
      'relatedCodes.0',
    ]);
    // zod: unknown type code, bad key, no items, unknown field
    expect(
      (await send(scjg, 'POST', R, { ...LEGAL_PERSONS, items: [{ ...items[0], type: 'X' }] })).statusCode,
    ).toBe(400);
    expect(
      (await send(scjg, 'POST', R, { ...LEGAL_PERSONS, items: [{ ...items[0], key: '代码' }] })).statusCode,
    ).toBe(400);
    expect((await send(scjg, 'POST', R, { ...LEGAL_PERSONS, items: [] })).statusCode).toBe(400);
    expect((await send(scjg, 'POST', R, { ...LEGAL_PERSONS, secret: true })).statusCode).toBe(400);
    const broken = await t.app.inject({
      method: 'POST',
      url: R,
      payload: '{"name": ',
      headers: { ...scjg.headers, 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect((await send(scjg, 'GET', `${R}/not-a-uuid`)).statusCode).toBe(400);
  });

  it('only a data officer of a department registers; others are refused', async () => {
    expect((await send(clerk, 'POST', R, LEGAL_PERSONS)).statusCode).toBe(403);
    expect((await send(bureau, 'POST', R, LEGAL_PERSONS)).statusCode).toBe(403);
    const loose = await staffSession(t, ['data_officer'], 'no-dept', null);
    const res = await send(loose, 'POST', R, LEGAL_PERSONS);
    expect([res.statusCode, res.json().code]).toEqual([403, 'SHARING_NO_DEPARTMENT']);
  });
});
