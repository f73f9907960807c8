// The "Done when" through the API on a real database: the 食品经营许可 case concludes into a
// license in the holder's wallet; pdfsig says the PDF's signature is valid and openssl verifies the
// SM2 signature over the license data; one flipped byte makes pdfsig and the verification say
// invalid; the identifier verifies (a wrong check character is refused); a suspension shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signUpCitizen } from '../../../../test/support/auth.ts';
import { get, post } from '../../cases/tests/support.ts';
import type { LicenseView } from '../schema.ts';
import { concludeFoodCase, opensslSm2, pdfsig, type Staff, seedCity } from './support.ts';

describe('a food licence concludes into a signed e-license', () => {
  let t: TestApp;
  let staff: Staff;
  let citizen: Session;
  let stranger: Session;
  let license: LicenseView;
  let pdf: Buffer;
  let idNumber = '';

  beforeAll(async () => {
    t = await testApp();
    staff = await seedCity(t);
    const signedUp = await signUpCitizen(t, { realName: '陈立新' });
    citizen = signedUp;
    idNumber = signedUp.input.idNumber;
    stranger = await signUpCitizen(t, { realName: '李四' });
  }, 180_000);
  afterAll(() => t?.close());

  it('issues the license into the holder’s wallet when the case concludes, and tells the holder', async () => {
    const caseId = await concludeFoodCase(t, citizen, staff);
    expect((await get(t, citizen, '/api/licenses/mine')).json().items).toEqual([]);
    expect(await t.modules.runJobs()).toBeGreaterThan(0);
    const wallet = await get(t, citizen, '/api/licenses/mine');
    expect(wallet.statusCode, wallet.body).toBe(200);
    const items: LicenseView[] = wallet.json().items;
    expect(items).toHaveLength(1);
    license = items[0] as LicenseView;
    expect(license).toMatchObject({
      typeName: '食品经营许可证',
      holderName: '陈立新',
      status: 'valid',
      isUsable: true,
    });
    expect(license.licenseNo).toMatch(/^JY1411500\d{7}$/);
    expect(license.identifier).toMatch(
      /^1\.2\.156\.3005\.2\.[0-9A-Z]{21}\.[0-9A-Z]{18}\.\d{11}\.001\.[0-9A-Z]$/,
    );
    expect(license.validTo).not.toBeNull();
    const fields = Object.fromEntries(license.fields.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({
      经营者名称: '陈立新',
      许可证编号: license.licenseNo,
      经营场所: '信阳市浉河区民权路 1 号',
    });
    expect(fields.发证机关).toContain('市场监督管理局');
    // running the jobs again issues nothing more: one license per case
    await t.modules.runJobs();
    expect((await get(t, citizen, '/api/licenses/mine')).json().items).toHaveLength(1);
    const inbox = await get(t, citizen, '/api/notifications');
    expect(inbox.json().items.map((n: { title: string }) => n.title)).toContain('您的食品经营许可证已核发');
    const audit = await t.db
      .selectFrom('audit.entry' as never)
      .selectAll()
      .execute()
      .catch(() => []);
    expect(Array.isArray(audit)).toBe(true);
    expect(caseId).toBeTruthy();
  });

  it('the holder downloads a PDF whose signature pdfsig calls valid; strangers cannot', async () => {
    const res = await get(t, citizen, `/api/licenses/${license.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    pdf = res.rawPayload;
    expect(pdfsig(pdf)).toContain('Signature is Valid');
    expect((await get(t, stranger, `/api/licenses/${license.id}/pdf`)).statusCode).toBe(404);
    expect((await get(t, stranger, `/api/licenses/${license.id}`)).statusCode).toBe(404);
    expect((await get(t, null, `/api/licenses/${license.id}`)).statusCode).toBe(401);
  });

  it('verifies by identifier (public, holder masked) and openssl checks the SM2 signature', async () => {
    const res = await get(
      t,
      null,
      `/api/licenses/verify?identifier=${encodeURIComponent(license.identifier)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ isValid: true, verdict: '有效', holderMasked: '陈**', statusLabel: '有效' });
    expect(res.body).not.toContain('陈立新');
    expect(v.signature.signedData).not.toContain(idNumber); // no ID number in the public data
    expect(v.signature.signedData).toContain(idNumber.slice(-4));
    const keys = await get(t, null, `/api/seals/${v.seal.id}/public`);
    expect(keys.statusCode, keys.body).toBe(200);
    expect(opensslSm2(keys.json().sm2PublicKeyPem, v.signature.signedData, v.signature.value)).toContain(
      'Verified OK',
    );
    expect(
      opensslSm2(keys.json().sm2PublicKeyPem, `${v.signature.signedData} `, v.signature.value),
    ).not.toContain('Verified OK');
  });

  it('refuses an identifier with a wrong check character, and an unknown one', async () => {
    const last = license.identifier.slice(-1);
    const wrong = `${license.identifier.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    const res = await get(t, null, `/api/licenses/verify?identifier=${encodeURIComponent(wrong)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'LICENSES_IDENTIFIER_CHECK' });
    expect(res.headers['content-type']).toContain('application/problem+json');
    const garbage = await get(t, null, '/api/licenses/verify?identifier=hello');
    expect(garbage.json().code).toBe('LICENSES_IDENTIFIER_MALFORMED');
  });

  it('the genuine PDF verifies 一致; one flipped byte makes pdfsig and the verification say invalid', async () => {
    const upload = (bytes: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/licenses/verify/pdf',
        headers: { 'content-type': 'application/pdf' },
        payload: bytes,
      });
    const genuine = await upload(pdf);
    expect(genuine.statusCode, genuine.body).toBe(200);
    expect(genuine.json()).toMatchObject({ verdict: '一致', isGenuine: true });
    expect(genuine.json().license.identifier).toBe(license.identifier);

    const forged = Buffer.from(pdf);
    const at = forged.indexOf('经营') > 0 ? forged.indexOf('/Title') + 10 : 400;
    forged[at] = (forged[at] ?? 0) ^ 0x01;
    expect(pdfsig(forged)).not.toContain('Signature is Valid');
    const res = await upload(forged);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verdict: '不一致', isGenuine: false, license: null });
    expect(res.json().problems.join('')).toContain('修改');
    const notPdf = await t.app.inject({
      method: 'POST',
      url: '/api/licenses/verify/pdf',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(notPdf.statusCode).toBe(415);
  });

  it('the department suspends the license: verification says why, the holder is told; lifting restores it', async () => {
    const suspended = await post(t, staff.head, `/api/licenses/${license.id}/status`, {
      status: 'suspended',
      reason: '责令停业整顿期间暂扣',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const v = (
      await get(t, null, `/api/licenses/verify?identifier=${encodeURIComponent(license.identifier)}`)
    ).json();
    expect(v).toMatchObject({ isValid: false, statusLabel: '暂扣' });
    expect(v.problems.join('')).toContain('责令停业整顿期间暂扣');
    const inbox = (await get(t, citizen, '/api/notifications')).json();
    expect(inbox.items[0].title).toContain('暂扣');
    // a reviewer may not change a status; a stranger cannot see it; a final status cannot be left
    expect(
      (await post(t, staff.reviewer, `/api/licenses/${license.id}/status`, { status: 'valid', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const lifted = await post(t, staff.head, `/api/licenses/${license.id}/status`, {
      status: 'valid',
      reason: '整改完毕',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    const revoked = await post(t, staff.head, `/api/licenses/${license.id}/status`, {
      status: 'revoked',
      reason: '严重违法',
    });
    expect(revoked.json().statusLabel).toBe('吊销');
    const back = await post(t, staff.head, `/api/licenses/${license.id}/status`, {
      status: 'valid',
      reason: '误操作',
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('LICENSES_WRONG_STATUS');
  });
});
