// What the ratings (好差评) of a case are about: its service events as the timeline records them —
// 申报 (online submission or window filing), 补正 (each supply of materials) and 办结 — with the applicant
// and the handling department. No access check: modules call it, not people. Changes nothing.
import type { Executor } from '../../../platform/db/index.ts';
import type { CasesDeps } from '../deps.ts';
import * as store from '../store.ts';

/** 申报 · 补正 · 办结: the service events a case's timeline produces. */
export type ServiceEventKind = 'apply' | 'supplement' | 'conclude';
const KIND_OF_ACTION: Record<string, ServiceEventKind> = {
  submit: 'apply',
  file: 'apply',
  supply: 'supplement',
  conclude: 'conclude',
};

export type ServiceEvents = {
  caseId: string;
  caseNo: string;
  /** the applicant's account (null for a window case of someone without an account) */
  applicantAccountId: string | null;
  /** set when the case was filed for an enterprise */
  enterpriseId: string | null;
  applicantName: string;
  departmentId: string;
  departmentName: string;
  implementationId: string;
  itemName: string;
  divisionCode: string;
  channel: 'online' | 'window';
  events: Array<{ eventId: string; kind: ServiceEventKind; at: Date }>;
};

export async function serviceEvents(
  deps: CasesDeps,
  caseId: string,
  db: Executor = deps.db,
): Promise<ServiceEvents | null> {
  const c = await store.findCase(db, caseId);
  if (!c) return null;
  const events = (await store.eventsOf(db, caseId)).flatMap((e) => {
    const kind = KIND_OF_ACTION[e.action];
    return kind ? [{ eventId: e.id, kind, at: e.at }] : [];
  });
  return {
    caseId: c.id,
    caseNo: c.case_no,
    applicantAccountId: c.applicant_account_id ?? (c.channel === 'online' ? c.filed_by : null),
    enterpriseId: c.enterprise_id,
    applicantName: c.applicant_name,
    departmentId: c.department_id,
    departmentName: c.department_name,
    implementationId: c.implementation_id,
    itemName: c.item_name,
    divisionCode: c.division_code,
    channel: c.channel,
    events,
  };
}
