// Filing a case: online by the applicant, or at a window by a clerk for a walk-in applicant. Every filing
// carries an Idempotency-Key: the same key and body return the same case, the same key with another body
// is refused (422), and a duplicate arriving while the first is still in flight gets 409 (RELIABILITY R1).
// Reads (catalog, identity) happen before the transaction; the transaction writes case, materials,
// timeline, submission key, audit, outbox and notification together.
import { createHash } from 'node:crypto';
import { addWorkingDays } from '../../../platform/calendar.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { errors } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import type { GuideView } from '../../catalog/index.ts';
import { caseNumber } from '../case-number.ts';
import { NOTICE_DAYS } from '../clock.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import { defaultForm, formProblems } from '../form.ts';
import type { FormSchema } from '../form-schema.ts';
import { recordChange } from '../record.ts';
import type { MaterialInput, SubmitInput } from '../schema.ts';
import * as store from '../store.ts';

export type Applicant = {
  kind: 'citizen' | 'enterprise';
  accountId: string | null;
  enterpriseId: string | null;
  name: string;
  idType: string;
  idNumber: string;
};

/** What a case is filed against, frozen onto it: the item version (or, for a bundle's parent, the bundle). */
export type CaseBasis = {
  implementationId: string;
  versionId: string;
  basicCode: string;
  implementationCode: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  divisionCode: string;
  isInstant: boolean;
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
  formSchema: FormSchema;
  requiredMaterials: string[];
  /** material name → the e-license type that may replace it (免提交) */
  licenseTypes: Record<string, string>;
};

/** Everything checked before writing: the published version, its form, the materials. */
export type Prepared = { guide: GuideView; basis: CaseBasis };

export function basisOf(guide: GuideView): CaseBasis {
  const content = guide.version.content;
  return {
    implementationId: guide.implementationId,
    versionId: guide.version.id,
    basicCode: guide.basicCode,
    implementationCode: guide.code,
    itemName: content.name,
    departmentId: guide.department.id,
    departmentName: guide.department.name,
    divisionCode: guide.divisionCode,
    isInstant: content.isInstant,
    legalLimitDays: content.legalLimitDays,
    promisedLimitDays: content.promisedLimitDays,
    formSchema: defaultForm(content),
    requiredMaterials: content.materials.filter((m) => m.isRequired).map((m) => m.name),
    licenseTypes: licenseTypesOf(content.materials),
  };
}

export const licenseTypesOf = (materials: ReadonlyArray<{ name: string; licenseType: string | null }>) =>
  Object.fromEntries(materials.flatMap((m) => (m.licenseType ? [[m.name, m.licenseType]] : [])));

export async function prepare(
  deps: CasesDeps,
  input: Pick<SubmitInput, 'implementationId' | 'form' | 'materials'>,
): Promise<Prepared> {
  const guide = await deps.catalog.getGuide(input.implementationId);
  const basis = basisOf(guide);
  const problems = [
    ...formProblems(basis.formSchema, input.form),
    ...materialProblems(guide, input.materials),
  ];
  if (problems.length > 0) throw caseErrors.formInvalid(`共有 ${problems.length} 处需要修改`, problems);
  return { guide, basis };
}

/** Every required material provided (files or an e-license), no unknown names, no repeats. */
export function materialProblems(guide: GuideView, materials: MaterialInput[]) {
  const problems: Array<{ path: string; message: string }> = [];
  const known = new Map(guide.version.content.materials.map((m) => [m.name, m]));
  const seen = new Set<string>();
  materials.forEach((m, i) => {
    if (!known.has(m.name))
      problems.push({ path: `body.materials.${i}.name`, message: `“${m.name}”不是该事项的申请材料` });
    if (seen.has(m.name)) problems.push({ path: `body.materials.${i}.name`, message: `“${m.name}”重复提交` });
    seen.add(m.name);
    if (m.licenseRef) {
      // 免提交: the license itself is checked (holder, type, status) when the case is written
      if (!known.get(m.name)?.licenseType) {
        problems.push({
          path: `body.materials.${i}.licenseRef`,
          message: `“${m.name}”不能以电子证照代替，请上传文件`,
        });
      }
    } else if (m.fileIds.length === 0) {
      problems.push({ path: `body.materials.${i}.fileIds`, message: `“${m.name}”没有上传文件` });
    }
  });
  for (const [name, m] of known) {
    if (m.isRequired && !seen.has(name))
      problems.push({ path: 'body.materials', message: `缺少必需材料“${name}”` });
  }
  return problems;
}

export const requestHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/** The idempotency answer before any work: a replay, a reused key, or nothing yet. */
export async function priorSubmission(
  deps: CasesDeps,
  tx: Tx | null,
  accountId: string,
  key: string,
  hash: string,
) {
  const found = await store.findSubmission(tx ?? deps.db, accountId, key);
  if (!found) return null;
  if (found.request_hash !== hash) throw caseErrors.keyReused();
  return found.case_id;
}

export type NewCase = {
  id?: string;
  caseNo?: string;
  parentId?: string | null;
  bundleId?: string | null;
  basis: CaseBasis;
  applicant: Applicant;
  input: Pick<SubmitInput, 'form' | 'materials' | 'contact' | 'deliveryMethod'>;
  channel: 'online' | 'window';
  filedBy: Actor;
  /** false for a bundle's sub-cases: the applicant hears about the bundle once */
  notify?: boolean;
  /** writes that need the case row, run before the change is recorded (its audit entry locks the chain) */
  beforeRecord?: (tx: Tx, row: store.CaseRow) => Promise<void>;
};

/** A case as just written: the row, its materials and its first timeline entry. */
export type WrittenCase = { row: store.CaseRow; materials: store.MaterialRow[]; events: store.EventRow[] };

/** Writes one case with its materials and its first timeline entry (inside the caller's transaction). */
export async function insertCase(
  deps: CasesDeps,
  tx: Tx,
  ctx: RequestContext,
  n: NewCase,
): Promise<WrittenCase> {
  const now = deps.clock.now();
  const b = n.basis;
  const received = shanghaiDate(now);
  const id = n.id ?? newId();
  const row: store.CaseRow = {
    id,
    case_no: n.caseNo ?? caseNumber(b.divisionCode, now, await store.nextSerial(tx)),
    parent_id: n.parentId ?? null,
    bundle_id: n.bundleId ?? null,
    implementation_id: b.implementationId,
    version_id: b.versionId,
    basic_code: b.basicCode,
    implementation_code: b.implementationCode,
    item_name: b.itemName,
    department_id: b.departmentId,
    department_name: b.departmentName,
    division_code: b.divisionCode,
    is_instant: b.isInstant,
    legal_limit_days: b.legalLimitDays,
    promised_limit_days: b.promisedLimitDays,
    applicant_kind: n.applicant.kind,
    applicant_account_id: n.applicant.accountId,
    enterprise_id: n.applicant.enterpriseId,
    applicant_name: n.applicant.name,
    applicant_id_type: n.applicant.idType,
    applicant_id_enc: deps.cipher.encrypt(n.applicant.idNumber),
    applicant_id_hash: deps.cipher.blindIndex(n.applicant.idNumber),
    contact_name: n.input.contact.name,
    contact_phone_enc: deps.cipher.encrypt(n.input.contact.phone),
    contact_address: n.input.contact.address,
    postcode: n.input.contact.postcode,
    delivery_method: n.input.deliveryMethod,
    channel: n.channel,
    filed_by: n.filedBy.accountId,
    state: 'submitted',
    form: n.input.form,
    form_schema: b.formSchema,
    submitted_at: now,
    received_on: received,
    notice_due_on: await addWorkingDays(tx, received, NOTICE_DAYS),
    accepted_at: null,
    accepted_on: null,
    accepted_by_name: null,
    acceptance_doc_no: null,
    legal_due_on: null,
    promised_due_on: null,
    extension_days: 0,
    extension_reason: null,
    decision: null,
    decision_reason: null,
    decided_at: null,
    concluded_at: null,
    result_name: null,
    refusal_reason: null,
    refusal_basis: null,
    closed_reason: null,
    updated_at: now,
  };
  await store.insertCase(tx, row);
  const required = new Set(b.requiredMaterials);
  const materials = await addMaterials(
    deps,
    tx,
    row,
    n.input.materials,
    1,
    n.filedBy,
    required,
    b.licenseTypes,
  );
  await n.beforeRecord?.(tx, row);
  const event = await recordChange(
    deps,
    tx,
    ctx,
    { ...row, state: 'submitted' },
    {
      action: n.channel === 'online' ? 'submit' : 'file',
      to: 'submitted',
      data: { versionId: row.version_id, channel: n.channel },
    },
  );
  return { row, materials, events: [event] };
}

/** Stores materials (claiming their uploads for the case); `required` names the required ones. Returns the rows as stored, in the order a case's materials are read. */
export async function addMaterials(
  deps: CasesDeps,
  tx: Tx,
  c: store.CaseRow,
  materials: MaterialInput[],
  round: number,
  uploader: Actor,
  required: ReadonlySet<string>,
  licenseTypes: Readonly<Record<string, string>> = {},
): Promise<store.MaterialRow[]> {
  const fileIds = materials.flatMap((m) => m.fileIds);
  if (fileIds.length > 0) {
    await deps.files.claim(
      tx,
      fileIds,
      { kind: uploader.kind, id: uploader.accountId },
      { type: 'case', id: c.id },
    );
  }
  for (const m of materials) {
    if (m.licenseRef) await authorizeLicense(deps, tx, c, m, uploader, licenseTypes[m.name]);
  }
  const now = deps.clock.now();
  const rows = materials.map((m) => ({
    id: newId(),
    case_id: c.id,
    name: m.name,
    is_required: required.has(m.name),
    // uuid[]: stored (and read back) in lower case
    file_ids: m.fileIds.map((id) => id.toLowerCase()),
    license_ref: m.licenseRef,
    round,
    provided_at: now,
  }));
  await store.insertMaterials(tx, rows);
  return rows.sort((a, b) => a.round - b.round || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function requireKey(key: string | undefined): string {
  if (!key) throw caseErrors.keyMissing();
  if (!/^[\x21-\x7e]{8,100}$/.test(key))
    throw errors.validation('Idempotency-Key 应为 8–100 个可见 ASCII 字符');
  return key;
}

/**
 * 用证授权: the applicant, filing online, lets the department use a held license for a material. At a
 * window the applicant is not signed in to authorise it, so the clerk scans the paper instead.
 */
async function authorizeLicense(
  deps: CasesDeps,
  tx: Tx,
  c: store.CaseRow,
  m: MaterialInput,
  uploader: Actor,
  licenseTypeName: string | undefined,
) {
  if (!m.licenseRef || !licenseTypeName || uploader.kind !== 'citizen') {
    throw caseErrors.formInvalid('电子证照只能由申请人在网上申办时选用', [
      { path: 'body.materials', message: `“${m.name}”请上传文件` },
    ]);
  }
  await deps.licenses.authorizeUse(tx, {
    licenseId: m.licenseRef,
    licenseTypeName,
    materialName: m.name,
    holder: {
      kind: c.applicant_kind,
      accountId: c.applicant_account_id ?? c.filed_by,
      enterpriseId: c.enterprise_id,
    },
    grantedBy: uploader.accountId,
    caseId: c.id,
    caseNo: c.case_no,
    departmentId: c.department_id,
  });
}
