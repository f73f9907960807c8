// The "Done when" for the gateway: 人社局 requests 法人基础信息, 市场监管局 approves, 人社局
// registers a system, a real openid-client (discovery against this server, client credentials) gets a
// token and calls /share/v1: masked ID numbers; the call is in the provider's log; revoking stops the
// next call. Plus 401/403/429 and attempts to get around masking by field choice or filters.
import * as oidcClient from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, REQUEST, type World, world } from './grants-support.ts';

describe('sharing gateway: OAuth2 client credentials from the platform OpenID provider, grants enforced', () => {
  let w: World;
  let grantId: string;
  let clientId: string;
  let clientSecret: string;
  let token: string;
  const rows = (path: string, bearer: string | null = token) =>
    fetch(`${w.base}/share/v1/resources/${encodeURIComponent(w.code)}/rows${path}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });

  beforeAll(async () => {
    w = await world();
    const asked = await w.send(w.rsj, 'POST', '/api/sharing/requests', {
      resourceId: w.resourceId,
      ...REQUEST,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().state).toBe('pending');
    const approved = await w.send(w.scjg, 'POST', `/api/sharing/requests/${asked.json().id}/approve`, {
      fields: ['uscc', 'name', 'legal_rep_id', 'status'],
      dailyQuota: 8,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    grantId = approved.json().grantId;
    const client = await w.send(w.rsj, 'POST', '/api/sharing/clients', { name: '就业补贴审核系统' });
    expect(client.statusCode, client.body).toBe(201);
    ({ clientId, clientSecret } = client.json());
  });
  afterAll(() => w.t.close());

  it('a real openid-client discovers the provider, gets a JWT by client credentials and reads masked rows', async () => {
    const config = await oidcClient.discovery(new URL(`${w.base}/oidc`), clientId, clientSecret, undefined, {
      execute: [oidcClient.allowInsecureRequests],
    });
    expect(config.serverMetadata().issuer).toBe(`${w.base}/oidc`);
    const tokens = await oidcClient.clientCredentialsGrant(config, {
      resource: `${w.base}/share/v1`,
      scope: 'share:read',
    });
    token = tokens.access_token;
    expect(token.split('.')).toHaveLength(3);

    const res = await rows('');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.fields).toEqual(['uscc', 'name', 'legal_rep_id', 'status']);
    expect(body.masked).toEqual(['legal_rep_id']);
    expect(body.total).toBe(3);
    for (const row of body.rows) {
      expect(Object.keys(row).sort()).toEqual(['legal_rep_id', 'name', 'status', 'uscc']);
      expect(row.legal_rep_id).toMatch(/^\d{6}\*{8}\w{4}$/);
      expect(IDS).not.toContain(row.legal_rep_id);
    }
    expect(JSON.stringify(body)).not.toContain('张三');

    const log = await w.send(w.scjg, 'GET', `/api/sharing/call-log?side=provider&grantId=${grantId}`);
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      clientId,
      grantId,
      status: 200,
      rowCount: 3,
      purpose: REQUEST.purpose,
      fields: ['uscc', 'name', 'legal_rep_id', 'status'],
    });
    // another department (here the consumer asking as a provider) sees nothing of it; a stranger's grant → 404
    const foreign = await w.send(w.rsj, 'GET', `/api/sharing/call-log?side=provider&grantId=${grantId}`);
    expect(foreign.statusCode).toBe(404);
  });

  it('field choice and filters cannot widen the grant or reveal a masked value', async () => {
    expect((await rows('?fields=uscc,legal_rep')).status).toBe(403); // legal_rep not granted
    const narrowed = await (await rows('?fields=name,status&filter.status=存续')).json();
    expect(narrowed.rows).toEqual([{ name: '信阳毛尖茶业有限公司', status: '存续' }]);
    // probing a masked ID number by filtering on it is refused, whether the guess is right or wrong
    const right = await rows(`?filter.legal_rep_id=${IDS[0]}`);
    const wrong = await rows('?filter.legal_rep_id=411502199001011234');
    expect(right.status).toBe(403);
    expect(wrong.status).toBe(403);
    expect((await right.json()).code).toBe('GATEWAY_BEYOND_GRANT');
    expect((await rows('?filter.legal_rep=张三')).status).toBe(403); // not granted
    // a NUL byte (which the database's text cannot hold) is a bad filter, not a server fault
    const nul = await rows('?filter.status=%00');
    expect(nul.status).toBe(400);
    expect((await nul.json()).code).toBe('GATEWAY_BAD_FILTER');
  });

  it('no token, a forged or a malformed one → 401 with WWW-Authenticate', async () => {
    const none = await rows('', null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const [h, p] = token.split('.');
    expect((await rows('', `${h}.${p}.AAAA`)).status).toBe(401);
    expect((await rows('', 'not-a-token')).status).toBe(401);
  });

  it('over the daily quota → 429 with Retry-After; statistics per grant and resource', async () => {
    let last = 200;
    for (let i = 0; i < 8 && last === 200; i++) last = (await rows('?fields=name')).status;
    const over = await rows('?fields=name');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    const stats = await w.send(w.scjg, 'GET', '/api/sharing/call-stats?side=provider');
    expect(stats.statusCode).toBe(200);
    const g = stats.json().byGrant.find((s: { id: string }) => s.id === grantId);
    expect(g.calls).toBeGreaterThan(8);
    expect(g.errors).toBeGreaterThan(0);
    expect(g.p95LatencyMs).toBeGreaterThan(0);
    expect(stats.json().byResource[0].id).toBe(w.resourceId);
  });

  it('revoking takes effect on the next call (403); a disabled client cannot get a token', async () => {
    const revoked = await w.send(w.scjg, 'POST', `/api/sharing/grants/${grantId}/revoke`, {
      reason: '用途已结束',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await rows('?fields=name');
    expect(after.status).toBe(403);
    expect((await after.json()).code).toBe('GATEWAY_NO_GRANT');

    const off = await w.send(w.rsj, 'POST', `/api/sharing/clients/${clientId}/disable`);
    expect(off.statusCode, off.body).toBe(200);
    expect((await rows('')).status).toBe(401);
    const config = await oidcClient.discovery(new URL(`${w.base}/oidc`), clientId, clientSecret, undefined, {
      execute: [oidcClient.allowInsecureRequests],
    });
    await expect(
      oidcClient.clientCredentialsGrant(config, { resource: `${w.base}/share/v1` }),
    ).rejects.toThrow();
  });
});
