// SQL for the cases schema. Nothing else reads or writes these tables.
import type { Insertable, Selectable } from 'kysely';
import { type Executor, sql } from '../../platform/db/index.ts';
import type { FormSchema } from './form-schema.ts';
import type { CaseState, DeliveryMethod, FormData, SupplementInput } from './schema.ts';

type CaseTable = {
  id: string;
  case_no: string;
  parent_id: string | null;
  bundle_id: string | null;
  implementation_id: string;
  version_id: string;
  basic_code: string;
  implementation_code: string;
  item_name: string;
  department_id: string;
  department_name: string;
  division_code: string;
  is_instant: boolean;
  legal_limit_days: number | null;
  promised_limit_days: number | null;
  applicant_kind: 'citizen' | 'enterprise';
  applicant_account_id: string | null;
  enterprise_id: string | null;
  applicant_name: string;
  applicant_id_type: string;
  applicant_id_enc: string;
  applicant_id_hash: string;
  contact_name: string;
  contact_phone_enc: string;
  contact_address: string;
  postcode: string | null;
  delivery_method: DeliveryMethod;
  channel: 'online' | 'window';
  filed_by: string;
  state: CaseState;
  form: FormData;
  form_schema: FormSchema;
  submitted_at: Date;
  received_on: string;
  notice_due_on: string;
  accepted_at: Date | null;
  accepted_on: string | null;
  accepted_by_name: string | null;
  acceptance_doc_no: string | null;
  legal_due_on: string | null;
  promised_due_on: string | null;
  extension_days: number;
  extension_reason: string | null;
  decision: 'approved' | 'denied' | null;
  decision_reason: string | null;
  decided_at: Date | null;
  concluded_at: Date | null;
  result_name: string | null;
  refusal_reason: string | null;
  refusal_basis: string | null;
  closed_reason: string | null;
  updated_at: Date;
};
type MaterialTable = {
  id: string;
  case_id: string;
  name: string;
  is_required: boolean;
  file_ids: string[];
  license_ref: string | null;
  round: number;
  provided_at: Date;
};
type EventTable = {
  id: string;
  case_id: string;
  at: Date;
  actor_kind: string;
  actor_name: string;
  action: string;
  from_state: CaseState | null;
  to_state: CaseState;
  opinion: string | null;
  data: Record<string, unknown>;
};
type ClockStopTable = {
  id: string;
  case_id: string;
  kind: 'supplement' | 'special' | 'extension';
  special_kind: string | null;
  reason: string;
  started_at: Date;
  started_on: string;
  ended_at: Date | null;
  ended_on: string | null;
  paused_days: number | null;
  result: string | null;
};
type SupplementTable = {
  id: string;
  case_id: string;
  items: SupplementInput['items'];
  note: string;
  requested_at: Date;
  requested_by_name: string;
  answered_at: Date | null;
};
type SubmissionTable = {
  account_id: string;
  idem_key: string;
  request_hash: string;
  case_id: string;
  created_at: Date;
};
type DraftTable = {
  id: string;
  account_id: string;
  enterprise_id: string | null;
  implementation_id: string;
  content_enc: string;
  created_at: Date;
  updated_at: Date;
};
type Tables = {
  'cases.case': CaseTable;
  'cases.material': MaterialTable;
  'cases.event': EventTable;
  'cases.clock_stop': ClockStopTable;
  'cases.supplement': SupplementTable;
  'cases.submission': SubmissionTable;
  'cases.draft': DraftTable;
};
/** The query builder on the cases tables (store-reads.ts uses it too). */
export const q = (db: Executor) => db.withTables<Tables>();
/** jsonb values travel as their JSON text; PostgreSQL casts them on insert. */
const json = <T>(value: T): T => JSON.stringify(value) as unknown as T;

export type CaseRow = Selectable<CaseTable>;
export type MaterialRow = Selectable<MaterialTable>;
export type EventRow = Selectable<EventTable>;
export type ClockStopRow = Selectable<ClockStopTable>;
export type SupplementRow = Selectable<SupplementTable>;
export type DraftRow = Selectable<DraftTable>;

// ── cases ──

export async function nextSerial(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`select nextval('cases.case_no_seq')::int8 as n`.execute(db);
  return Number(rows[0]?.n);
}

export async function insertCase(db: Executor, row: Insertable<CaseTable>): Promise<void> {
  await q(db)
    .insertInto('cases.case')
    .values({ ...row, form: json(row.form), form_schema: json(row.form_schema) })
    .execute();
}

export const findCase = (db: Executor, id: string) =>
  q(db).selectFrom('cases.case').selectAll().where('id', '=', id).executeTakeFirst();

export const lockCase = (db: Executor, id: string) =>
  q(db).selectFrom('cases.case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findByCaseNo = (db: Executor, caseNo: string) =>
  q(db).selectFrom('cases.case').selectAll().where('case_no', '=', caseNo).executeTakeFirst();

export async function updateCase(db: Executor, id: string, patch: Partial<CaseRow>): Promise<void> {
  const { form, ...rest } = patch;
  await q(db)
    .updateTable('cases.case')
    .set({ ...rest, ...(form ? { form: json(form) } : {}) })
    .where('id', '=', id)
    .execute();
}

export const childrenOf = (db: Executor, parentId: string) =>
  q(db).selectFrom('cases.case').selectAll().where('parent_id', '=', parentId).orderBy('case_no').execute();

export type CaseFilter = {
  applicant?: { accountId: string; enterpriseId: string | null };
  departmentId?: string;
  state?: CaseState;
  text?: string;
};

function filtered(db: Executor, filter: CaseFilter) {
  let query = q(db).selectFrom('cases.case');
  if (filter.applicant) {
    const { accountId, enterpriseId } = filter.applicant;
    query = enterpriseId
      ? query.where('enterprise_id', '=', enterpriseId)
      : query.where('applicant_account_id', '=', accountId).where('enterprise_id', 'is', null);
    query = query.where('parent_id', 'is', null);
  }
  if (filter.departmentId) {
    // a bundle's parent belongs to no department's list: its sub-cases do
    query = query
      .where('department_id', '=', filter.departmentId)
      .where((eb) => eb.or([eb('bundle_id', 'is', null), eb('parent_id', 'is not', null)]));
  }
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('case_no', 'like', like), eb('item_name', 'like', like)]));
  }
  return query;
}

export async function listCases(
  db: Executor,
  filter: CaseFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: CaseRow[]; total: number }> {
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, filter)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: count.n };
}

// ── materials, timeline, clock stops, supplements ──

export async function insertMaterials(db: Executor, rows: Insertable<MaterialTable>[]): Promise<void> {
  if (rows.length > 0) await q(db).insertInto('cases.material').values(rows).execute();
}
export const materialsOf = (db: Executor, caseId: string) =>
  q(db)
    .selectFrom('cases.material')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('round')
    .orderBy('id')
    .execute();

export async function insertEvent(db: Executor, row: Insertable<EventTable>): Promise<void> {
  await q(db)
    .insertInto('cases.event')
    .values({ ...row, data: json(row.data ?? {}) })
    .execute();
}
export const eventsOf = (db: Executor, caseId: string) =>
  q(db)
    .selectFrom('cases.event')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();

export async function insertClockStop(db: Executor, row: Insertable<ClockStopTable>): Promise<void> {
  await q(db).insertInto('cases.clock_stop').values(row).execute();
}
export const clockStopsOf = (db: Executor, caseId: string) =>
  q(db)
    .selectFrom('cases.clock_stop')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
export async function endClockStop(
  db: Executor,
  id: string,
  patch: { ended_at: Date; ended_on: string; paused_days: number; result: string | null },
): Promise<void> {
  await q(db).updateTable('cases.clock_stop').set(patch).where('id', '=', id).execute();
}

export async function insertSupplement(db: Executor, row: Insertable<SupplementTable>): Promise<void> {
  await q(db)
    .insertInto('cases.supplement')
    .values({ ...row, items: json(row.items) })
    .execute();
}
export const openSupplement = (db: Executor, caseId: string) =>
  q(db)
    .selectFrom('cases.supplement')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
export async function answerSupplement(db: Executor, id: string, at: Date): Promise<void> {
  await q(db).updateTable('cases.supplement').set({ answered_at: at }).where('id', '=', id).execute();
}

// ── idempotent submissions ──

/** Transaction-scoped advisory lock on one (account, key): false while another request holds it. */
export async function tryLockKey(tx: Executor, accountId: string, key: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select pg_try_advisory_xact_lock(hashtextextended(${`${accountId}:${key}`}, 0)) as ok`.execute(tx);
  return rows[0]?.ok === true;
}
export const findSubmission = (db: Executor, accountId: string, key: string) =>
  q(db)
    .selectFrom('cases.submission')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('idem_key', '=', key)
    .executeTakeFirst();
export async function insertSubmission(db: Executor, row: Selectable<SubmissionTable>): Promise<void> {
  await q(db).insertInto('cases.submission').values(row).execute();
}

// ── drafts ──

export async function upsertDraft(db: Executor, row: DraftRow): Promise<void> {
  await q(db)
    .insertInto('cases.draft')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ content_enc: row.content_enc, updated_at: row.updated_at }),
    )
    .execute();
}
export const findDraft = (db: Executor, id: string) =>
  q(db).selectFrom('cases.draft').selectAll().where('id', '=', id).executeTakeFirst();
export const draftsOf = (db: Executor, accountId: string) =>
  q(db)
    .selectFrom('cases.draft')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('updated_at', 'desc')
    .limit(50)
    .execute();
export async function deleteDraft(db: Executor, id: string): Promise<void> {
  await q(db).deleteFrom('cases.draft').where('id', '=', id).execute();
}
