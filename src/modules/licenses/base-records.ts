// Licenses as sharing's 电子证照 base database (基础库) takes them: the holder's code in plain for
// sharing to encrypt under its own rows, never for a response. Read a page at a time.
import type { LicensesDeps } from './deps.ts';
import { LICENSE_STATUS_LABELS, type LicenseStatus } from './schema.ts';
import * as reads from './store-reads.ts';

export type LicenseRecord = {
  licenseId: string;
  identifier: string;
  licenseNo: string;
  typeName: string;
  holderKind: 'citizen' | 'enterprise';
  holderName: string;
  holderCodeType: string;
  holderCode: string;
  departmentName: string;
  issuerCode: string;
  divisionCode: string;
  validFrom: string;
  validTo: string | null;
  issuedAt: Date;
  status: string;
  /** 证照状态 as this module labels it (LICENSE_STATUS_LABELS). */
  statusLabel: string;
};

export async function licenseRecords(
  deps: LicensesDeps,
  q: { ids?: string[] | null; after?: string | null; limit?: number },
): Promise<LicenseRecord[]> {
  const rows = await reads.licenseFacts(deps.db, q.ids ?? null, q.after ?? null, q.limit ?? 500);
  return rows.map((r) => ({
    licenseId: r.id,
    identifier: r.identifier,
    licenseNo: r.license_no,
    typeName: r.type_name,
    holderKind: r.holder_kind,
    holderName: r.holder_name,
    holderCodeType: r.holder_code_type,
    holderCode: deps.cipher.decrypt(r.holder_code_enc),
    departmentName: r.department_name,
    issuerCode: r.issuer_code,
    divisionCode: r.division_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    issuedAt: new Date(r.issued_at),
    status: r.status,
    statusLabel: LICENSE_STATUS_LABELS[r.status as LicenseStatus] ?? r.status,
  }));
}
