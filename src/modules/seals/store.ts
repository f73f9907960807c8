// SQL for the seals schema. Nothing else reads or writes these tables.
import type { Executor } from '../../platform/db/index.ts';
import type { SealKind, SealState } from './schema.ts';

type AuthorityTable = {
  id: 'root' | 'issuing';
  certificate_pem: string;
  private_key_enc: string;
  serial: string;
  created_at: Date;
};
type CounterTable = { division_code: string; last_serial: number };
type SealTable = {
  id: string;
  department_id: string;
  department_name: string;
  division_code: string;
  kind: SealKind;
  name: string;
  code: string;
  state: SealState;
  reason: string;
  validity_years: number;
  valid_from: Date | null;
  valid_to: Date | null;
  applied_by: string | null;
  sm2_public_key: string | null;
  sm2_private_key_enc: string | null;
  rsa_private_key_enc: string | null;
  certificate_pem: string | null;
  certificate_serial: string | null;
  image_svg: string | null;
  image_png: Uint8Array | null;
  made_at: Date | null;
  issued_at: Date | null;
  lost_at: Date | null;
  destroyed_at: Date | null;
  created_at: Date;
  updated_at: Date;
};
type StepTable = {
  id: string;
  seal_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_name: string;
  note: string;
  at: Date;
};
type AuthorizationTable = {
  id: string;
  seal_id: string;
  account_id: string;
  until: Date;
  granted_by: string | null;
  granted_at: Date;
  revoked_at: Date | null;
};
type SealsTables = {
  'seals.authority': AuthorityTable;
  'seals.code_counter': CounterTable;
  'seals.seal': SealTable;
  'seals.step': StepTable;
  'seals.authorization': AuthorizationTable;
};

export type AuthorityRow = AuthorityTable;
export type SealRow = SealTable;
export type StepRow = StepTable;
export type AuthorizationRow = AuthorizationTable;

const q = (db: Executor) => db.withTables<SealsTables>();

// ── authority ──
export async function getAuthority(db: Executor, id: AuthorityRow['id']): Promise<AuthorityRow | null> {
  return (
    (await q(db).selectFrom('seals.authority').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}
/** Inserts unless another node already did; the caller re-reads to learn which one won. */
export async function insertAuthorityIfAbsent(db: Executor, row: AuthorityRow): Promise<void> {
  await q(db)
    .insertInto('seals.authority')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

// ── seals ──
/** The next serial of a division's seal codes (atomic: one row per division, incremented in place). */
export async function nextSerial(tx: Executor, divisionCode: string): Promise<number> {
  const row = await q(tx)
    .insertInto('seals.code_counter')
    .values({ division_code: divisionCode, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .column('division_code')
        .doUpdateSet((eb) => ({ last_serial: eb('seals.code_counter.last_serial', '+', 1) })),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

export async function insertSeal(tx: Executor, row: SealRow): Promise<void> {
  await q(tx).insertInto('seals.seal').values(row).execute();
}

/** Inserts unless a seal with this id or code exists (demo seeding on two nodes); true when inserted. */
export async function insertSealIfAbsent(tx: Executor, row: SealRow): Promise<boolean> {
  const inserted = await q(tx)
    .insertInto('seals.seal')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function getSeal(db: Executor, id: string, options: { lock?: boolean } = {}) {
  let query = q(db).selectFrom('seals.seal').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

export async function getSealByCode(db: Executor, code: string) {
  return (
    (await q(db).selectFrom('seals.seal').selectAll().where('code', '=', code).executeTakeFirst()) ?? null
  );
}

export async function getSealByCertificateSerial(db: Executor, serial: string) {
  return (
    (await q(db)
      .selectFrom('seals.seal')
      .selectAll()
      .where('certificate_serial', '=', serial)
      .executeTakeFirst()) ?? null
  );
}

/** List columns only: no keys, no images. */
export async function listSeals(
  db: Executor,
  filter: { departmentId?: string; state?: SealState; kinds?: SealKind[] },
) {
  let query = q(db)
    .selectFrom('seals.seal')
    .select([
      'id',
      'department_id',
      'department_name',
      'name',
      'kind',
      'code',
      'state',
      'valid_from',
      'valid_to',
      'lost_at',
      'destroyed_at',
      'issued_at',
    ]);
  if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.kinds) query = query.where('kind', 'in', filter.kinds);
  return query.orderBy('id').limit(500).execute();
}
export type SealListRow = Awaited<ReturnType<typeof listSeals>>[number];

export async function updateSeal(tx: Executor, id: string, patch: Partial<SealRow>): Promise<void> {
  await q(tx).updateTable('seals.seal').set(patch).where('id', '=', id).execute();
}

export async function insertStep(tx: Executor, row: StepRow): Promise<void> {
  await q(tx).insertInto('seals.step').values(row).execute();
}
export async function listSteps(db: Executor, sealId: string): Promise<StepRow[]> {
  return q(db).selectFrom('seals.step').selectAll().where('seal_id', '=', sealId).orderBy('id').execute();
}

// ── authorizations ──
export async function insertAuthorization(tx: Executor, row: AuthorizationRow): Promise<void> {
  await q(tx).insertInto('seals.authorization').values(row).execute();
}
export async function listAuthorizations(db: Executor, sealId: string): Promise<AuthorizationRow[]> {
  return q(db)
    .selectFrom('seals.authorization')
    .selectAll()
    .where('seal_id', '=', sealId)
    .orderBy('id')
    .execute();
}
export async function revokeAuthorization(tx: Executor, sealId: string, authId: string, at: Date) {
  const result = await q(tx)
    .updateTable('seals.authorization')
    .set({ revoked_at: at })
    .where('id', '=', authId)
    .where('seal_id', '=', sealId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
