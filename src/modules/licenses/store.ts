// SQL for the licenses schema. Nothing else reads or writes these tables.
import { type Executor, sql } from '../../platform/db/index.ts';

export type LicenseStatus = 'valid' | 'suspended' | 'rescinded' | 'cancelled' | 'expired' | 'revoked';
export type HolderKind = 'citizen' | 'enterprise';

export type LicenseTypeRow = {
  id: string;
  seq: number;
  type_code: string;
  name: string;
  issuer_kind: string;
  holder_kinds: string[];
  validity_years: number | null;
  fields: string[];
  number_prefix: string | null;
  number_digits: number | null;
  notes: string;
  is_active: boolean;
  updated_at: Date;
};

export type PrintedField = { name: string; value: string };

export type LicenseRow = {
  id: string;
  identifier: string;
  license_no: string;
  type_id: string;
  type_name: string;
  holder_kind: HolderKind;
  holder_account_id: string | null;
  holder_enterprise_id: string | null;
  holder_name: string;
  holder_code_type: string;
  holder_code_enc: string;
  holder_code_hash: string;
  department_id: string;
  department_name: string;
  issuer_code: string;
  division_code: string;
  case_id: string | null;
  case_no: string | null;
  fields: PrintedField[];
  valid_from: string;
  valid_to: string | null;
  issued_at: Date;
  status: LicenseStatus;
  status_reason: string | null;
  status_changed_at: Date | null;
  seal_id: string;
  file_id: string;
  pdf_sha256: string;
  data_text: string;
  data_signature: string;
  signed_at: Date;
};

export type IssueJobRow = {
  case_id: string;
  queued_at: Date;
  claimed_until: Date | null;
  attempts: number;
  last_error: string | null;
  done_at: Date | null;
};

export type UseAuthorizationRow = {
  id: string;
  license_id: string;
  case_id: string;
  case_no: string;
  department_id: string;
  material_name: string;
  granted_by: string;
  granted_at: Date;
  valid_until: Date;
};

type Tables = {
  'licenses.license_type': LicenseTypeRow;
  'licenses.license': Omit<LicenseRow, 'fields'> & { fields: string | PrintedField[] };
  'licenses.issue_job': IssueJobRow;
  'licenses.use_authorization': UseAuthorizationRow;
};
const q = (db: Executor) => db.withTables<Tables>();

// ── types ──
export const listTypes = (db: Executor) =>
  q(db).selectFrom('licenses.license_type').selectAll().orderBy('seq').execute();
export const getType = (db: Executor, id: string) =>
  q(db).selectFrom('licenses.license_type').selectAll().where('id', '=', id).executeTakeFirst();
export const getTypeByName = (db: Executor, name: string) =>
  q(db).selectFrom('licenses.license_type').selectAll().where('name', '=', name).executeTakeFirst();
export async function insertTypes(tx: Executor, rows: LicenseTypeRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await q(tx)
    .insertInto('licenses.license_type')
    .values(rows)
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}
export async function updateType(
  tx: Executor,
  id: string,
  patch: Partial<Pick<LicenseTypeRow, 'validity_years' | 'fields' | 'is_active' | 'notes'>> & {
    updated_at: Date;
  },
) {
  await q(tx).updateTable('licenses.license_type').set(patch).where('id', '=', id).execute();
}

// ── licenses ──
const parse = (row: Omit<LicenseRow, 'fields'> & { fields: string | PrintedField[] }): LicenseRow => ({
  ...row,
  fields: typeof row.fields === 'string' ? (JSON.parse(row.fields) as PrintedField[]) : row.fields,
  valid_from: dateText(row.valid_from),
  valid_to: row.valid_to === null ? null : dateText(row.valid_to),
});
/** `date` columns come back as Date from pg and as strings from some drivers: always YYYY-MM-DD. */
function dateText(v: unknown): string {
  if (v instanceof Date) {
    return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  }
  return String(v).slice(0, 10);
}

export async function insertLicense(tx: Executor, row: LicenseRow): Promise<void> {
  await q(tx)
    .insertInto('licenses.license')
    .values({ ...row, fields: JSON.stringify(row.fields) })
    .execute();
}
export async function getLicense(db: Executor, id: string): Promise<LicenseRow | undefined> {
  const row = await q(db).selectFrom('licenses.license').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? parse(row) : undefined;
}
export async function getByIdentifier(db: Executor, identifier: string) {
  const row = await q(db)
    .selectFrom('licenses.license')
    .selectAll()
    .where('identifier', '=', identifier)
    .executeTakeFirst();
  return row ? parse(row) : undefined;
}
export async function findByPdfDigest(db: Executor, sha256: string) {
  const row = await q(db)
    .selectFrom('licenses.license')
    .selectAll()
    .where('pdf_sha256', '=', sha256)
    .executeTakeFirst();
  return row ? parse(row) : undefined;
}
export async function getByCase(db: Executor, caseId: string) {
  const row = await q(db)
    .selectFrom('licenses.license')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row ? parse(row) : undefined;
}
export async function getMany(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await q(db).selectFrom('licenses.license').selectAll().where('id', 'in', ids).execute();
  return rows.map(parse);
}
export type HolderFilter = { accountId: string; enterpriseId: string | null };
/** The holder's licenses: their own as a citizen, or the enterprise's when acting for one. */
export async function listHeld(db: Executor, holder: HolderFilter, typeName?: string) {
  let query = q(db).selectFrom('licenses.license').selectAll();
  query = holder.enterpriseId
    ? query.where('holder_enterprise_id', '=', holder.enterpriseId)
    : query.where('holder_account_id', '=', holder.accountId).where('holder_kind', '=', 'citizen');
  if (typeName) query = query.where('type_name', '=', typeName);
  return (await query.orderBy('issued_at', 'desc').limit(200).execute()).map(parse);
}
export async function listByDepartment(
  db: Executor,
  departmentId: string,
  options: { status?: LicenseStatus; limit: number; offset: number },
) {
  let query = q(db).selectFrom('licenses.license').selectAll().where('department_id', '=', departmentId);
  if (options.status) query = query.where('status', '=', options.status);
  const rows = await query.orderBy('issued_at', 'desc').limit(options.limit).offset(options.offset).execute();
  return rows.map(parse);
}
export async function setStatus(
  tx: Executor,
  id: string,
  patch: { status: LicenseStatus; status_reason: string; status_changed_at: Date },
) {
  await q(tx).updateTable('licenses.license').set(patch).where('id', '=', id).execute();
}
export async function nextSerial(tx: Executor): Promise<number> {
  const { rows } = await sql<{ n: string }>`select nextval('licenses.serial_seq') as n`.execute(tx);
  return Number(rows[0]?.n);
}

// ── the issuing queue ──
export async function enqueue(tx: Executor, caseId: string, at: Date): Promise<void> {
  await q(tx)
    .insertInto('licenses.issue_job')
    .values({
      case_id: caseId,
      queued_at: at,
      claimed_until: null,
      attempts: 0,
      last_error: null,
      done_at: null,
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
}
/** Claims the oldest pending job for `leaseMs` (safe with several nodes); null when none is due. */
export async function claimJob(db: Executor, now: Date, leaseMs: number): Promise<IssueJobRow | null> {
  const until = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<IssueJobRow>`
    update licenses.issue_job set claimed_until = ${until}, attempts = attempts + 1
    where case_id = (
      select case_id from licenses.issue_job
      where done_at is null and attempts < 5 and (claimed_until is null or claimed_until < ${now})
      order by queued_at limit 1 for update skip locked)
    returning *`.execute(db);
  return rows[0] ?? null;
}
export async function finishJob(tx: Executor, caseId: string, at: Date, error: string | null) {
  await q(tx)
    .updateTable('licenses.issue_job')
    .set(error === null ? { done_at: at, last_error: null } : { last_error: error, claimed_until: null })
    .where('case_id', '=', caseId)
    .execute();
}

// ── use authorisations ──
export async function insertUse(tx: Executor, row: UseAuthorizationRow) {
  await q(tx).insertInto('licenses.use_authorization').values(row).execute();
}
export const usesOf = (db: Executor, licenseId: string) =>
  q(db)
    .selectFrom('licenses.use_authorization')
    .selectAll()
    .where('license_id', '=', licenseId)
    .orderBy('granted_at', 'desc')
    .execute();
export const usesByCase = (db: Executor, caseId: string) =>
  q(db).selectFrom('licenses.use_authorization').selectAll().where('case_id', '=', caseId).execute();
