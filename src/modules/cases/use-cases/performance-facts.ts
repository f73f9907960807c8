// What performance evaluation (绩效评估) reads about cases: per case filed or ended in a period (or named
// by id), its department, implementation and item, the filing clerk for window filings (cases record no
// window: the clerk stands for it), channel, times, promised and legal due days, and its 补正 requests
// with where each was supplied. No access check: modules call it, not people. Changes nothing.
import type { CasesDeps } from '../deps.ts';
import type { CaseState, DeliveryMethod } from '../schema.ts';
import * as reads from '../store-reads.ts';

export type PerformanceCaseFacts = {
  id: string;
  caseNo: string;
  departmentId: string;
  departmentName: string;
  implementationId: string;
  itemName: string;
  /** the window: the clerk who filed it at the counter (account id and name); null when filed online */
  window: { id: string; name: string } | null;
  channel: 'online' | 'window';
  deliveryMethod: DeliveryMethod;
  state: CaseState;
  submittedAt: Date;
  acceptedAt: Date | null;
  /** when it ended: 办结, 不予受理, 退件 (or 撤回) — see `state` */
  concludedAt: Date | null;
  promisedDueOn: string | null;
  legalDueOn: string | null;
  supplements: { requested: number; suppliedOnline: number; suppliedAtWindow: number };
};

export type PerformanceFactsQuery = {
  /** instants: filed or ended in [from, to) */
  from: Date;
  to: Date;
  departmentId?: string | null;
  /** also these cases, whenever filed (ratings and orders of older cases) */
  caseIds?: string[];
};

export async function performanceFacts(
  deps: CasesDeps,
  query: PerformanceFactsQuery,
): Promise<PerformanceCaseFacts[]> {
  const rows = await reads.performanceCases(deps.db, {
    from: query.from,
    to: query.to,
    departmentId: query.departmentId ?? null,
    caseIds: query.caseIds ?? [],
  });
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    departmentId: r.department_id,
    departmentName: r.department_name,
    implementationId: r.implementation_id,
    itemName: r.item_name,
    window: r.channel === 'window' ? { id: r.filed_by, name: r.filed_by_name ?? '窗口' } : null,
    channel: r.channel,
    deliveryMethod: r.delivery_method,
    state: r.state,
    submittedAt: r.submitted_at,
    acceptedAt: r.accepted_at,
    concludedAt: r.concluded_at,
    promisedDueOn: r.promised_due_on,
    legalDueOn: r.legal_due_on,
    supplements: {
      requested: r.supplements_requested,
      suppliedOnline: r.supplied_online,
      suppliedAtWindow: r.supplied_at_window,
    },
  }));
}
