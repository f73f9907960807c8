// 共享申请 and 共享授权: 无条件 granted at once, 有条件 approved (narrowed, filtered, unmasked, with quota
// and expiry) or rejected by the provider, 不予共享 refused; departments see only their own side; every
// step audited with an outbox event. A row filter on a sensitive item works through the blind index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/index.ts';
import { IDS, REQUEST, type World, world } from './grants-support.ts';
import { LEGAL_PERSONS } from './support.ts';

describe('sharing grants: request → approval (or at once) → grant; rejection; revocation', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.t.close());

  const ask = (body: object = {}) =>
    w.send(w.rsj, 'POST', '/api/sharing/requests', { resourceId: w.resourceId, ...REQUEST, ...body });
  async function tokenFor(name: string) {
    const { clientId, clientSecret } = (await w.send(w.rsj, 'POST', '/api/sharing/clients', { name })).json();
    const res = await fetch(`${w.base}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: `${w.base}/share/v1` }),
    });
    expect(res.status).toBe(200);
    return (await res.json()).access_token as string;
  }

  it('有条件共享 waits for the provider; it is audited and announced; strangers get 404', async () => {
    const res = await ask();
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({ state: 'pending', grantId: null, resourceName: '法人基础信息' });
    const pending = (await w.send(w.scjg, 'GET', '/api/sharing/requests?side=provided')).json().items;
    expect(pending.map((q: { id: string }) => q.id)).toContain(request.id);
    // the data bureau and a clerk are not data officers of either side
    expect((await w.send(w.bureau, 'GET', `/api/sharing/requests/${request.id}`)).statusCode).toBe(403);
    expect((await w.send(w.clerk, 'GET', `/api/sharing/requests/${request.id}`)).statusCode).toBe(403);
    // the consumer cannot approve its own request: not the provider → 404
    expect((await w.send(w.rsj, 'POST', `/api/sharing/requests/${request.id}/approve`, {})).statusCode).toBe(
      404,
    );
    // the provider may only narrow the fields asked for
    const wider = await w.send(w.scjg, 'POST', `/api/sharing/requests/${request.id}/approve`, {
      fields: ['uscc', 'authority'],
    });
    expect(wider.statusCode).toBe(400);
    const rejected = await w.send(w.scjg, 'POST', `/api/sharing/requests/${request.id}/reject`, {
      reason: '用途与共享条件不符',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejectReason: '用途与共享条件不符' });
    expect((await w.send(w.scjg, 'POST', `/api/sharing/requests/${request.id}/approve`, {})).statusCode).toBe(
      409,
    );
    const audit = await sql<{ action: string }>`select action from audit.entry
      where subject_id = ${request.id} order by seq`.execute(w.t.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['sharing-request.create', 'sharing-request.reject']);
    const events = await sql<{ type: string }>`select type from platform.outbox
      where payload ->> 'requestId' = ${request.id} order by id`.execute(w.t.db);
    expect(events.rows.map((r) => r.type).sort()).toEqual([
      'sharing.share-rejected',
      'sharing.share-requested',
    ]);
  });

  it('an approved grant with a row filter on the ID number (blind index) and that item unmasked', async () => {
    const request = (await ask()).json();
    // the grant cannot end before today nor after the period asked for
    for (const expiresOn of ['2020-01-01', '2099-12-31']) {
      const res = await w.send(w.scjg, 'POST', `/api/sharing/requests/${request.id}/approve`, { expiresOn });
      expect(res.statusCode, expiresOn).toBe(400);
    }
    const approved = await w.send(w.scjg, 'POST', `/api/sharing/requests/${request.id}/approve`, {
      fields: ['name', 'legal_rep_id'],
      rowFilter: [{ key: 'legal_rep_id', values: [IDS[1]] }],
      unmasked: ['legal_rep_id'],
      dailyQuota: 100,
      expiresOn: '2026-06-30',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const grant = (await w.send(w.rsj, 'GET', `/api/sharing/grants/${approved.json().grantId}`)).json();
    expect(grant).toMatchObject({ state: 'active', fields: ['name', 'legal_rep_id'], dailyQuota: 100 });
    // the filter's value is shown masked, never in clear
    expect(grant.rowFilter[0].values[0]).not.toBe(IDS[1]);
    expect(JSON.stringify(grant)).not.toContain(IDS[1]);
    expect((await w.send(w.clerk, 'GET', `/api/sharing/grants/${grant.id}`)).statusCode).toBe(403);

    const token = await tokenFor('补贴核验');
    const res = await fetch(`${w.base}/share/v1/resources/${encodeURIComponent(w.code)}/rows`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rows).toEqual([{ name: '信阳南湾鱼业有限公司', legal_rep_id: IDS[1] }]);
    // an unmasked item may be filtered on; rows outside the grant's filter stay out of reach
    const other = await fetch(
      `${w.base}/share/v1/resources/${encodeURIComponent(w.code)}/rows?filter.legal_rep_id=${IDS[0]}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect((await other.json()).rows).toEqual([]);
    // the same again, now that the gateway reads rows within its single statement
    const again = await fetch(`${w.base}/share/v1/resources/${encodeURIComponent(w.code)}/rows`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await again.json()).rows).toEqual([{ name: '信阳南湾鱼业有限公司', legal_rep_id: IDS[1] }]);

    // expiry: after 2026-06-30 (Beijing) the grant no longer answers
    w.t.clock.set(new Date('2026-06-30T16:00:01Z'));
    const late = await fetch(`${w.base}/share/v1/resources/${encodeURIComponent(w.code)}/rows`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(late.status).toBe(403);
    w.t.clock.set(new Date('2026-03-02T02:00:00Z'));
    const revoked = await w.send(w.scjg, 'POST', `/api/sharing/grants/${grant.id}/revoke`, {
      reason: '核验完成',
    });
    expect(revoked.json().state).toBe('revoked');
    expect(
      (await w.send(w.rsj, 'POST', `/api/sharing/grants/${grant.id}/revoke`, { reason: '越权撤销' }))
        .statusCode,
    ).toBe(404);
  });

  it('无条件共享 is granted at once with everything sensitive masked; 不予共享 cannot be requested', async () => {
    const open = (
      await w.send(w.scjg, 'POST', '/api/sharing/resources', {
        ...LEGAL_PERSONS,
        name: '企业登记状态',
        shareType: 'unconditional',
        shareConditions: undefined,
      })
    ).json();
    await w.send(w.scjg, 'POST', `/api/sharing/resources/${open.id}/submit`);
    expect((await w.send(w.bureau, 'POST', `/api/sharing/resources/${open.id}/approve`)).statusCode).toBe(
      200,
    );
    const granted = await ask({ resourceId: open.id });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({ state: 'granted', decidedByName: '无条件共享（自动）' });
    const grant = (await w.send(w.rsj, 'GET', `/api/sharing/grants/${granted.json().grantId}`)).json();
    expect(grant).toMatchObject({ unmasked: [], state: 'active', expiresAt: '2026-12-31T16:00:00.000Z' });

    const closed = (
      await w.send(w.scjg, 'POST', '/api/sharing/resources', {
        ...LEGAL_PERSONS,
        name: '企业监管内部信息',
        shareType: 'none',
        shareConditions: undefined,
        shareBasis: '《企业信息公示暂行条例》第十条',
      })
    ).json();
    await w.send(w.scjg, 'POST', `/api/sharing/resources/${closed.id}/submit`);
    await w.send(w.bureau, 'POST', `/api/sharing/resources/${closed.id}/approve`);
    const refused = await ask({ resourceId: closed.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SHARING_NOT_SHAREABLE');
    // nor one's own resource, nor fields the resource does not have
    expect(
      (await w.send(w.scjg, 'POST', '/api/sharing/requests', { resourceId: w.resourceId, ...REQUEST }))
        .statusCode,
    ).toBe(409);
    expect((await ask({ fields: ['salary'] })).statusCode).toBe(400);
  });

  it('each department lists only its own side', async () => {
    const mine = (await w.send(w.rsj, 'GET', '/api/sharing/grants?side=mine')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect((await w.send(w.rsj, 'GET', '/api/sharing/grants?side=provided')).json().items).toEqual([]);
    expect((await w.send(w.scjg, 'GET', '/api/sharing/grants?side=mine')).json().items).toEqual([]);
    expect((await w.send(w.scjg, 'GET', '/api/sharing/requests?side=mine')).json().items).toEqual([]);
    expect((await w.send(w.scjg, 'GET', '/api/sharing/clients')).json().items).toEqual([]);
  });
});
