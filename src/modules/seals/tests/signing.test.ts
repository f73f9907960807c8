// Signing and verifying with an issued seal: PDFs checked by poppler's pdfsig and by verifyPdf, SM2 data
// signatures checked by openssl, refusals for other departments, unauthorised staff and lost seals.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { systemContext } from '../../../platform/context.ts';
import type { SealView } from '../schema.ts';
import { issuedSeal, staffCtx } from './support.ts';

let t: TestApp;
let deptId: string;
let otherDeptId: string;
let seal: SealView;
let unsigned: Uint8Array;
const dir = mkdtempSync(join(tmpdir(), 'seals-'));
const system = systemContext('test');

function pdfsig(pdf: Uint8Array): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  try {
    return execFileSync('pdfsig', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

beforeAll(async () => {
  t = await testApp();
  await t.modules.org.seedDemo();
  deptId = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? '';
  otherDeptId = (await t.modules.org.findDepartment('411500', '公安局'))?.id ?? '';
  seal = await issuedSeal(t, deptId);
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Yiwang license test', { x: 50, y: 780 });
  unsigned = await doc.save();
}, 60_000);
afterAll(() => t.close());

const sign = (ctx = system, over: Partial<{ sealId: string; departmentId: string }> = {}) =>
  t.db.transaction().execute((tx) =>
    t.modules.seals.signPdf(tx, ctx, {
      sealId: seal.id,
      departmentId: deptId,
      pdf: unsigned,
      reason: '行政许可决定',
      location: '信阳市',
      ...over,
    }),
  );
const signData = (data: Uint8Array, ctx = system) =>
  t.db
    .transaction()
    .execute((tx) => t.modules.seals.signData(tx, ctx, { sealId: seal.id, departmentId: deptId, data }));

describe('PDF signatures', () => {
  let signed: Uint8Array;

  it('pdfsig and verifyPdf both accept a signed PDF', async () => {
    signed = await sign();
    expect(pdfsig(signed)).toContain('Signature is Valid');
    // the location 信阳市 as a UTF-16BE text string, not mangled to its low bytes
    const location = Buffer.from('\ufeff信阳市', 'utf16le').swap16().toString('latin1');
    expect(Buffer.from(signed).toString('latin1')).toContain(`/Location (${location})`);
    const result = await t.modules.seals.verifyPdf(t.db, signed);
    expect(result).toMatchObject({
      hasSignature: true,
      isIntact: true,
      isSignatureValid: true,
      isIssuedByPlatform: true,
      problem: null,
      signedAt: new Date('2026-03-02T02:00:00Z'),
    });
    expect(result.seal?.id).toBe(seal.id);
  });

  it('one flipped byte inside the signed range: pdfsig and verifyPdf both refuse', async () => {
    const tampered = new Uint8Array(signed);
    // the binary comment on the header's second line: inside the first signed range, harmless to parsers
    expect(tampered[9]).toBe('%'.charCodeAt(0));
    tampered[11] = (tampered[11] ?? 0) ^ 0x01;
    expect(pdfsig(tampered)).not.toContain('Signature is Valid');
    expect(await t.modules.seals.verifyPdf(t.db, tampered)).toMatchObject({
      isIntact: false,
      problem: 'modified',
    });
    const appended = new Uint8Array([...signed, ...new TextEncoder().encode('\n% more\n')]);
    expect((await t.modules.seals.verifyPdf(t.db, appended)).problem).toBe('modified');
  });

  it('an unsigned PDF has no signature', async () => {
    expect(await t.modules.seals.verifyPdf(t.db, unsigned)).toMatchObject({
      hasSignature: false,
      problem: 'no-signature',
    });
  });

  it('another department cannot sign with the seal; citizens never', async () => {
    await expect(sign(staffCtx(['dept_admin'], otherDeptId))).rejects.toMatchObject({
      code: 'SEALS_FORBIDDEN',
    });
    await expect(sign(system, { departmentId: otherDeptId })).rejects.toMatchObject({
      code: 'SEALS_FORBIDDEN',
    });
    const citizen = {
      ...staffCtx([], deptId),
      actor: { ...staffCtx([], deptId).actor!, kind: 'citizen' as const },
    };
    await expect(sign(citizen)).rejects.toMatchObject({ code: 'SEALS_FORBIDDEN' });
  });

  it('once a seal has authorisations only the authorised, dept_admin and dept_head may sign', async () => {
    const reviewer = staffCtx(['reviewer'], deptId);
    expect((await sign(reviewer)).length).toBeGreaterThan(0); // no authorisations yet: department staff
    const account = await t.modules.identity.createStaff(system, {
      username: 'sealuser',
      name: '用印人员',
      departmentId: deptId,
      divisionCode: '411500',
      roles: ['reviewer'],
      password: 'Xinyang#Staff2026',
    });
    const authorised = staffCtx(['reviewer'], deptId, account.id);
    await t.modules.seals.authorize(staffCtx(['dept_admin'], deptId), seal.id, {
      accountId: account.id,
      until: '2026-06-30T00:00:00Z',
    });
    await expect(sign(reviewer)).rejects.toMatchObject({ code: 'SEALS_FORBIDDEN' });
    expect((await sign(authorised)).length).toBeGreaterThan(0);
    expect((await sign(staffCtx(['dept_head'], deptId))).length).toBeGreaterThan(0);
  });
});

describe('SM2 data signatures and lost seals', () => {
  const data = new TextEncoder().encode(
    '1.2.156.3005.2.11100000000013338W011.114115000061222440.20260001.001.X',
  );

  it('openssl verifies the SM2 signature with the published key', async () => {
    const { algorithm, signature } = await signData(data);
    expect(algorithm).toBe('SM2-SM3');
    writeFileSync(join(dir, 'msg'), data);
    writeFileSync(join(dir, 'sig.der'), Buffer.from(signature, 'hex'));
    writeFileSync(join(dir, 'pub.pem'), await t.modules.seals.sm2PublicKeyPem(t.db, seal.id));
    const out = execFileSync(
      'openssl',
      [
        'dgst',
        '-sm3',
        '-verify',
        join(dir, 'pub.pem'),
        '-sigopt',
        'distid:1234567812345678',
        '-signature',
        join(dir, 'sig.der'),
        join(dir, 'msg'),
      ],
      { encoding: 'utf8' },
    );
    expect(out).toContain('Verified OK');
  });

  it('a signature made before the loss stays valid; one dated at or after lost_at does not; signing stops', async () => {
    const before = await signData(data);
    const signedPdf = await sign();
    const verify = (signedAt: Date, signature = before.signature, bytes = data) =>
      t.modules.seals.verifyData(t.db, { sealId: seal.id, data: bytes, signature, signedAt });
    expect(await verify(before.signedAt)).toMatchObject({ isValid: true, problem: null });
    expect((await verify(before.signedAt, before.signature, new TextEncoder().encode('other'))).problem).toBe(
      'signature',
    );

    t.clock.advance(3600_000);
    await t.modules.seals.reportLost(staffCtx(['dept_admin'], deptId), seal.id, '印章介质遗失');
    await expect(signData(data)).rejects.toMatchObject({ code: 'SEALS_NOT_USABLE' });
    await expect(sign()).rejects.toMatchObject({ code: 'SEALS_NOT_USABLE' });
    expect(await verify(before.signedAt)).toMatchObject({ isValid: true, problem: null });
    expect(await verify(t.clock.now())).toMatchObject({ isValid: false, problem: 'seal-lost' });
    expect((await t.modules.seals.verifyPdf(t.db, signedPdf)).problem).toBeNull();
    expect(await t.modules.seals.signingSealOf(t.db, deptId)).toBeNull();
  });

  it('every signature is in the audit log as seal.sign', async () => {
    const { items } = await t.modules.audit.searchEntries({
      action: 'seal.sign',
      subjectId: seal.id,
      limit: 50,
    });
    expect(items.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the signing seal of a department and the demo seals', () => {
  it('prefers the 行政审批专用章 over the 公章 and carries the public parts', async () => {
    const official = await issuedSeal(t, otherDeptId, 'official');
    expect((await t.modules.seals.signingSealOf(t.db, otherDeptId))?.id).toBe(official.id);
    const approval = await issuedSeal(t, otherDeptId, 'approval');
    const info = await t.modules.seals.signingSealOf(t.db, otherDeptId);
    expect(info?.id).toBe(approval.id);
    expect(info?.sm2PublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(info?.imageSvg).toContain('<path');
    expect(JSON.stringify(info)).not.toMatch(/PRIVATE/);
  });

  it('seeds an issued approval seal for each city department, once', async () => {
    const added = await t.modules.seals.seedDemo();
    expect(added).toBe(
      (await t.modules.org.listDepartments('411500')).filter((d) => d.divisionCode === '411500').length,
    );
    expect(await t.modules.seals.seedDemo()).toBe(0);
    const police = await t.modules.org.findDepartment('411500', '税务局');
    expect((await t.modules.seals.signingSealOf(t.db, police?.id ?? ''))?.code).toMatch(/^411500029\d{5}$/);
  }, 30_000);
});
