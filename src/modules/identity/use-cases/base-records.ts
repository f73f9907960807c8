// Citizens and enterprises as the sharing module's base databases (人口/法人基础库) take them: plain
// values for sharing to encrypt under its own rows, never for a response. Read a page at a time.
import type { IdentityDeps } from '../deps.ts';
import * as reads from '../store-reads.ts';

export type PopulationRecord = {
  accountId: string;
  realName: string;
  idNumber: string;
  phone: string;
  realNameLevel: number;
  isDisabled: boolean;
  registeredAt: Date;
};
export type LegalPersonRecord = {
  enterpriseId: string;
  uscc: string;
  name: string;
  legalRepName: string | null;
  legalRepIdNumber: string | null;
  isChecksumFlagged: boolean;
  openedAt: Date;
};
/** ids: only these (null: all, in id order after `after`). */
export type RecordQuery = { ids?: string[] | null; after?: string | null; limit?: number };

export async function populationRecords(d: IdentityDeps, q: RecordQuery): Promise<PopulationRecord[]> {
  const rows = await reads.citizenFacts(d.db, q.ids ?? null, q.after ?? null, q.limit ?? 500);
  return rows.map((r) => ({
    accountId: r.account_id,
    realName: r.real_name,
    idNumber: d.cipher.decrypt(r.id_number_enc),
    phone: d.cipher.decrypt(r.phone_enc),
    realNameLevel: r.real_name_level,
    isDisabled: r.is_disabled,
    registeredAt: new Date(r.created_at),
  }));
}

export async function legalPersonRecords(d: IdentityDeps, q: RecordQuery): Promise<LegalPersonRecord[]> {
  const rows = await reads.enterpriseFacts(d.db, q.ids ?? null, q.after ?? null, q.limit ?? 500);
  return rows.map((r) => ({
    enterpriseId: r.id,
    uscc: r.uscc,
    name: r.name,
    legalRepName: r.legal_rep_name,
    legalRepIdNumber: r.legal_rep_id_enc ? d.cipher.decrypt(r.legal_rep_id_enc) : null,
    isChecksumFlagged: r.is_checksum_flagged,
    openedAt: new Date(r.created_at),
  }));
}
