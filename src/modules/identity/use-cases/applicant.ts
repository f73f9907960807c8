// Who an application is filed for: the signed-in citizen, or the enterprise they act for (as its legal
// representative, or as an agent whose mandate covers the item). Called by cases; returns the plain ID
// number and phone so cases can encrypt them into its own record (never into a response).
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { IdentityDeps } from '../deps.ts';
import { identityErrors } from '../errors.ts';
import * as store from '../store.ts';

export type ApplicantProfile = {
  kind: 'citizen' | 'enterprise';
  /** the citizen who files: the applicant, or the enterprise's legal rep / agent */
  accountId: string;
  enterpriseId: string | null;
  /** 申请者名称 and 证件 (GA/T 2000.156: 111 公民身份号码, 001 统一社会信用代码) */
  name: string;
  idType: '111' | '001';
  idNumber: string;
  /** the filing person (联系人/代理人) */
  personName: string;
  personIdNumber: string;
  personPhone: string;
  relation: 'self' | 'legal_rep' | 'agent';
};

export async function applicantOf(
  d: IdentityDeps,
  actor: Actor,
  basicCode: string,
): Promise<ApplicantProfile> {
  if (actor.kind !== 'citizen') throw identityErrors.notRepresentative();
  const citizen = await store.findCitizen(d.db, actor.accountId);
  if (!citizen) throw identityErrors.citizenNotFound();
  const person = {
    accountId: actor.accountId,
    personName: citizen.real_name,
    personIdNumber: d.cipher.decrypt(citizen.id_number_enc),
    personPhone: d.cipher.decrypt(citizen.phone_enc),
  };
  if (!actor.enterpriseId) {
    return {
      ...person,
      kind: 'citizen',
      enterpriseId: null,
      name: person.personName,
      idType: '111',
      idNumber: person.personIdNumber,
      relation: 'self',
    };
  }
  const enterprise = await store.findEnterprise(d.db, actor.enterpriseId);
  if (!enterprise) throw identityErrors.notRepresentative();
  const today = shanghaiDate(d.clock.now());
  let relation: 'legal_rep' | 'agent' = 'legal_rep';
  if (enterprise.legal_rep_account_id !== actor.accountId) {
    const mandates = await store.listMandates(d.db, enterprise.id);
    const covers = mandates.some(
      (m) =>
        m.agent_account_id === actor.accountId &&
        !m.revoked_at &&
        m.valid_until >= today &&
        (m.scope === 'all' || m.item_codes.includes(basicCode)),
    );
    if (!covers) throw identityErrors.notRepresentative('您的授权不包含该事项');
    relation = 'agent';
  }
  return {
    ...person,
    kind: 'enterprise',
    enterpriseId: enterprise.id,
    name: enterprise.name,
    idType: '001',
    idNumber: enterprise.uscc,
    relation,
  };
}
