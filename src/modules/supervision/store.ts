// SQL for the supervision schema. Nothing else reads or writes these tables.
import { type Executor, sql } from '../../platform/db/index.ts';

export type RuleRow = {
  code: string;
  name: string;
  level: 'yellow' | 'red';
  params: Record<string, number>;
  is_enabled: boolean;
  updated_at: Date;
};
export type WarningRow = {
  id: string;
  no: string;
  case_id: string;
  case_no: string;
  department_id: string;
  department_name: string;
  item_name: string;
  rule_code: string;
  level: 'yellow' | 'red';
  detail: string;
  raised_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
};
export type OrderRow = {
  id: string;
  no: string;
  case_id: string;
  case_no: string;
  department_id: string;
  department_name: string;
  item_name: string;
  warning_id: string | null;
  rule_code: string | null;
  level: string | null;
  content: string;
  due_on: string;
  state: 'issued' | 'answered' | 'closed';
  issued_by: string | null;
  issued_by_name: string;
  issued_at: Date;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  result: string | null;
  closed_at: Date | null;
  state_changed_at: Date;
};
export const PAGE = 50;

// ── rules ──
export const listRules = async (db: Executor) =>
  (await sql<RuleRow>`select * from supervision.rule order by code`.execute(db)).rows;
export const lockRule = async (db: Executor, code: string) =>
  (await sql<RuleRow>`select * from supervision.rule where code = ${code} for update`.execute(db)).rows[0];
export async function updateRule(db: Executor, code: string, params: object, isEnabled: boolean, at: Date) {
  await sql`update supervision.rule set params = ${JSON.stringify(params)}::jsonb, is_enabled = ${isEnabled},
    updated_at = ${at} where code = ${code}`.execute(db);
}

// ── the queue and the sweep ──
export async function enqueue(db: Executor, caseId: string, at: Date) {
  await sql`insert into supervision.pending (case_id, queued_at) values (${caseId}, ${at})
    on conflict (case_id) do nothing`.execute(db);
}
/** Takes up to `limit` queued cases off the queue (skipping rows another node is taking). */
export const takeQueued = async (db: Executor, limit: number) =>
  (
    await sql<{ case_id: string }>`delete from supervision.pending where case_id in (
      select case_id from supervision.pending order by queued_at limit ${limit} for update skip locked)
      returning case_id`.execute(db)
  ).rows.map((r) => r.case_id);
/** Claims the sweep when it last ran a minute ago or more; one node wins, the others get false. */
export const claimSweep = async (db: Executor, now: Date, everyMs: number) =>
  (
    await sql`update supervision.sweep set last_run_at = ${now} where name = 'open-cases'
      and (last_run_at is null or last_run_at <= ${new Date(now.getTime() - everyMs)}) returning name`.execute(
      db,
    )
  ).rows.length === 1;

// ── warnings ──
export const nextNo = async (db: Executor, prefix: string, year: number) => {
  const { rows } = await sql<{ n: string }>`select nextval('supervision.no_seq')::text as n`.execute(db);
  return `${prefix}${year}${(rows[0]?.n ?? '0').padStart(7, '0')}`;
};
export const openWarningsOf = async (db: Executor, caseId: string) =>
  (
    await sql<WarningRow>`select * from supervision.warning where case_id = ${caseId} and resolved_at is null`.execute(
      db,
    )
  ).rows;
export const openWarningsOfCases = async (db: Executor, caseIds: string[]) =>
  caseIds.length === 0
    ? []
    : (
        await sql<WarningRow>`select * from supervision.warning
          where case_id in (${sql.join(caseIds)}) and resolved_at is null`.execute(db)
      ).rows;
/** Raises a warning unless the same (case, rule, level) is already open; true when inserted. */
export async function raiseWarning(db: Executor, w: Omit<WarningRow, 'resolved_at' | 'resolution'>) {
  const { rows } = await sql`insert into supervision.warning
    (id, no, case_id, case_no, department_id, department_name, item_name, rule_code, level, detail, raised_at)
    values (${w.id}, ${w.no}, ${w.case_id}, ${w.case_no}, ${w.department_id}, ${w.department_name},
      ${w.item_name}, ${w.rule_code}, ${w.level}, ${w.detail}, ${w.raised_at})
    on conflict (case_id, rule_code, level) where resolved_at is null do nothing returning id`.execute(db);
  return rows.length === 1;
}
export async function resolveWarning(db: Executor, id: string, at: Date, resolution: string) {
  await sql`update supervision.warning set resolved_at = ${at}, resolution = ${resolution}
    where id = ${id} and resolved_at is null`.execute(db);
}
export const findWarning = async (db: Executor, id: string) =>
  (await sql<WarningRow>`select * from supervision.warning where id = ${id}`.execute(db)).rows[0];
export type WarningFilter = {
  level?: string;
  departmentId?: string;
  rule?: string;
  status: 'open' | 'closed' | 'all';
  caseId?: string;
  raisedFrom?: Date;
  raisedBefore?: Date;
};
const warningWhere = (f: WarningFilter) => sql`
  (${f.level ?? null}::text is null or level = ${f.level ?? null})
  and (${f.departmentId ?? null}::uuid is null or department_id = ${f.departmentId ?? null})
  and (${f.rule ?? null}::text is null or rule_code = ${f.rule ?? null})
  and (${f.caseId ?? null}::uuid is null or case_id = ${f.caseId ?? null})
  and (${f.raisedFrom ?? null}::timestamptz is null or raised_at >= ${f.raisedFrom ?? null})
  and (${f.raisedBefore ?? null}::timestamptz is null or raised_at < ${f.raisedBefore ?? null})
  and (${f.status} = 'all' or (${f.status} = 'open') = (resolved_at is null))`;
export async function listWarnings(db: Executor, f: WarningFilter, page: number) {
  const items = await sql<WarningRow>`select * from supervision.warning where ${warningWhere(f)}
    order by raised_at desc, id desc limit ${PAGE} offset ${(page - 1) * PAGE}`.execute(db);
  const total = await sql<{ n: string }>`select count(*)::text as n from supervision.warning
    where ${warningWhere(f)}`.execute(db);
  return { items: items.rows, total: Number(total.rows[0]?.n ?? 0) };
}
export type DepartmentCountRow = {
  department_id: string;
  department_name: string;
  yellow: number;
  red: number;
  supplement_late: number;
  special_no_reason: number;
  open_orders: number;
  overdue_orders: number;
};
/** Open warnings and unanswered orders per department (one or all), the reddest first. */
export const countsByDepartment = async (db: Executor, departmentId: string | null, today: string) =>
  (
    await sql<DepartmentCountRow>`
      with open_warnings as (
        select department_id, min(department_name) as department_name,
          (count(*) filter (where level = 'yellow'))::int as yellow,
          (count(*) filter (where level = 'red'))::int as red,
          (count(*) filter (where rule_code = 'supplement-late'))::int as supplement_late,
          (count(*) filter (where rule_code = 'special-no-reason'))::int as special_no_reason
        from supervision.warning
        where resolved_at is null and (${departmentId}::uuid is null or department_id = ${departmentId})
        group by department_id
      ), waiting_orders as (
        select department_id, min(department_name) as department_name,
          count(*)::int as open_orders,
          (count(*) filter (where due_on < ${today}::date))::int as overdue_orders
        from supervision.case_order
        where state = 'issued' and (${departmentId}::uuid is null or department_id = ${departmentId})
        group by department_id
      )
      select coalesce(w.department_id, o.department_id) as department_id,
        coalesce(w.department_name, o.department_name) as department_name,
        coalesce(w.yellow, 0) as yellow, coalesce(w.red, 0) as red,
        coalesce(w.supplement_late, 0) as supplement_late,
        coalesce(w.special_no_reason, 0) as special_no_reason,
        coalesce(o.open_orders, 0) as open_orders, coalesce(o.overdue_orders, 0) as overdue_orders
      from open_warnings w full join waiting_orders o on o.department_id = w.department_id
      order by red desc, yellow desc, overdue_orders desc, open_orders desc, department_id`.execute(db)
  ).rows;

// ── orders ──
export async function insertOrder(db: Executor, o: OrderRow) {
  await sql`insert into supervision.case_order (id, no, case_id, case_no, department_id, department_name,
    item_name, warning_id, rule_code, level, content, due_on, state, issued_by, issued_by_name, issued_at,
    state_changed_at)
    values (${o.id}, ${o.no}, ${o.case_id}, ${o.case_no}, ${o.department_id}, ${o.department_name},
      ${o.item_name}, ${o.warning_id}, ${o.rule_code}, ${o.level}, ${o.content}, ${o.due_on}, ${o.state}, ${o.issued_by},
      ${o.issued_by_name}, ${o.issued_at}, ${o.state_changed_at})`.execute(db);
}
const orderColumns = sql`*, to_char(due_on, 'YYYY-MM-DD') as due_on`;
export const findOrder = async (db: Executor, id: string) =>
  (await sql<OrderRow>`select ${orderColumns} from supervision.case_order where id = ${id}`.execute(db))
    .rows[0];
export const lockOrder = async (db: Executor, id: string) =>
  (
    await sql<OrderRow>`select ${orderColumns} from supervision.case_order where id = ${id} for update`.execute(
      db,
    )
  ).rows[0];
export async function answerOrder(db: Executor, id: string, answer: string, by: string, at: Date) {
  await sql`update supervision.case_order set state = 'answered', answer = ${answer}, answered_by_name = ${by},
    answered_at = ${at}, state_changed_at = ${at} where id = ${id}`.execute(db);
}
export async function closeOrder(db: Executor, id: string, result: string, at: Date) {
  await sql`update supervision.case_order set state = 'closed', result = ${result}, closed_at = ${at},
    state_changed_at = ${at} where id = ${id}`.execute(db);
}
export type OrderFilter = { state?: string; overdueOn?: string; caseId?: string; departmentId?: string };
const orderWhere = (f: OrderFilter) => sql`
  (${f.state ?? null}::text is null or state = ${f.state ?? null})
  and (${f.caseId ?? null}::uuid is null or case_id = ${f.caseId ?? null})
  and (${f.departmentId ?? null}::uuid is null or department_id = ${f.departmentId ?? null})
  and (${f.overdueOn ?? null}::date is null or (state = 'issued' and due_on < ${f.overdueOn ?? null}::date))`;
export async function listOrders(db: Executor, f: OrderFilter, page: number) {
  const items = await sql<OrderRow>`select ${orderColumns} from supervision.case_order where ${orderWhere(f)}
    order by issued_at desc, id desc limit ${PAGE} offset ${(page - 1) * PAGE}`.execute(db);
  const total = await sql<{ n: string }>`select count(*)::text as n from supervision.case_order
    where ${orderWhere(f)}`.execute(db);
  return { items: items.rows, total: Number(total.rows[0]?.n ?? 0) };
}
