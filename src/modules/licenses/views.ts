// Rows to response shapes. The holder's code never leaves unmasked.
import { shanghaiDate } from '../../platform/clock.ts';
import type { LicensesDeps } from './deps.ts';
import { maskHolderCode } from './fields.ts';
import { verifyUrlOf } from './issue.ts';
import { LICENSE_STATUS_LABELS, type LicenseView } from './schema.ts';
import type { LicenseRow } from './store.ts';

/** Problems that make a license unusable right now (empty = usable). */
export function usabilityProblems(row: LicenseRow, today: string, sealProblem: string | null): string[] {
  const problems: string[] = [];
  if (row.status !== 'valid') {
    problems.push(
      `证照状态为“${LICENSE_STATUS_LABELS[row.status]}”${row.status_reason ? `：${row.status_reason}` : ''}`,
    );
  }
  if (row.valid_to && row.valid_to < today) problems.push(`证照已于 ${row.valid_to} 过期`);
  if (row.valid_from > today) problems.push(`证照自 ${row.valid_from} 起生效`);
  if (sealProblem) problems.push(sealProblem);
  return problems;
}

export function toLicenseView(deps: LicensesDeps, row: LicenseRow): LicenseView {
  const code = deps.cipher.decrypt(row.holder_code_enc);
  return {
    id: row.id,
    identifier: row.identifier,
    licenseNo: row.license_no,
    typeName: row.type_name,
    holderKind: row.holder_kind,
    holderName: row.holder_name,
    holderCodeType: row.holder_code_type,
    holderCodeMasked: maskHolderCode(code),
    departmentName: row.department_name,
    issuerCode: row.issuer_code,
    caseNo: row.case_no,
    fields: row.fields.map((f) => (f.value === code ? { name: f.name, value: maskHolderCode(code) } : f)),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    issuedAt: row.issued_at.toISOString(),
    status: row.status,
    statusLabel: LICENSE_STATUS_LABELS[row.status],
    statusReason: row.status_reason,
    isUsable: usabilityProblems(row, shanghaiDate(deps.clock.now()), null).length === 0,
    verifyUrl: verifyUrlOf(deps, row.identifier),
  };
}
