// SQL for the identity schema. Nothing else reads or writes these tables.
import type { Executor } from '../../platform/db/index.ts';
import type { StaffRole } from '../../platform/roles.ts';

export type AccountRow = {
  id: string;
  kind: 'citizen' | 'staff';
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | null;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_last_step: number | null;
  is_disabled: boolean;
  created_at: Date;
  password_changed_at: Date;
};
export type CitizenRow = {
  account_id: string;
  real_name: string;
  id_number_enc: string;
  id_number_hash: string;
  phone_enc: string;
  phone_hash: string;
  real_name_level: number;
};
export type StaffRow = {
  account_id: string;
  username: string;
  name: string;
  department_id: string | null;
  division_code: string;
  roles: StaffRole[];
};
export type EnterpriseRow = {
  id: string;
  uscc: string;
  name: string;
  legal_rep_account_id: string;
  is_checksum_flagged: boolean;
  flag_cleared_by: string | null;
  flag_cleared_at: Date | null;
  created_at: Date;
};
export type MandateRow = {
  id: string;
  enterprise_id: string;
  agent_account_id: string;
  scope: 'all' | 'items';
  item_codes: string[];
  valid_until: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
};
export type SessionRow = {
  token_hash: string;
  id: string;
  account_id: string;
  csrf_token: string;
  is_mfa_complete: boolean;
  acting_enterprise_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
};

type Tables = {
  'identity.account': AccountRow;
  'identity.citizen': CitizenRow;
  'identity.staff': StaffRow;
  'identity.enterprise': EnterpriseRow;
  'identity.mandate': MandateRow;
  'identity.session': SessionRow;
};
export const q = (db: Executor) => db.withTables<Tables>();

/** A fresh account: no failures, no lock, no TOTP yet. */
export const insertAccount = (
  tx: Executor,
  a: { id: string; kind: AccountRow['kind']; passwordHash: string; now: Date },
) =>
  q(tx)
    .insertInto('identity.account')
    .values({
      id: a.id,
      kind: a.kind,
      password_hash: a.passwordHash,
      failed_attempts: 0,
      locked_until: null,
      totp_secret_enc: null,
      totp_pending_enc: null,
      totp_last_step: null,
      is_disabled: false,
      created_at: a.now,
      password_changed_at: a.now,
    })
    .execute();
export const insertCitizen = (tx: Executor, row: CitizenRow) =>
  q(tx).insertInto('identity.citizen').values(row).execute();
export const insertStaff = (tx: Executor, row: StaffRow) =>
  q(tx).insertInto('identity.staff').values(row).execute();

export const findAccount = (db: Executor, id: string) =>
  q(db).selectFrom('identity.account').selectAll().where('id', '=', id).executeTakeFirst();

export const lockAccount = (tx: Executor, id: string) =>
  q(tx).selectFrom('identity.account').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const updateAccount = (tx: Executor, id: string, changes: Partial<AccountRow>) =>
  q(tx).updateTable('identity.account').set(changes).where('id', '=', id).execute();

export const findCitizen = (db: Executor, accountId: string) =>
  q(db).selectFrom('identity.citizen').selectAll().where('account_id', '=', accountId).executeTakeFirst();

export const findCitizenByHash = (db: Executor, column: 'id_number_hash' | 'phone_hash', hash: string) =>
  q(db).selectFrom('identity.citizen').selectAll().where(column, '=', hash).executeTakeFirst();

export const findStaff = (db: Executor, accountId: string) =>
  q(db).selectFrom('identity.staff').selectAll().where('account_id', '=', accountId).executeTakeFirst();

export const findStaffByUsername = (db: Executor, username: string) =>
  q(db).selectFrom('identity.staff').selectAll().where('username', '=', username).executeTakeFirst();

export const listStaff = (db: Executor) =>
  q(db)
    .selectFrom('identity.staff as s')
    .innerJoin('identity.account as a', 'a.id', 's.account_id')
    .select(['s.account_id', 's.username', 's.name', 's.department_id', 's.division_code', 's.roles'])
    .select(['a.is_disabled', 'a.locked_until', 'a.totp_secret_enc'])
    .orderBy('s.username')
    .execute();

export const updateStaff = (tx: Executor, accountId: string, changes: Partial<StaffRow>) =>
  q(tx).updateTable('identity.staff').set(changes).where('account_id', '=', accountId).execute();

// Sessions
export const insertSession = (tx: Executor, row: SessionRow) =>
  q(tx).insertInto('identity.session').values(row).execute();

export const findSession = (db: Executor, tokenHash: string) =>
  q(db).selectFrom('identity.session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const updateSession = (tx: Executor, tokenHash: string, changes: Partial<SessionRow>) =>
  q(tx).updateTable('identity.session').set(changes).where('token_hash', '=', tokenHash).execute();

export const revokeSessions = (tx: Executor, accountId: string, at: Date, exceptTokenHash?: string) => {
  let query = q(tx)
    .updateTable('identity.session')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null);
  if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
  return query.execute();
};

// Enterprises and mandates
export const insertEnterprise = (tx: Executor, row: EnterpriseRow) =>
  q(tx).insertInto('identity.enterprise').values(row).execute();

export const findEnterprise = (db: Executor, id: string) =>
  q(db).selectFrom('identity.enterprise').selectAll().where('id', '=', id).executeTakeFirst();

export const findEnterpriseByUscc = (db: Executor, uscc: string) =>
  q(db).selectFrom('identity.enterprise').selectAll().where('uscc', '=', uscc).executeTakeFirst();

/** Enterprises the account represents (legal rep) or acts for under a mandate valid on `today`. */
export const enterprisesOf = (db: Executor, accountId: string, today: string) =>
  q(db)
    .selectFrom('identity.enterprise as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .case()
        .when('e.legal_rep_account_id', '=', accountId)
        .then(eb.val<'legal_rep' | 'agent'>('legal_rep'))
        .else(eb.val<'legal_rep' | 'agent'>('agent'))
        .end()
        .as('relation'),
    )
    .where((eb) =>
      eb.or([
        eb('e.legal_rep_account_id', '=', accountId),
        eb.exists(
          eb
            .selectFrom('identity.mandate as m')
            .select('m.id')
            .whereRef('m.enterprise_id', '=', 'e.id')
            .where('m.agent_account_id', '=', accountId)
            .where('m.revoked_at', 'is', null)
            .where('m.valid_until', '>=', today),
        ),
      ]),
    )
    .orderBy('e.created_at')
    .execute();

export const flaggedEnterprises = (db: Executor) =>
  q(db)
    .selectFrom('identity.enterprise')
    .selectAll()
    .where('is_checksum_flagged', '=', true)
    .orderBy('created_at')
    .execute();

export const lockEnterprise = (tx: Executor, id: string) =>
  q(tx).selectFrom('identity.enterprise').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const clearFlag = (tx: Executor, id: string, by: string, at: Date) =>
  q(tx)
    .updateTable('identity.enterprise')
    .set({ is_checksum_flagged: false, flag_cleared_by: by, flag_cleared_at: at })
    .where('id', '=', id)
    .execute();

export const insertMandate = (tx: Executor, row: MandateRow) =>
  q(tx).insertInto('identity.mandate').values(row).execute();

export const listMandates = (db: Executor, enterpriseId: string) =>
  q(db)
    .selectFrom('identity.mandate as m')
    .innerJoin('identity.citizen as c', 'c.account_id', 'm.agent_account_id')
    .selectAll('m')
    .select(['c.real_name', 'c.id_number_enc'])
    .where('m.enterprise_id', '=', enterpriseId)
    .orderBy('m.created_at', 'desc')
    .execute();

export const lockMandate = (tx: Executor, enterpriseId: string, mandateId: string) =>
  q(tx)
    .selectFrom('identity.mandate')
    .selectAll()
    .where('id', '=', mandateId)
    .where('enterprise_id', '=', enterpriseId)
    .forUpdate()
    .executeTakeFirst();

export const revokeMandate = (tx: Executor, mandateId: string, at: Date) =>
  q(tx).updateTable('identity.mandate').set({ revoked_at: at }).where('id', '=', mandateId).execute();
