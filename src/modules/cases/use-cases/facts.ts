// What a concluded case tells other modules that act on it (licenses issue the result, later
// supervision and statistics): the decision, the frozen item version, the applicant (ID decrypted —
// the caller keeps it encrypted and masked) and the form. No access check: modules call it, not people.
import type { Executor } from '../../../platform/db/index.ts';
import type { CasesDeps } from '../deps.ts';
import * as store from '../store.ts';

export type CaseFacts = {
  id: string;
  caseNo: string;
  state: string;
  decision: 'approved' | 'denied' | null;
  versionId: string;
  implementationId: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  divisionCode: string;
  applicant: {
    kind: 'citizen' | 'enterprise';
    accountId: string | null;
    enterpriseId: string | null;
    name: string;
    idType: string;
    idNumber: string;
  };
  contactAddress: string;
  /** the form's answers by field title (申请事项说明, 经营（住所）地址 …) */
  answers: Record<string, string>;
  concludedAt: Date | null;
};

export async function caseFacts(deps: CasesDeps, caseId: string, db: Executor = deps.db) {
  const c = await store.findCase(db, caseId);
  if (!c) return null;
  const schema = c.form_schema as { properties?: Record<string, { title?: string }> };
  const form = c.form as Record<string, unknown>;
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (value === null || value === undefined || value === '') continue;
    answers[schema.properties?.[key]?.title ?? key] = String(value);
  }
  const facts: CaseFacts = {
    id: c.id,
    caseNo: c.case_no,
    state: c.state,
    decision: c.decision,
    versionId: c.version_id,
    implementationId: c.implementation_id,
    itemName: c.item_name,
    departmentId: c.department_id,
    departmentName: c.department_name,
    divisionCode: c.division_code,
    applicant: {
      kind: c.applicant_kind,
      accountId: c.applicant_account_id ?? (c.channel === 'online' ? c.filed_by : null),
      enterpriseId: c.enterprise_id,
      name: c.applicant_name,
      idType: c.applicant_id_type,
      idNumber: deps.cipher.decrypt(c.applicant_id_enc),
    },
    contactAddress: c.contact_address,
    answers,
    concludedAt: c.concluded_at,
  };
  return facts;
}
