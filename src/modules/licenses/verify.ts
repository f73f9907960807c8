// Public verification (核验): by identifier (the QR code carries it) → status, issuer, validity, masked
// holder and the SM2 signature over the license data checked against the seal; by PDF → the file's
// signature and digest checked, and the file matched to the license it claims to be. Refusals are audited.
import { createHash } from 'node:crypto';
import { shanghaiDate } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { LicensesDeps } from './deps.ts';
import { licensesErrors } from './errors.ts';
import { maskPersonName } from './fields.ts';
import { parseLicenseIdentifier } from './identifier.ts';
import { LICENSE_STATUS_LABELS, type PdfVerifyResult, type VerifyResult } from './schema.ts';
import * as store from './store.ts';
import { usabilityProblems } from './views.ts';

const SEAL_PROBLEMS: Record<string, string> = {
  signature: '证照数据与电子印章签名不符',
  'seal-lost': '签章所用的电子印章已挂失',
  'seal-destroyed': '签章所用的电子印章已销毁',
  'seal-unknown': '签章所用的电子印章不存在',
  'outside-validity': '签章时间不在电子印章有效期内',
};

async function auditRefusal(
  deps: LicensesDeps,
  ctx: RequestContext,
  action: string,
  summary: Record<string, unknown>,
) {
  await deps.db
    .transaction()
    .execute((tx) => deps.audit.record(tx, ctx, { action, subjectType: 'license', summary }));
}

export async function verifyIdentifier(
  deps: LicensesDeps,
  ctx: RequestContext,
  raw: string,
): Promise<VerifyResult> {
  const parsed = parseLicenseIdentifier(raw);
  if (!parsed.ok) {
    await auditRefusal(deps, ctx, 'license.verify-refused', {
      identifier: raw.slice(0, 200),
      problem: parsed.problem,
    });
    throw parsed.problem === 'check'
      ? licensesErrors.identifierCheck('标识最后一位校验位与前面的内容不符，请核对后重新输入')
      : licensesErrors.identifierMalformed('电子证照标识应形如 1.2.156.3005.2.…，共 10 段');
  }
  const row = await store.getByIdentifier(deps.db, raw.trim().toUpperCase());
  if (!row) throw licensesErrors.notFound('没有找到该标识对应的电子证照');
  return resultOf(deps, row);
}

async function resultOf(deps: LicensesDeps, row: store.LicenseRow): Promise<VerifyResult> {
  const check = await deps.seals.verifyData(deps.db, {
    sealId: row.seal_id,
    data: new TextEncoder().encode(row.data_text),
    signature: row.data_signature,
    signedAt: row.signed_at,
  });
  const sealProblem = check.isValid
    ? null
    : (SEAL_PROBLEMS[check.problem ?? 'signature'] ?? '电子印章签名无效');
  const problems = usabilityProblems(row, shanghaiDate(deps.clock.now()), sealProblem);
  const isValid = problems.length === 0;
  return {
    identifier: row.identifier,
    isValid,
    verdict: isValid ? '有效' : '无效',
    problems,
    typeName: row.type_name,
    licenseNo: row.license_no,
    status: row.status,
    statusLabel: LICENSE_STATUS_LABELS[row.status],
    statusReason: row.status_reason,
    issuer: row.department_name,
    holderMasked: row.holder_kind === 'citizen' ? maskPersonName(row.holder_name) : row.holder_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    issuedAt: row.issued_at.toISOString(),
    seal: check.seal
      ? { id: check.seal.id, name: check.seal.name, code: check.seal.code, state: check.seal.state }
      : null,
    signature: {
      algorithm: 'SM2-SM3',
      value: row.data_signature,
      signedData: row.data_text,
      isValid: check.isValid,
    },
  };
}

export async function verifyPdf(
  deps: LicensesDeps,
  ctx: RequestContext,
  pdf: Uint8Array,
): Promise<PdfVerifyResult> {
  const digest = createHash('sha256').update(pdf).digest('hex');
  const check = await deps.seals.verifyPdf(deps.db, pdf);
  const row = await store.findByPdfDigest(deps.db, digest);
  const problems: string[] = [];
  if (!check.hasSignature) problems.push('文件没有数字签名');
  else {
    if (!check.isIntact) problems.push('文件在签名后被修改过');
    if (!check.isSignatureValid) problems.push('数字签名无效');
    if (!check.isIssuedByPlatform) problems.push('签名证书不是本平台签发的');
  }
  if (!row && problems.length === 0) problems.push('文件与平台签发的任何电子证照都不一致');
  const isGenuine = problems.length === 0 && row !== undefined;
  if (!isGenuine) {
    await auditRefusal(deps, ctx, 'license.verify-pdf-failed', {
      sha256: digest,
      problems,
      size: pdf.length,
    });
  }
  return {
    verdict: isGenuine ? '一致' : '不一致',
    isGenuine,
    problems,
    license: row && isGenuine ? await resultOf(deps, row) : null,
  };
}
