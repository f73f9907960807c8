// Review findings on the gateway, at the HTTP level: an unexpected failure while serving a call is a
// problem+json answer and an error in the call log; the daily quota holds under concurrent calls; a
// grant stops working once its resource is republished as 不予共享.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/index.ts';
import { LIVE_MS } from '../gateway/gateway.ts';
import { REQUEST, type World, world } from './grants-support.ts';
import { LEGAL_PERSONS } from './support.ts';

const QUOTA = 5;
const settle = () => new Promise((resolve) => setTimeout(resolve, LIVE_MS + 50));

describe('sharing gateway: review findings (failures logged, atomic quota, share type on every call)', () => {
  let w: World;
  let grantId: string;
  let token: string;
  const rows = (path = '') =>
    fetch(`${w.base}/share/v1/resources/${encodeURIComponent(w.code)}/rows${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  // the test clock stands still, so calls are found in the provider's log by their error code
  const logged = async (errorCode: string) =>
    (await w.send(w.scjg, 'GET', `/api/sharing/call-log?side=provider&grantId=${grantId}`))
      .json()
      .items.find((i: { errorCode: string | null }) => i.errorCode === errorCode);

  beforeAll(async () => {
    w = await world();
    const asked = await w.send(w.rsj, 'POST', '/api/sharing/requests', {
      resourceId: w.resourceId,
      ...REQUEST,
    });
    const approved = await w.send(w.scjg, 'POST', `/api/sharing/requests/${asked.json().id}/approve`, {
      fields: ['uscc', 'name', 'legal_rep_id', 'status'],
      dailyQuota: QUOTA,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    grantId = approved.json().grantId;
    const client = await w.send(w.rsj, 'POST', '/api/sharing/clients', { name: '就业补贴审核系统' });
    const { clientId, clientSecret } = client.json();
    const res = await fetch(`${w.base}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: `${w.base}/share/v1` }),
    });
    token = (await res.json()).access_token;
  });
  afterAll(() => w.t.close());

  it('a stored value that cannot be decrypted → problem+json 500 with a code, logged as an error', async () => {
    const db = w.t.modules.deps.db;
    await sql`update sharing.data_row set data = jsonb_set(data, '{legal_rep_id}', '"v1:broken"')
      where resource_id = ${w.resourceId} and row_no = (select min(row_no) from sharing.data_row
        where resource_id = ${w.resourceId})`.execute(db);
    try {
      await brokenCall();
    } finally {
      await sql`delete from sharing.grant_usage`.execute(db);
      await sql`delete from sharing.data_row where resource_id = ${w.resourceId}
        and data ->> 'legal_rep_id' = 'v1:broken'`.execute(db);
    }
  });
  const brokenCall = async () => {
    const res = await rows();
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ status: 500, code: 'GATEWAY_INTERNAL_ERROR' });
    expect(JSON.stringify(body)).not.toMatch(/stack|decrypt|at .*\.ts/);
    expect(await logged('GATEWAY_INTERNAL_ERROR')).toMatchObject({ grantId, status: 500 });
    const stats = await w.send(w.scjg, 'GET', '/api/sharing/call-stats?side=provider');
    expect(stats.json().byGrant.find((s: { id: string }) => s.id === grantId).errors).toBe(1);
    // a failed call does not use the quota; a call without the sensitive item still works meanwhile
    expect((await rows('?fields=name')).status).toBe(200);
  };

  it(`${QUOTA * 4} concurrent calls on a quota of ${QUOTA} → exactly ${QUOTA} answered, the rest 429`, async () => {
    // injected together, so every call is in the gateway before the first one is answered
    const call = () =>
      w.t.app.inject({
        method: 'GET',
        url: `/share/v1/resources/${encodeURIComponent(w.code)}/rows`,
        headers: { authorization: `Bearer ${token}` },
      });
    // PGlite is one session: holding it for a moment lets all the calls reach the database together
    const held = w.t.modules.deps.db.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const answers = await Promise.all(Array.from({ length: QUOTA * 4 }, call));
    await held;
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(QUOTA);
    expect(statuses.filter((s) => s === 429)).toHaveLength(QUOTA * 3);
    const next = await rows();
    expect(next.status).toBe(429);
    expect((await next.json()).code).toBe('GATEWAY_QUOTA_EXCEEDED');
    const used = await sql<{ calls: number }>`select calls from sharing.grant_usage
      where grant_id = ${grantId}`.execute(w.t.modules.deps.db);
    expect(used.rows[0]?.calls).toBe(QUOTA);
  });

  it(`a change made elsewhere (another node) reaches the cached policy within ${LIVE_MS} ms`, async () => {
    const db = w.t.modules.deps.db;
    await sql`delete from sharing.grant_usage`.execute(db);
    expect((await rows('?fields=name')).status).toBe(200);
    // straight in the database, so nothing in this process hears of it
    await sql`update sharing.share_grant set state = 'revoked' where id = ${grantId}`.execute(db);
    await settle();
    const revoked = await rows('?fields=name');
    expect(revoked.status).toBe(403);
    expect((await revoked.json()).code).toBe('GATEWAY_NO_GRANT');
    await sql`update sharing.share_grant set state = 'active' where id = ${grantId}`.execute(db);
    expect((await rows('?fields=name')).status).toBe(200);
    await sql`update sharing.system_client set is_enabled = false`.execute(db);
    await settle();
    expect((await rows('?fields=name')).status).toBe(401);
    await sql`update sharing.system_client set is_enabled = true`.execute(db);
    expect((await rows('?fields=name')).status).toBe(200);
  });

  it('a new version reclassified 不予共享 stops the grant at the next call (403 with a code)', async () => {
    await sql`delete from sharing.grant_usage`.execute(w.t.modules.deps.db);
    expect((await rows()).status).toBe(200);
    const edited = await w.send(w.scjg, 'PUT', `/api/sharing/resources/${w.resourceId}`, {
      ...LEGAL_PERSONS,
      shareType: 'none',
      shareConditions: undefined,
      shareBasis: '《个人信息保护法》第十三条：涉及个人信息，暂停共享',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // the draft alone changes nothing: the published version is still 有条件共享
    expect((await rows()).status).toBe(200);
    await w.send(w.scjg, 'POST', `/api/sharing/resources/${w.resourceId}/submit`);
    const published = await w.send(w.bureau, 'POST', `/api/sharing/resources/${w.resourceId}/approve`);
    expect(published.json()).toMatchObject({ version: 2, shareType: 'none' });
    const refused = await rows();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'GATEWAY_NOT_SHAREABLE' });
    expect(await logged('GATEWAY_NOT_SHAREABLE')).toMatchObject({ grantId, status: 403 });
  });
});
