// Two (here three) nodes starting at once on one database: the OpenID provider's signing key is
// created once, every node signs and verifies with the same key set, and a token one node issues is
// accepted by the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { sql } from '../../../platform/db/index.ts';
import type { SharingDeps } from '../deps.ts';
import { createOidc } from '../gateway/oidc.ts';
import { people, sender } from './support.ts';

describe('sharing OIDC: the signing key is created once when nodes start together', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('nodes starting at once share one key; a token from one verifies on the others', async () => {
    const m = t.modules;
    const deps: SharingDeps = {
      ...m.deps,
      audit: m.audit,
      org: m.org,
      inspectZip: async () => ({ isSafe: true }),
    };
    const nodes = [createOidc(deps), createOidc(deps)];
    // the app itself is the third node: its provider starts with the first token request
    const { rsj } = await people(t);
    const send = sender(t);
    const client = (await send(rsj, 'POST', '/api/sharing/clients', { name: '就业补贴审核系统' })).json();
    const [issued] = await Promise.all([
      t.app.inject({
        method: 'POST',
        url: '/oidc/token',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          resource: nodes[0]?.audience ?? '',
        }).toString(),
      }),
      ...nodes.map((n) => n.handler()),
    ]);
    const keys = await sql<{ n: number }>`select count(*)::int as n from sharing.oidc_key`.execute(t.db);
    expect(keys.rows[0]?.n).toBe(1);
    expect(issued.statusCode, issued.body).toBe(200);
    const token = issued.json().access_token as string;
    for (const n of nodes) expect(await n.verify(token)).toBe(client.clientId);
  });
});
