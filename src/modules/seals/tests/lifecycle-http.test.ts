// The life of a seal over HTTP: apply → review → make → file → issue → authorise → report lost →
// destroy, each step audited; wrong role, wrong department, wrong state and bad bodies refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { staffSession } from '../../../../test/support/auth.ts';

let t: TestApp;
let deptId: string;
let otherDeptId: string;
type Who = Awaited<ReturnType<typeof staffSession>>;
let deptAdmin: Who;
let otherAdmin: Who;
let office: Who;
let clerk: Who;

beforeAll(async () => {
  t = await testApp();
  await t.modules.org.seedDemo();
  deptId = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? '';
  otherDeptId = (await t.modules.org.findDepartment('411500', '公安局'))?.id ?? '';
  deptAdmin = await staffSession(t, ['dept_admin'], 'sealadmin', deptId);
  otherAdmin = await staffSession(t, ['dept_admin'], 'otheradmin', otherDeptId);
  office = await staffSession(t, ['office_admin'], 'officeadmin');
  clerk = await staffSession(t, ['reviewer'], 'sealclerk', deptId);
}, 60_000);
afterAll(() => t.close());

const call = (who: Who | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });

describe('seal lifecycle over HTTP', () => {
  let sealId: string;

  it('a department admin applies; the code is 6-digit division + 2-digit kind + 6-digit serial', async () => {
    const res = await call(deptAdmin, 'POST', '/api/seals', {
      kind: 'approval',
      reason: '办理行政许可结果用印',
      validityYears: 3,
    });
    expect(res.statusCode).toBe(201);
    const seal = res.json();
    expect(seal).toMatchObject({
      state: 'applied',
      kind: 'approval',
      departmentId: deptId,
      name: '信阳市市场监督管理局行政审批专用章',
    });
    expect(seal.code).toMatch(/^41150002\d{6}$/);
    sealId = seal.id;
  });

  it('refuses bad bodies (400), the wrong role (403) and other departments (404)', async () => {
    const bad = await call(deptAdmin, 'POST', '/api/seals', { kind: 'secret', reason: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      (await call(clerk, 'POST', '/api/seals', { kind: 'official', reason: '申请公章' })).statusCode,
    ).toBe(403);
    expect(
      (await call(deptAdmin, 'POST', `/api/seals/${sealId}/review`, { approve: true, reason: '同意' }))
        .statusCode,
    ).toBe(403);
    expect((await call(otherAdmin, 'GET', `/api/seals/${sealId}`)).json().code).toBe('SEALS_NOT_FOUND');
    expect((await call(otherAdmin, 'GET', '/api/seals')).json().items).toEqual([]);
    expect((await call(null, 'GET', '/api/seals')).statusCode).toBe(401);
  });

  it('cannot be made before review (409 SEALS_WRONG_STATE)', async () => {
    const res = await call(office, 'POST', `/api/seals/${sealId}/make`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SEALS_WRONG_STATE');
  });

  it('the office reviews, makes, files and issues it', async () => {
    expect(
      (
        await call(office, 'POST', `/api/seals/${sealId}/review`, {
          approve: true,
          reason: '材料齐全，同意刻制',
        })
      ).json().state,
    ).toBe('approved');
    const made = await call(office, 'POST', `/api/seals/${sealId}/make`, {});
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({ state: 'made', hasImage: true });
    expect(made.json().validFrom).toBe('2026-03-02T02:00:00.000Z');
    expect((await call(office, 'POST', `/api/seals/${sealId}/issue`, {})).statusCode).toBe(409);
    expect((await call(office, 'POST', `/api/seals/${sealId}/file`, { note: '已备案' })).json().state).toBe(
      'filed',
    );
    const issued = await call(office, 'POST', `/api/seals/${sealId}/issue`, {});
    expect(issued.json().state).toBe('issued');
    expect(issued.json().steps.map((s: { action: string }) => s.action)).toEqual([
      'seal.apply',
      'seal.approve',
      'seal.make',
      'seal.file',
      'seal.issue',
    ]);
  });

  it('shows the image (PNG and SVG with glyph paths) to staff of the department', async () => {
    const png = await call(clerk, 'GET', `/api/seals/${sealId}/image.png`);
    expect(png.statusCode).toBe(200);
    expect(png.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.rawPayload.readUInt32BE(16)).toBe(400); // IHDR width
    const svg = await call(clerk, 'GET', `/api/seals/${sealId}/image.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect((svg.body.match(/<path /g) ?? []).length).toBeGreaterThan(20);
    expect((await call(otherAdmin, 'GET', `/api/seals/${sealId}/image.png`)).statusCode).toBe(404);
  });

  it('authorises and revokes staff of its own department only', async () => {
    const until = '2026-12-31T00:00:00+08:00';
    const other = await call(deptAdmin, 'POST', `/api/seals/${sealId}/authorizations`, {
      accountId: otherAdmin.id,
      until,
    });
    expect(other.json().code).toBe('SEALS_BAD_ACCOUNT');
    const foreign = await call(otherAdmin, 'POST', `/api/seals/${sealId}/authorizations`, {
      accountId: clerk.id,
      until,
    });
    expect(foreign.statusCode).toBe(404);
    const granted = await call(deptAdmin, 'POST', `/api/seals/${sealId}/authorizations`, {
      accountId: clerk.id,
      until,
    });
    expect(granted.statusCode).toBe(200);
    const auth = granted.json().authorizations[0];
    expect(auth).toMatchObject({ accountId: clerk.id, revokedAt: null });
    expect(
      (await call(otherAdmin, 'DELETE', `/api/seals/${sealId}/authorizations/${auth.id}`)).statusCode,
    ).toBe(404);
    const revoked = await call(deptAdmin, 'DELETE', `/api/seals/${sealId}/authorizations/${auth.id}`);
    expect(revoked.json().authorizations[0].revokedAt).not.toBeNull();
    expect(
      (await call(deptAdmin, 'DELETE', `/api/seals/${sealId}/authorizations/${auth.id}`)).statusCode,
    ).toBe(404);
  });

  it('publishes public keys to anyone and never any private material', async () => {
    const pub = await call(null, 'GET', `/api/seals/${sealId}/public`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().sm2PublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(pub.json().certificatePem).toContain('BEGIN CERTIFICATE');
    const row = await t.db
      .withTables<{
        'seals.seal': { id: string; sm2_private_key_enc: string; rsa_private_key_enc: string };
      }>()
      .selectFrom('seals.seal')
      .select(['sm2_private_key_enc', 'rsa_private_key_enc'])
      .where('id', '=', sealId)
      .executeTakeFirstOrThrow();
    const sm2Private = t.modules.deps.cipher.decrypt(row.sm2_private_key_enc);
    for (const res of [
      pub,
      await call(office, 'GET', `/api/seals/${sealId}`),
      await call(office, 'GET', '/api/seals'),
    ]) {
      expect(res.body).not.toMatch(/PRIVATE/);
      expect(res.body).not.toContain(sm2Private);
      expect(res.body).not.toContain(row.rsa_private_key_enc.slice(3, 40));
    }
  });

  it('reports the seal lost, then destroys it; each step is in the audit log', async () => {
    expect(
      (await call(otherAdmin, 'POST', `/api/seals/${sealId}/report-lost`, { reason: '遗失' })).statusCode,
    ).toBe(404);
    const lost = await call(deptAdmin, 'POST', `/api/seals/${sealId}/report-lost`, {
      reason: '印章介质遗失',
    });
    expect(lost.json()).toMatchObject({ state: 'lost', lostAt: '2026-03-02T02:00:00.000Z' });
    expect(
      (await call(deptAdmin, 'POST', `/api/seals/${sealId}/destroy`, { reason: '销毁' })).statusCode,
    ).toBe(403);
    const destroyed = await call(office, 'POST', `/api/seals/${sealId}/destroy`, { reason: '挂失后销毁' });
    expect(destroyed.json().state).toBe('destroyed');
    expect(
      (await call(office, 'POST', `/api/seals/${sealId}/destroy`, { reason: '再次销毁' })).json().code,
    ).toBe('SEALS_WRONG_STATE');
    const { items } = await t.modules.audit.searchEntries({ subjectId: sealId, limit: 50 });
    expect(items.map((e) => e.action).sort()).toEqual(
      [
        'seal.apply',
        'seal.approve',
        'seal.make',
        'seal.file',
        'seal.issue',
        'seal.authorize',
        'seal.revoke_authorization',
        'seal.report_lost',
        'seal.destroy',
      ].sort(),
    );
  });

  it('a rejected application goes no further', async () => {
    const applied = (
      await call(deptAdmin, 'POST', '/api/seals', { kind: 'official', reason: '申请公章' })
    ).json();
    expect(applied.code).toMatch(/^41150001\d{6}$/);
    const rejected = await call(office, 'POST', `/api/seals/${applied.id}/review`, {
      approve: false,
      reason: '已有公章',
    });
    expect(rejected.json().state).toBe('rejected');
    expect((await call(office, 'POST', `/api/seals/${applied.id}/make`, {})).statusCode).toBe(409);
  });
});
