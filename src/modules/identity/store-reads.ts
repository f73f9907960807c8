// Reads of the identity schema for other modules' bulk needs (sharing's base databases, 基础库):
// citizens and enterprises by id or in id order, a page at a time. Nothing else reads these tables.
import { type Executor, sql } from '../../platform/db/index.ts';

export type CitizenFacts = {
  account_id: string;
  real_name: string;
  id_number_enc: string;
  phone_enc: string;
  real_name_level: number;
  is_disabled: boolean;
  created_at: Date;
};
export type EnterpriseFacts = {
  id: string;
  uscc: string;
  name: string;
  is_checksum_flagged: boolean;
  created_at: Date;
  legal_rep_name: string | null;
  legal_rep_id_enc: string | null;
};

const citizenColumns = sql`c.account_id, c.real_name, c.id_number_enc, c.phone_enc, c.real_name_level,
  a.is_disabled, a.created_at`;
const enterpriseColumns = sql`e.id, e.uscc, e.name, e.is_checksum_flagged, e.created_at,
  c.real_name as legal_rep_name, c.id_number_enc as legal_rep_id_enc`;

/** Citizens with an id after `after` (all of them when `ids` is null, else only those ids). */
export const citizenFacts = async (db: Executor, ids: string[] | null, after: string | null, limit: number) =>
  (
    await sql<CitizenFacts>`select ${citizenColumns} from identity.citizen c
      join identity.account a on a.id = c.account_id
      where (${ids}::uuid[] is null or c.account_id = any(${ids}::uuid[]))
        and (${after}::uuid is null or c.account_id > ${after}::uuid)
      order by c.account_id limit ${limit}`.execute(db)
  ).rows;

export const enterpriseFacts = async (
  db: Executor,
  ids: string[] | null,
  after: string | null,
  limit: number,
) =>
  (
    await sql<EnterpriseFacts>`select ${enterpriseColumns} from identity.enterprise e
      left join identity.citizen c on c.account_id = e.legal_rep_account_id
      where (${ids}::uuid[] is null or e.id = any(${ids}::uuid[]))
        and (${after}::uuid is null or e.id > ${after}::uuid)
      order by e.id limit ${limit}`.execute(db)
  ).rows;
