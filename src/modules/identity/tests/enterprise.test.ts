import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { generateUscc } from '../../../platform/standards/uscc.ts';

describe('enterprises (法人) and agents (经办人)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
  });
  afterAll(() => t.close());

  const uscc = (n: number) =>
    generateUscc({
      registrationAuthority: '9',
      category: '1',
      divisionCode: '411502',
      orgBody: String(10000000 + n).slice(0, 8),
    });

  it('opens an enterprise for its legal representative and flags (not refuses) a checksum mismatch', async () => {
    const rep = await signUpCitizen(t, { realName: '陈法人' });
    const good = uscc(1);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: rep.headers,
      payload: { uscc: good, name: '信阳毛尖茶业有限公司' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ uscc: good, relation: 'legal_rep', isChecksumFlagged: false });
    const other = uscc(2);
    const wrongCheck = other.slice(0, 17) + (other[17] === '0' ? '1' : '0');
    const flagged = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: rep.headers,
      payload: { uscc: wrongCheck, name: '试点期企业' },
    });
    expect(flagged.statusCode).toBe(201);
    expect(flagged.json().isChecksumFlagged).toBe(true);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: rep.headers,
      payload: { uscc: 'I1411502MA00000000', name: '错误代码' },
    });
    expect(malformed.json().code).toBe('IDENTITY_USCC_INVALID');
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: rep.headers,
      payload: { uscc: good.toLowerCase(), name: '重复' },
    });
    expect(dup.json().code).toBe('IDENTITY_ENTERPRISE_TAKEN');
  });

  it('authorises an agent who then acts for the enterprise, recorded with both identities, until revoked', async () => {
    const rep = await signUpCitizen(t, { realName: '周法人' });
    const agent = await signUpCitizen(t, { realName: '吴经办' });
    const ent = (
      await t.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: rep.headers,
        payload: { uscc: uscc(3), name: '浉河食品店' },
      })
    ).json();

    const before = await t.app.inject({
      method: 'POST',
      url: '/api/me/acting',
      headers: agent.headers,
      payload: { enterpriseId: ent.id },
    });
    expect(before.statusCode).toBe(403);

    const grant = (over: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/enterprises/${ent.id}/mandates`,
        headers: rep.headers,
        payload: {
          agentIdNumber: agent.input.idNumber,
          agentName: '吴经办',
          scope: 'all',
          validUntil: '2026-12-31',
          ...over,
        },
      });
    expect((await grant({ agentName: '别人' })).json().code).toBe('IDENTITY_AGENT_NOT_FOUND');
    expect((await grant({ validUntil: '2020-01-01' })).json().code).toBe('IDENTITY_MANDATE_DATE_INVALID');
    expect((await grant({ scope: 'items' })).statusCode).toBe(400);
    const byStranger = await t.app.inject({
      method: 'POST',
      url: `/api/enterprises/${ent.id}/mandates`,
      headers: agent.headers,
      payload: {
        agentIdNumber: agent.input.idNumber,
        agentName: '吴经办',
        scope: 'all',
        validUntil: '2026-12-31',
      },
    });
    expect(byStranger.statusCode).toBe(404);
    const meBefore = await t.app.inject({ method: 'GET', url: '/api/me', headers: agent.headers });
    expect(meBefore.json().enterprises).toEqual([]); // now cached with the agent's session
    const mandate = await grant({});
    expect(mandate.statusCode).toBe(201);
    const meAfter = await t.app.inject({ method: 'GET', url: '/api/me', headers: agent.headers });
    expect(meAfter.json().enterprises.map((e: { id: string }) => e.id)).toEqual([ent.id]);
    expect(mandate.json()).toMatchObject({ status: 'active', agentName: '吴经办', scope: 'all' });
    expect(mandate.body).not.toContain(agent.input.idNumber);

    const acting = await t.app.inject({
      method: 'POST',
      url: '/api/me/acting',
      headers: agent.headers,
      payload: { enterpriseId: ent.id },
    });
    expect(acting.statusCode).toBe(200);
    expect(acting.json().acting).toMatchObject({ id: ent.id, relation: 'agent' });
    const { rows } = await sql<{ actor_id: string; on_behalf_of: string }>`
      select actor_id, on_behalf_of from audit.entry where action = 'identity.acting.switch' order by seq desc limit 1`.execute(
      t.db,
    );
    expect(rows[0].actor_id).toBe(agent.accountId);

    // a change made while acting records the enterprise beside the person
    const pw = await t.app.inject({ method: 'GET', url: '/api/me', headers: agent.headers });
    expect(pw.json().acting.id).toBe(ent.id);

    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/enterprises/${ent.id}/mandates/${mandate.json().id}/revoke`,
      headers: rep.headers,
    });
    expect(revoke.json().status).toBe('revoked');
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: agent.headers });
    expect(after.json().acting).toBeNull();
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/enterprises/${ent.id}/mandates`,
      headers: rep.headers,
    });
    expect(list.json()).toHaveLength(1);
  });

  it('records the enterprise as on-behalf-of in the audit entries of an agent acting for it', async () => {
    const rep = await signUpCitizen(t, { realName: '郑法人' });
    const ent = (
      await t.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: rep.headers,
        payload: { uscc: uscc(4), name: '羊山商贸' },
      })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/me/acting',
      headers: rep.headers,
      payload: { enterpriseId: ent.id },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/me/acting',
      headers: rep.headers,
      payload: { enterpriseId: null },
    });
    const { rows } = await sql<{ on_behalf_of: string | null }>`
      select on_behalf_of from audit.entry where action = 'identity.acting.switch' and actor_id = ${rep.accountId} order by seq`.execute(
      t.db,
    );
    expect(rows.map((r) => r.on_behalf_of)).toEqual([null, ent.id]);
  });

  it('lets a window clerk clear a checksum flag after checking, once, with a note; citizens cannot', async () => {
    const rep = await signUpCitizen(t, { realName: '冯法人' });
    const code = uscc(5);
    const pilot = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const ent = (
      await t.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: rep.headers,
        payload: { uscc: pilot, name: '试点登记企业' },
      })
    ).json();
    const clerk = await staffSession(t, ['window_clerk']);
    const flagged = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises/flagged',
      headers: clerk.headers,
    });
    expect(flagged.json().map((e: { id: string }) => e.id)).toContain(ent.id);
    const asCitizen = await t.app.inject({
      method: 'POST',
      url: `/api/enterprises/${ent.id}/clear-flag`,
      headers: rep.headers,
      payload: { note: '自己核验' },
    });
    expect(asCitizen.statusCode).toBe(403);
    const clear = (note: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/enterprises/${ent.id}/clear-flag`,
        headers: clerk.headers,
        payload: { note },
      });
    expect((await clear('')).statusCode).toBe(400);
    expect((await clear('已核对营业执照原件')).statusCode).toBe(200);
    expect((await clear('再次核对')).json().code).toBe('IDENTITY_ENTERPRISE_NOT_FLAGGED');
    const mine = await t.app.inject({ method: 'GET', url: '/api/enterprises/mine', headers: rep.headers });
    expect(mine.json().find((e: { id: string }) => e.id === ent.id).isChecksumFlagged).toBe(false);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit.entry
      where action = 'identity.enterprise.clear-flag' and subject_id = ${ent.id} and actor_id = ${clerk.accountId}`.execute(
      t.db,
    );
    expect(rows[0].n).toBe(1);
  });
});
