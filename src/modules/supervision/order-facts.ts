// What performance evaluation (绩效评估) reads about supervision orders (督办): the orders issued in a
// period, per department, with their due day and when (whether) the department answered. Read-only;
// no access check (modules call it, not people). Its one query reads only supervision's own table.
import { type Executor, sql } from '../../platform/db/index.ts';

export type OrderFacts = {
  orderId: string;
  no: string;
  caseId: string;
  caseNo: string;
  departmentId: string;
  departmentName: string;
  issuedAt: Date;
  dueOn: string;
  state: 'issued' | 'answered' | 'closed';
  answeredAt: Date | null;
};

/** Orders issued in [from, to), of one department or all, oldest first. */
export async function orderFacts(
  db: Executor,
  query: { from: Date; to: Date; departmentId?: string | null },
): Promise<OrderFacts[]> {
  const departmentId = query.departmentId ?? null;
  const { rows } = await sql<OrderFacts>`
    select id as "orderId", no, case_id as "caseId", case_no as "caseNo", department_id as "departmentId",
      department_name as "departmentName", issued_at as "issuedAt", to_char(due_on, 'YYYY-MM-DD') as "dueOn",
      state, answered_at as "answeredAt"
    from supervision.case_order
    where issued_at >= ${query.from} and issued_at < ${query.to}
      and (${departmentId}::uuid is null or department_id = ${departmentId})
    order by issued_at, id`.execute(db);
  return rows;
}
