// 用印 and 验章: signing PDFs (RSA, CMS) and data (SM2-SM3) with an issued seal, and verifying both.
// A signature dated at or after the seal's lost_at (挂失) or destroyed_at (销毁) does not verify; one
// made before stays valid. The signing time of data signatures is the caller's record (it is not
// inside the SM2 signature); PDF signatures carry it as a signed attribute.
import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { issuingCertificate } from '../authority.ts';
import type { SealsDeps } from '../deps.ts';
import { sealsErrors } from '../errors.ts';
import { sm2Sign, sm2Verify, sm2PublicKeyPem as toPem } from '../keys.ts';
import { checkPdfSignature, findLastSignature, signPdfBytes } from '../pdf.ts';
import { canSign } from '../policy.ts';
import * as store from '../store.ts';
import { type SealInfo, type SealPublicInfo, toPublicInfo, toSealInfo } from '../views.ts';

/** The department's issued, currently valid seal, preferring 行政审批专用章 over 公章. */
export async function signingSealOf(
  deps: SealsDeps,
  db: Executor,
  departmentId: string,
): Promise<SealInfo | null> {
  const now = deps.clock.now();
  const rows = await store.listSeals(db, { departmentId, state: 'issued', kinds: ['approval', 'official'] });
  const usable = rows
    .filter((r) => r.valid_from && r.valid_to && r.valid_from <= now && now <= r.valid_to)
    .sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? 1 : -1) : a.kind === 'approval' ? -1 : 1));
  const chosen = usable[0];
  if (!chosen) return null;
  const row = await store.getSeal(db, chosen.id);
  return row ? toSealInfo(row) : null;
}

type SignTarget = { sealId: string; departmentId: string };

/** The seal, when `ctx` may sign with it now for `departmentId`; else the AppError saying why. */
async function usableSeal(deps: SealsDeps, tx: Executor, ctx: RequestContext, target: SignTarget) {
  const seal = await store.getSeal(tx, target.sealId);
  if (!seal) throw sealsErrors.notFound();
  if (seal.department_id !== target.departmentId) throw sealsErrors.forbidden('印章不属于该部门');
  const now = deps.clock.now();
  const authorised = (await store.listAuthorizations(tx, seal.id))
    .filter((a) => a.revoked_at === null && a.until > now)
    .map((a) => a.account_id);
  if (!canSign(ctx.actor, seal, authorised)) throw sealsErrors.forbidden();
  if (seal.state !== 'issued') throw sealsErrors.notUsable(`印章状态为 ${seal.state}，不能用印`);
  if (!seal.valid_from || !seal.valid_to || now < seal.valid_from || now > seal.valid_to) {
    throw sealsErrors.notUsable('不在印章有效期内');
  }
  if (!seal.rsa_private_key_enc || !seal.sm2_private_key_enc || !seal.certificate_pem) {
    throw sealsErrors.notUsable('印章密钥缺失');
  }
  return {
    ...seal,
    rsa_private_key_enc: seal.rsa_private_key_enc,
    sm2_private_key_enc: seal.sm2_private_key_enc,
    certificate_pem: seal.certificate_pem,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Signs an UNSIGNED PDF: adds the signature placeholder on page 1 and a CMS signature by the seal's
 * certificate. Audited as `seal.sign` in `tx`.
 */
export async function signPdf(
  deps: SealsDeps,
  tx: Executor,
  ctx: RequestContext,
  input: SignTarget & { pdf: Uint8Array; reason: string; location: string; signerName?: string },
): Promise<Uint8Array> {
  const seal = await usableSeal(deps, tx, ctx, input);
  const issuing = await store.getAuthority(tx, 'issuing');
  const signedAt = deps.clock.now();
  let signed: Uint8Array;
  try {
    signed = await signPdfBytes({
      pdf: input.pdf,
      reason: input.reason,
      location: input.location,
      name: input.signerName ?? seal.name,
      contactInfo: `${seal.department_name} ${seal.code}`,
      signingTime: signedAt,
      privateKeyPem: deps.cipher.decrypt(seal.rsa_private_key_enc),
      certificatePem: seal.certificate_pem,
      chainPems: issuing ? [issuing.certificate_pem] : [],
    });
  } catch (error) {
    throw sealsErrors.badPdf(error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  await deps.audit.record(tx, ctx, {
    action: 'seal.sign',
    subjectType: 'seal',
    subjectId: seal.id,
    summary: { format: 'pdf', code: seal.code, reason: input.reason, sha256: sha256(signed) },
  });
  return signed;
}

/** SM2-with-SM3 over `data` (default user id 1234567812345678), DER hex. Audited as `seal.sign`. */
export async function signData(
  deps: SealsDeps,
  tx: Executor,
  ctx: RequestContext,
  input: SignTarget & { data: Uint8Array },
): Promise<{ algorithm: 'SM2-SM3'; signature: string; signedAt: Date }> {
  const seal = await usableSeal(deps, tx, ctx, input);
  const signature = sm2Sign(input.data, deps.cipher.decrypt(seal.sm2_private_key_enc));
  const signedAt = deps.clock.now();
  await deps.audit.record(tx, ctx, {
    action: 'seal.sign',
    subjectType: 'seal',
    subjectId: seal.id,
    summary: { format: 'sm2', code: seal.code, sha256: sha256(input.data), signedAt: signedAt.toISOString() },
  });
  return { algorithm: 'SM2-SM3', signature, signedAt };
}

type VerifyProblem =
  | null
  | 'signature'
  | 'seal-lost'
  | 'seal-destroyed'
  | 'seal-unknown'
  | 'outside-validity';

/** What the seal's history says about a signature made at `at` (null: fine). */
function timeProblem(
  seal: store.SealRow,
  at: Date | null,
): 'seal-lost' | 'seal-destroyed' | 'outside-validity' | null {
  if (seal.destroyed_at && (!at || at >= seal.destroyed_at)) return 'seal-destroyed';
  if (seal.lost_at && (!at || at >= seal.lost_at)) return 'seal-lost';
  if (at && (!seal.valid_from || !seal.valid_to || at < seal.valid_from || at > seal.valid_to)) {
    return 'outside-validity';
  }
  return null;
}

export async function verifyData(
  db: Executor,
  input: { sealId: string; data: Uint8Array; signature: string; signedAt: Date },
): Promise<{ isValid: boolean; problem: VerifyProblem; seal: SealPublicInfo | null }> {
  const seal = /^[0-9a-f-]{36}$/i.test(input.sealId) ? await store.getSeal(db, input.sealId) : null;
  if (!seal?.sm2_public_key)
    return { isValid: false, problem: 'seal-unknown', seal: seal ? toPublicInfo(seal) : null };
  const info = toPublicInfo(seal);
  if (!sm2Verify(input.data, input.signature, seal.sm2_public_key)) {
    return { isValid: false, problem: 'signature', seal: info };
  }
  const problem = timeProblem(seal, input.signedAt);
  return { isValid: problem === null, problem, seal: info };
}

export type PdfVerification = {
  hasSignature: boolean;
  isIntact: boolean;
  isSignatureValid: boolean;
  isIssuedByPlatform: boolean;
  seal: SealPublicInfo | null;
  signedAt: Date | null;
  problem:
    | null
    | 'no-signature'
    | 'modified'
    | 'bad-signature'
    | 'unknown-signer'
    | 'seal-lost'
    | 'seal-destroyed'
    | 'outside-validity';
};

/** Checks the last signature of a PDF: integrity, CMS signature, our CA, the seal's state then. */
export async function verifyPdf(db: Executor, pdf: Uint8Array): Promise<PdfVerification> {
  const found = findLastSignature(pdf);
  if (!found) {
    return {
      hasSignature: false,
      isIntact: false,
      isSignatureValid: false,
      isIssuedByPlatform: false,
      seal: null,
      signedAt: null,
      problem: 'no-signature',
    };
  }
  const checked = checkPdfSignature(pdf, found);
  const issuing = checked.signer ? await issuingCertificate(db) : null;
  let isIssuedByPlatform = false;
  if (issuing && checked.signer) {
    try {
      isIssuedByPlatform = issuing.verify(checked.signer);
    } catch {
      isIssuedByPlatform = false;
    }
  }
  const sealRow =
    isIssuedByPlatform && checked.signer
      ? await store.getSealByCertificateSerial(db, checked.signer.serialNumber.toLowerCase())
      : null;
  const base = {
    hasSignature: true,
    isIntact: checked.isIntact,
    isSignatureValid: checked.isSignatureValid,
    isIssuedByPlatform,
    seal: sealRow ? toPublicInfo(sealRow) : null,
    signedAt: checked.signedAt,
  };
  if (checked.problem) return { ...base, problem: checked.problem };
  if (!sealRow) return { ...base, problem: 'unknown-signer' };
  return { ...base, problem: timeProblem(sealRow, checked.signedAt) };
}

export async function sm2PublicKeyPem(db: Executor, sealId: string): Promise<string> {
  const seal = /^[0-9a-f-]{36}$/i.test(sealId) ? await store.getSeal(db, sealId) : null;
  if (!seal?.sm2_public_key) throw sealsErrors.notFound();
  return toPem(seal.sm2_public_key);
}
