// Issuing (核发) at case conclusion. The `case.conclude` event only queues the case (inside the
// dispatcher's transaction, nothing else is read there); the worker then reads the case and the
// item outside any transaction, renders the PDF, and in one transaction has the department's seal
// sign it (PDF signature + SM2 over the canonical data), stores the file and writes the license,
// its audit entry, the holder's notification and `license.issued`. One license per case.
import { createHash } from 'node:crypto';
import { chineseDate, shanghaiDate } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { defineError } from '../../platform/errors.ts';
import { emit, type OutboxEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { loadPdfFont } from '../../platform/pdf-font.ts';
import type { CaseFacts } from '../cases/index.ts';
import type { LicensesDeps } from './deps.ts';
import { licensesErrors } from './errors.ts';
import {
  addYears,
  canonicalData,
  fillFields,
  licenseNumber,
  maskedFields,
  maskHolderCode,
  maskPersonName,
} from './fields.ts';
import { buildLicenseIdentifier } from './identifier.ts';
import { pdfRenderer } from './render.ts';
import * as store from './store.ts';

const fontMissing = defineError('LICENSES_FONT_MISSING', 503, '服务器缺少生成电子证照所需的中文字体');
const LEASE_MS = 60_000;

/** The `case.conclude` handler: queue the case; the worker decides whether it yields a license. */
export async function onCaseConcluded(deps: LicensesDeps, event: OutboxEvent, tx: Executor) {
  const caseId = event.payload.caseId;
  if (typeof caseId === 'string') await store.enqueue(tx, caseId, deps.clock.now());
}

/** Works through the queue; returns how many licenses were issued. Safe on several nodes. */
export async function issuePending(deps: LicensesDeps, limit = 20): Promise<number> {
  let issued = 0;
  for (let i = 0; i < limit; i++) {
    const job = await store.claimJob(deps.db, deps.clock.now(), LEASE_MS);
    if (!job) break;
    try {
      if (await issueFor(deps, job.case_id)) issued++;
      else await store.finishJob(deps.db, job.case_id, deps.clock.now(), null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.finishJob(deps.db, job.case_id, deps.clock.now(), message.slice(0, 500));
    }
  }
  return issued;
}

/** Issues the license of one concluded case; false when the case yields none (or has one). */
export async function issueFor(deps: LicensesDeps, caseId: string): Promise<boolean> {
  const facts = await deps.cases.facts(caseId);
  if (facts?.state !== 'concluded' || facts.decision !== 'approved') return false;
  if (await store.getByCase(deps.db, caseId)) return false;
  const guide = await deps.catalog.getPublicVersion(facts.versionId);
  const resultLicense = guide.version.content.resultLicense;
  if (!resultLicense) return false;
  const type = await store.getTypeByName(deps.db, resultLicense);
  if (!type?.is_active) throw licensesErrors.typeNotFound(`证照类型“${resultLicense}”不存在或已停用`);
  const department = await deps.org.getDepartment(facts.departmentId);
  if (!department) throw licensesErrors.noSeal('发证部门不存在');
  const seal = await deps.seals.signingSealOf(deps.db, department.id);
  if (!seal) throw licensesErrors.noSeal(`${department.name}没有已发放的电子印章`);

  const prepared = await prepare(deps, facts, type, department, seal.imagePng);
  const ctx = systemContext(`license-issue:${caseId}`);
  return deps.db.transaction().execute(async (tx) => {
    const pdf = await deps.seals.signPdf(tx, ctx, {
      sealId: seal.id,
      departmentId: department.id,
      pdf: prepared.unsignedPdf,
      reason: `核发${type.name}`,
      location: 'Xinyang',
    });
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    const dataText = canonicalData({ ...prepared.canonical, pdfSha256 });
    const signed = await deps.seals.signData(tx, ctx, {
      sealId: seal.id,
      departmentId: department.id,
      data: new TextEncoder().encode(dataText),
    });
    const file = await deps.files.storeBytes(
      ctx,
      { name: `${type.name}-${prepared.row.license_no}.pdf`, bytes: pdf },
      tx,
    );
    const row: store.LicenseRow = {
      ...prepared.row,
      seal_id: seal.id,
      file_id: file.id,
      pdf_sha256: pdfSha256,
      data_text: dataText,
      data_signature: signed.signature,
      signed_at: signed.signedAt,
    };
    await store.insertLicense(tx, row);
    await store.finishJob(tx, caseId, deps.clock.now(), null);
    await emit(tx, 'license.issued', { licenseId: row.id, caseId, typeName: type.name });
    // the citizen holder, or for an enterprise the person who applied for it
    const told = facts.applicant.accountId;
    if (told) {
      await deps.notify.send(tx, {
        recipient: { kind: 'citizen', id: told },
        kind: 'license.issued',
        title:
          row.holder_kind === 'citizen' ? `您的${type.name}已核发` : `${row.holder_name}的${type.name}已核发`,
        body: `电子证照已放入${row.holder_kind === 'citizen' ? '' : '单位'}证照夹，编号 ${row.license_no}。`,
        link: `/mine/licenses/${row.id}`,
      });
    }
    await deps.audit.record(tx, ctx, {
      action: 'license.issue',
      subjectType: 'license',
      subjectId: row.id,
      summary: {
        identifier: row.identifier,
        licenseNo: row.license_no,
        caseNo: facts.caseNo,
        type: type.name,
      },
    });
    return true;
  });
}

/** Everything that needs no transaction: numbers, fields, the unsigned PDF. */
async function prepare(
  deps: LicensesDeps,
  facts: CaseFacts,
  type: store.LicenseTypeRow,
  department: { id: string; name: string; uscc: string },
  sealPng: Uint8Array,
) {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const year = today.slice(0, 4);
  const serial = await store.nextSerial(deps.db);
  const identifier = buildLicenseIdentifier({
    typeCode: type.type_code,
    issuerCode: department.uscc,
    serial: `${year}${String(serial).padStart(7, '0')}`,
    version: '001',
  });
  const licenseNo = licenseNumber(type, facts.divisionCode, year, serial);
  const validTo = type.validity_years ? addYears(today, type.validity_years) : null;
  const holder = facts.applicant;
  const holderCode = holder.idNumber;
  const fields = fillFields(type.fields, {
    holderName: holder.name,
    holderKind: holder.kind,
    holderCode,
    licenseNo,
    departmentName: department.name,
    validFrom: today,
    validTo,
    address: facts.contactAddress,
    answers: facts.answers,
  });
  const verifyUrl = verifyUrlOf(deps, identifier);
  const font = loadPdfFont(deps.config.pdfFontPath, fontMissing);
  const unsignedPdf = await pdfRenderer(font).render({
    title: type.name,
    licenseNo,
    identifier,
    holderName: holder.name,
    fields,
    issuer: department.name,
    issuedOnText: chineseDate(today),
    verifyUrl,
    sealPng,
    issuedAt: now,
  });
  const row: Omit<
    store.LicenseRow,
    'seal_id' | 'file_id' | 'pdf_sha256' | 'data_text' | 'data_signature' | 'signed_at'
  > = {
    id: newId(),
    identifier,
    license_no: licenseNo,
    type_id: type.id,
    type_name: type.name,
    holder_kind: holder.kind,
    holder_account_id: holder.kind === 'citizen' ? holder.accountId : null,
    holder_enterprise_id: holder.kind === 'enterprise' ? holder.enterpriseId : null,
    holder_name: holder.name,
    holder_code_type: holder.idType,
    holder_code_enc: deps.cipher.encrypt(holderCode),
    holder_code_hash: deps.cipher.blindIndex(holderCode),
    department_id: department.id,
    department_name: department.name,
    issuer_code: department.uscc,
    division_code: facts.divisionCode,
    case_id: facts.id,
    case_no: facts.caseNo,
    fields,
    valid_from: today,
    valid_to: validTo,
    issued_at: now,
    status: 'valid',
    status_reason: null,
    status_changed_at: null,
  };
  const canonical = {
    identifier,
    licenseNo,
    typeCode: type.type_code,
    typeName: type.name,
    holderName: holder.kind === 'citizen' ? maskPersonName(holder.name) : holder.name,
    holderCodeMasked: maskHolderCode(holderCode),
    issuerCode: department.uscc,
    issuer: department.name,
    validFrom: today,
    validTo,
    issuedAt: now.toISOString(),
    fields: maskedFields(fields, { code: holderCode, name: holder.name, kind: holder.kind }),
  };
  return { unsignedPdf, row, canonical };
}

export function verifyUrlOf(deps: LicensesDeps, identifier: string): string {
  // without YIWANG_PUBLIC_URL the QR code points at the local server (README: set it in production)
  const origin = deps.config.publicUrl ?? `http://localhost:${deps.config.port || 3000}`;
  return `${origin}/verify?id=${encodeURIComponent(identifier)}`;
}
