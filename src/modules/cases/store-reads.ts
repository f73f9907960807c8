// Reads of the cases tables for other modules' needs, many cases at a time: supervision's sweep and
// clock facts, performance evaluation. Changes nothing.
import { type Executor, sql } from '../../platform/db/index.ts';
import type { CaseState, DeliveryMethod } from './schema.ts';
import { q } from './store.ts';

// ── reads for supervision (电子监察) ──

/** Ids of cases still counting down (not decided, concluded or closed), in id order, after `afterId`. */
export const openCaseIds = (db: Executor, afterId: string | null, limit: number) =>
  q(db)
    .selectFrom('cases.case')
    .select('id')
    .where('state', 'not in', ['decided', 'concluded', 'withdrawn', 'refused', 'returned'])
    .$if(afterId !== null, (b) => b.where('id', '>', afterId as string))
    .orderBy('id')
    .limit(limit)
    .execute();
// ── reads for supervision's clock facts, many cases at once ──

export const findCases = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : q(db).selectFrom('cases.case').selectAll().where('id', 'in', ids).orderBy('id').execute();

export const clockStopsOfCases = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('cases.clock_stop')
        .selectAll()
        .where('case_id', 'in', ids)
        .orderBy('started_at')
        .orderBy('id')
        .execute();

/** When the first 补正 notice of each case was sent (cases without one are absent). */
export const firstSupplementsOf = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('cases.supplement')
        .select((eb) => ['case_id', eb.fn.min('requested_at').as('requested_at')])
        .where('case_id', 'in', ids)
        .groupBy('case_id')
        .execute();

// ── reads for performance evaluation (绩效评估) ──

export type PerformanceCaseRow = {
  id: string;
  case_no: string;
  department_id: string;
  department_name: string;
  implementation_id: string;
  item_name: string;
  channel: 'online' | 'window';
  filed_by: string;
  filed_by_name: string | null;
  delivery_method: DeliveryMethod;
  state: CaseState;
  submitted_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  promised_due_on: string | null;
  legal_due_on: string | null;
  supplements_requested: number;
  supplied_online: number;
  supplied_at_window: number;
};
/**
 * Cases filed or ended in [from, to) or named in `caseIds`, without bundle parents (their sub-cases
 * count), with their 补正 counts: requested, and supplied by the applicant (online) or by staff.
 */
export async function performanceCases(
  db: Executor,
  f: { from: Date; to: Date; departmentId: string | null; caseIds: string[] },
) {
  const ids = f.caseIds.length > 0 ? f.caseIds : ['00000000-0000-0000-0000-000000000000'];
  const { rows } = await sql<PerformanceCaseRow>`
    select c.id, c.case_no, c.department_id, c.department_name, c.implementation_id, c.item_name, c.channel,
      c.filed_by, (select e.actor_name from cases.event e where e.case_id = c.id and e.action = 'file'
        order by e.at limit 1) as filed_by_name,
      c.delivery_method, c.state, c.submitted_at, c.accepted_at, c.concluded_at,
      to_char(c.promised_due_on, 'YYYY-MM-DD') as promised_due_on,
      to_char(c.legal_due_on, 'YYYY-MM-DD') as legal_due_on,
      (select count(*) from cases.supplement s where s.case_id = c.id)::int as supplements_requested,
      (select count(*) from cases.event e where e.case_id = c.id and e.action = 'supply'
        and e.actor_kind <> 'staff')::int as supplied_online,
      (select count(*) from cases.event e where e.case_id = c.id and e.action = 'supply'
        and e.actor_kind = 'staff')::int as supplied_at_window
    from cases."case" c
    where not (c.bundle_id is not null and c.parent_id is null)
      and (${f.departmentId}::uuid is null or c.department_id = ${f.departmentId})
      and ((c.submitted_at >= ${f.from} and c.submitted_at < ${f.to})
        or (c.concluded_at >= ${f.from} and c.concluded_at < ${f.to})
        or c.id = any(${ids}::uuid[]))
    order by c.submitted_at, c.id`.execute(db);
  return rows;
}
