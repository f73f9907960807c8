// SQL for ratings and rectification orders in the interaction schema. Nothing else touches these tables.
import { type Executor, sql } from '../../../platform/db/index.ts';

export type RatingRow = {
  id: string;
  case_id: string;
  case_no: string;
  event_id: string;
  event_kind: string;
  event_at: Date;
  department_id: string;
  department_name: string;
  implementation_id: string;
  item_name: string;
  division_code: string;
  channel: string;
  level: number;
  previous_level: number | null;
  text: string | null;
  times: number;
  rater_account_id: string | null;
  rater_name: string;
  rated_at: Date;
  amended_at: Date | null;
  is_excluded: boolean;
};
export type RectificationRow = {
  id: string;
  no: string;
  rating_id: string;
  case_id: string;
  case_no: string;
  department_id: string;
  department_name: string;
  item_name: string;
  state: 'verify' | 'rectify' | 'reply' | 'visit' | 'visited' | 'closed';
  outcome: 'rectified' | 'appeal_upheld' | null;
  due_on: string;
  opened_at: Date;
  finding: string | null;
  measures: string | null;
  reply: string | null;
  visit_result: string | null;
  is_visit_satisfied: boolean | null;
  closed_at: Date | null;
  close_note: string | null;
  appeal_state: 'pending' | 'upheld' | 'rejected' | null;
  appeal_reason: string | null;
  appealed_at: Date | null;
  appeal_decision: string | null;
  appeal_decided_at: Date | null;
};
/** An order with the rating it follows (level, text, event kind). */
export type OrderRow = RectificationRow & {
  level: number;
  rating_text: string | null;
  event_kind: string;
  rater_account_id: string | null;
};
export type StepRow = { step: string; content: string; by_name: string; at: Date };
export const PAGE = 50;

// ── ratings ──
/** Inserts a rating unless its event already has one; true when inserted. */
export async function insertRating(db: Executor, r: RatingRow) {
  const { rows } =
    await sql`insert into interaction.rating (id, case_id, case_no, event_id, event_kind, event_at,
    department_id, department_name, implementation_id, item_name, division_code, channel, level,
    previous_level, text, times, rater_account_id, rater_name, rated_at, amended_at, is_excluded)
    values (${r.id}, ${r.case_id}, ${r.case_no}, ${r.event_id}, ${r.event_kind}, ${r.event_at},
      ${r.department_id}, ${r.department_name}, ${r.implementation_id}, ${r.item_name}, ${r.division_code},
      ${r.channel}, ${r.level}, ${r.previous_level}, ${r.text}, ${r.times}, ${r.rater_account_id},
      ${r.rater_name}, ${r.rated_at}, ${r.amended_at}, ${r.is_excluded})
    on conflict (event_id) do nothing returning id`.execute(db);
  return rows.length === 1;
}
export const ratingOfEvent = async (db: Executor, eventId: string) =>
  (await sql<RatingRow>`select * from interaction.rating where event_id = ${eventId}`.execute(db)).rows[0];
export const lockRating = async (db: Executor, id: string) =>
  (await sql<RatingRow>`select * from interaction.rating where id = ${id} for update`.execute(db)).rows[0];
export const findRating = async (db: Executor, id: string) =>
  (await sql<RatingRow>`select * from interaction.rating where id = ${id}`.execute(db)).rows[0];
export const ratingsOfCase = async (db: Executor, caseId: string) =>
  (await sql<RatingRow>`select * from interaction.rating where case_id = ${caseId}`.execute(db)).rows;
export async function amendRating(
  db: Executor,
  id: string,
  patch: { level: number; previous_level: number; text: string | null; at: Date },
) {
  await sql`update interaction.rating set level = ${patch.level}, previous_level = ${patch.previous_level},
    text = ${patch.text}, times = times + 1, amended_at = ${patch.at} where id = ${id}`.execute(db);
}
export async function excludeRating(db: Executor, id: string) {
  await sql`update interaction.rating set is_excluded = true where id = ${id}`.execute(db);
}

// ── settings ──
export const rectifyDays = async (db: Executor) =>
  (
    await sql<{
      rectify_days: number;
    }>`select rectify_days from interaction.rating_setting where id = 1`.execute(db)
  ).rows[0]?.rectify_days ?? 15;
export async function setRectifyDays(db: Executor, days: number, at: Date) {
  await sql`update interaction.rating_setting set rectify_days = ${days}, updated_at = ${at} where id = 1`.execute(
    db,
  );
}

// ── rectification orders ──
export const nextNo = async (db: Executor, year: number) => {
  const { rows } = await sql<{
    n: string;
  }>`select nextval('interaction.rectification_no_seq')::text as n`.execute(db);
  return `ZG${year}${(rows[0]?.n ?? '0').padStart(7, '0')}`;
};
export async function insertOrder(db: Executor, o: RectificationRow) {
  await sql`insert into interaction.rectification (id, no, rating_id, case_id, case_no, department_id,
    department_name, item_name, state, due_on, opened_at)
    values (${o.id}, ${o.no}, ${o.rating_id}, ${o.case_id}, ${o.case_no}, ${o.department_id},
      ${o.department_name}, ${o.item_name}, ${o.state}, ${o.due_on}, ${o.opened_at})`.execute(db);
}
const orderSelect = sql`select o.*, to_char(o.due_on, 'YYYY-MM-DD') as due_on, r.level, r.text as rating_text,
  r.rater_account_id,
  r.event_kind from interaction.rectification o join interaction.rating r on r.id = o.rating_id`;
export const lockOrder = async (db: Executor, id: string) =>
  (await sql<OrderRow>`${orderSelect} where o.id = ${id} for update of o`.execute(db)).rows[0];
export const findOrder = async (db: Executor, id: string) =>
  (await sql<OrderRow>`${orderSelect} where o.id = ${id}`.execute(db)).rows[0];
export const ordersOfRatings = async (db: Executor, ratingIds: string[]) =>
  ratingIds.length === 0
    ? []
    : (await sql<OrderRow>`${orderSelect} where o.rating_id in (${sql.join(ratingIds)})`.execute(db)).rows;
/** Sets the given columns of an order (names are this file's, never a caller's string). */
export async function updateOrder(
  db: Executor,
  id: string,
  patch: Partial<Omit<RectificationRow, 'id' | 'no' | 'rating_id'>>,
) {
  const sets = Object.entries(patch).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  if (sets.length > 0)
    await sql`update interaction.rectification set ${sql.join(sets)} where id = ${id}`.execute(db);
}
export async function addStep(db: Executor, step: StepRow & { id: string; rectification_id: string }) {
  await sql`insert into interaction.rectification_step (id, rectification_id, step, content, by_name, at)
    values (${step.id}, ${step.rectification_id}, ${step.step}, ${step.content}, ${step.by_name}, ${step.at})`.execute(
    db,
  );
}
export const stepsOf = async (db: Executor, id: string) =>
  (
    await sql<StepRow>`select step, content, by_name, at from interaction.rectification_step
      where rectification_id = ${id} order by at, id`.execute(db)
  ).rows;

export type OrderFilter = {
  departmentId: string | null;
  state: 'open' | 'closed' | 'all';
  overdueOn?: string;
  appeal?: string;
};
const orderWhere = (f: OrderFilter) => sql`
  (${f.departmentId}::uuid is null or o.department_id = ${f.departmentId})
  and (${f.state} = 'all' or (${f.state} = 'closed') = (o.state = 'closed'))
  and (${f.overdueOn ?? null}::date is null or (o.state <> 'closed' and o.due_on < ${f.overdueOn ?? null}::date))
  and (${f.appeal ?? null}::text is null or o.appeal_state = ${f.appeal ?? null})`;
export async function listOrders(db: Executor, f: OrderFilter, page: number) {
  const items = await sql<OrderRow>`${orderSelect} where ${orderWhere(f)}
    order by o.due_on, o.opened_at, o.id limit ${PAGE} offset ${(page - 1) * PAGE}`.execute(db);
  const total = await sql<{ n: string }>`select count(*)::text as n from interaction.rectification o
    where ${orderWhere(f)}`.execute(db);
  return { items: items.rows, total: Number(total.rows[0]?.n ?? 0) };
}

// ── statistics and facts ──
export type StatsRowDb = {
  id: string;
  name: string;
  department_name: string;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
  rectified: number;
};
export async function stats(db: Executor, by: 'department' | 'item', from: Date | null, to: Date | null) {
  const key = by === 'department' ? sql`r.department_id` : sql`r.implementation_id`;
  const name = by === 'department' ? sql`min(r.department_name)` : sql`min(r.item_name)`;
  return (
    await sql<StatsRowDb>`select ${key}::text as id, ${name} as name, min(r.department_name) as department_name,
        (count(*) filter (where r.level = 1))::int as c1, (count(*) filter (where r.level = 2))::int as c2,
        (count(*) filter (where r.level = 3))::int as c3, (count(*) filter (where r.level = 4))::int as c4,
        (count(*) filter (where r.level = 5))::int as c5,
        (count(*) filter (where r.level >= 4 and o.outcome = 'rectified'))::int as rectified
      from interaction.rating r left join interaction.rectification o on o.rating_id = r.id
      where not r.is_excluded
        and (${from}::timestamptz is null or r.rated_at >= ${from})
        and (${to}::timestamptz is null or r.rated_at < ${to})
      group by ${key} order by name`.execute(db)
  ).rows;
}
export const factsIn = async (db: Executor, from: Date, to: Date, departmentId: string | null) =>
  (
    await sql<
      RatingRow & { order_state: string | null; order_due_on: string | null; order_closed_at: Date | null }
    >`
      select r.*, o.state as order_state, to_char(o.due_on, 'YYYY-MM-DD') as order_due_on,
        o.closed_at as order_closed_at
      from interaction.rating r left join interaction.rectification o on o.rating_id = r.id
      where r.rated_at >= ${from} and r.rated_at < ${to}
        and (${departmentId}::uuid is null or r.department_id = ${departmentId})
      order by r.rated_at, r.id`.execute(db)
  ).rows;
