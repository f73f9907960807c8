// Reads of the licenses schema for sharing's 电子证照 base database (基础库): licenses by id or in id
// order, a page at a time, without their PDFs and signatures. Nothing else reads these tables.
import { type Executor, sql } from '../../platform/db/index.ts';

export type LicenseFacts = {
  id: string;
  identifier: string;
  license_no: string;
  type_name: string;
  holder_kind: 'citizen' | 'enterprise';
  holder_name: string;
  holder_code_type: string;
  holder_code_enc: string;
  department_name: string;
  issuer_code: string;
  division_code: string;
  valid_from: string;
  valid_to: string | null;
  issued_at: Date;
  status: string;
};

export const licenseFacts = async (db: Executor, ids: string[] | null, after: string | null, limit: number) =>
  (
    await sql<LicenseFacts>`select id, identifier, license_no, type_name, holder_kind, holder_name,
        holder_code_type, holder_code_enc, department_name, issuer_code, division_code,
        to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to,
        issued_at, status
      from licenses.license
      where (${ids}::uuid[] is null or id = any(${ids}::uuid[]))
        and (${after}::uuid is null or id > ${after}::uuid)
      order by id limit ${limit}`.execute(db)
  ).rows;
