// SQL for the analytics schema. Nothing else reads or writes these tables.
import { type Executor, sql } from '../../platform/db/index.ts';
import { type Delta, type FactRow, MEASURES } from './facts.ts';

// ── the queue of cases to re-read ──
export async function enqueue(db: Executor, caseId: string, at: Date) {
  await sql`insert into analytics.pending (case_id, queued_at) values (${caseId}, ${at})
    on conflict (case_id) do nothing`.execute(db);
}
/** Takes up to `limit` queued cases off the queue (skipping rows another node is taking). */
export const takeQueued = async (db: Executor, limit: number) =>
  (
    await sql<{ case_id: string }>`delete from analytics.pending where case_id in (
      select case_id from analytics.pending order by queued_at limit ${limit} for update skip locked)
      returning case_id`.execute(db)
  ).rows.map((r) => r.case_id);

// ── facts ──
const FACT_COLUMNS = sql`case_id, version, department_id, implementation_id, division_code, channel, state,
  decision, received_on::text as received_on, accepted_on::text as accepted_on, closed_on::text as closed_on,
  promised_due_on::text as promised_due_on, is_open, is_paused, is_on_time`;

/** The case's fact row, locked for this transaction (a transaction-scoped lock on the case id also
 * covers the moment before the first row exists, so two nodes never both insert it). */
export async function lockFact(db: Executor, caseId: string): Promise<FactRow | null> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`analytics:${caseId}`}, 0))`.execute(db);
  return (
    (
      await sql<FactRow>`select ${FACT_COLUMNS} from analytics.case_fact where case_id = ${caseId} for update`.execute(
        db,
      )
    ).rows[0] ?? null
  );
}
export const factsOf = async (db: Executor, caseIds: string[]) =>
  (
    await sql<FactRow>`select ${FACT_COLUMNS} from analytics.case_fact where case_id = any(${caseIds}::uuid[])`.execute(
      db,
    )
  ).rows;
export async function upsertFact(db: Executor, f: FactRow) {
  await sql`insert into analytics.case_fact (case_id, version, department_id, implementation_id, division_code,
      channel, state, decision, received_on, accepted_on, closed_on, promised_due_on, is_open, is_paused, is_on_time)
    values (${f.case_id}, ${f.version}, ${f.department_id}, ${f.implementation_id}, ${f.division_code},
      ${f.channel}, ${f.state}, ${f.decision}, ${f.received_on}, ${f.accepted_on}, ${f.closed_on},
      ${f.promised_due_on}, ${f.is_open}, ${f.is_paused}, ${f.is_on_time})
    on conflict (case_id) do update set version = excluded.version, department_id = excluded.department_id,
      implementation_id = excluded.implementation_id, division_code = excluded.division_code,
      channel = excluded.channel, state = excluded.state, decision = excluded.decision,
      received_on = excluded.received_on, accepted_on = excluded.accepted_on, closed_on = excluded.closed_on,
      promised_due_on = excluded.promised_due_on, is_open = excluded.is_open, is_paused = excluded.is_paused,
      is_on_time = excluded.is_on_time`.execute(db);
}
export async function upsertItem(db: Executor, id: string, name: string, departmentId: string) {
  await sql`insert into analytics.item (implementation_id, name, department_id)
    values (${id}, ${name}, ${departmentId})
    on conflict (implementation_id) do update set name = excluded.name
    where analytics.item.name <> excluded.name`.execute(db);
}

// ── daily aggregates ──
export async function applyDelta(db: Executor, d: Delta) {
  const n = (m: (typeof MEASURES)[number]) => d.counts[m] ?? 0;
  await sql`insert into analytics.daily (day, department_id, implementation_id, division_code, channel,
      submitted, accepted, refused, returned, withdrawn, concluded, concluded_on_time, approved, denied)
    values (${d.day}, ${d.department_id}, ${d.implementation_id}, ${d.division_code}, ${d.channel},
      ${n('submitted')}, ${n('accepted')}, ${n('refused')}, ${n('returned')}, ${n('withdrawn')},
      ${n('concluded')}, ${n('concluded_on_time')}, ${n('approved')}, ${n('denied')})
    on conflict (day, department_id, implementation_id, division_code, channel) do update set
      submitted = daily.submitted + excluded.submitted, accepted = daily.accepted + excluded.accepted,
      refused = daily.refused + excluded.refused, returned = daily.returned + excluded.returned,
      withdrawn = daily.withdrawn + excluded.withdrawn, concluded = daily.concluded + excluded.concluded,
      concluded_on_time = daily.concluded_on_time + excluded.concluded_on_time,
      approved = daily.approved + excluded.approved, denied = daily.denied + excluded.denied`.execute(db);
}

const DAILY_KEY = sql`day, department_id, implementation_id, division_code, channel`;
/** The daily aggregates counted again from the fact rows, by the definition of facts.contributionsOf. */
const RECOUNT = sql`
  with contribution as (
    select received_on as day, department_id, implementation_id, division_code, channel, 'submitted' as measure
      from analytics.case_fact
    union all
    select accepted_on, department_id, implementation_id, division_code, channel, 'accepted'
      from analytics.case_fact where accepted_on is not null
    union all
    select closed_on, department_id, implementation_id, division_code, channel, state
      from analytics.case_fact where closed_on is not null and state in ('refused', 'returned', 'withdrawn')
    union all
    select closed_on, department_id, implementation_id, division_code, channel, 'concluded'
      from analytics.case_fact where closed_on is not null and state = 'concluded'
    union all
    select closed_on, department_id, implementation_id, division_code, channel, 'concluded_on_time'
      from analytics.case_fact where closed_on is not null and state = 'concluded' and is_on_time
    union all
    select closed_on, department_id, implementation_id, division_code, channel, decision
      from analytics.case_fact where closed_on is not null and state = 'concluded'
        and decision in ('approved', 'denied')
  )
  select ${DAILY_KEY},
    ${sql.join(
      MEASURES.map((m) => sql`(count(*) filter (where measure = ${m}))::int as ${sql.ref(m)}`),
      sql`, `,
    )}
  from contribution group by ${DAILY_KEY}`;

/** How many aggregate rows differ from a full recount of the facts (all-zero rows count as absent). */
export async function dailyMismatches(db: Executor): Promise<number> {
  const differs = sql.join(
    MEASURES.map((m) => sql`coalesce(r.${sql.ref(m)}, 0) <> coalesce(d.${sql.ref(m)}, 0)`),
    sql` or `,
  );
  const { rows } = await sql<{ n: number }>`with r as (${RECOUNT})
    select count(*)::int as n from r full join analytics.daily d using (${DAILY_KEY})
    where ${differs}`.execute(db);
  return rows[0]?.n ?? 0;
}
/** Replaces every aggregate row by the recount (the table locked against the job meanwhile). */
export async function replaceDaily(db: Executor) {
  await sql`lock table analytics.daily in exclusive mode`.execute(db);
  await sql`delete from analytics.daily`.execute(db);
  await sql`insert into analytics.daily (${DAILY_KEY}, ${sql.join(MEASURES.map((m) => sql.ref(m)))})
    ${RECOUNT}`.execute(db);
}

// ── ratings ──
export type RatingFactRow = {
  rating_id: string;
  department_id: string;
  division_code: string;
  day: string;
  level: number;
  at: Date;
};
export async function lockRating(db: Executor, ratingId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`analytics:rating:${ratingId}`}, 0))`.execute(db);
  return (
    (
      await sql<RatingFactRow>`select rating_id, department_id, division_code, day::text as day, level, at
        from analytics.rating_fact where rating_id = ${ratingId} for update`.execute(db)
    ).rows[0] ?? null
  );
}
export async function upsertRating(db: Executor, r: RatingFactRow & { case_id: string | null }) {
  await sql`insert into analytics.rating_fact (rating_id, case_id, department_id, division_code, day, level, at)
    values (${r.rating_id}, ${r.case_id}, ${r.department_id}, ${r.division_code}, ${r.day}, ${r.level}, ${r.at})
    on conflict (rating_id) do update set level = excluded.level, at = excluded.at`.execute(db);
}
export async function addRating(db: Executor, r: Omit<RatingFactRow, 'rating_id' | 'at'>, n: number) {
  await sql`insert into analytics.rating_daily (day, department_id, division_code, level, count)
    values (${r.day}, ${r.department_id}, ${r.division_code}, ${r.level}, ${n})
    on conflict (day, department_id, division_code, level) do update
    set count = rating_daily.count + excluded.count`.execute(db);
}
const RATING_RECOUNT = sql`select day, department_id, division_code, level, count(*)::int as count
  from analytics.rating_fact group by day, department_id, division_code, level`;
export async function ratingMismatches(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`with r as (${RATING_RECOUNT})
    select count(*)::int as n from r full join analytics.rating_daily d using (day, department_id, division_code, level)
    where coalesce(r.count, 0) <> coalesce(d.count, 0)`.execute(db);
  return rows[0]?.n ?? 0;
}
export async function replaceRatingDaily(db: Executor) {
  await sql`lock table analytics.rating_daily in exclusive mode`.execute(db);
  await sql`delete from analytics.rating_daily`.execute(db);
  await sql`insert into analytics.rating_daily (day, department_id, division_code, level, count)
    ${RATING_RECOUNT}`.execute(db);
}

// ── the dashboard's reads (every one bounded by days × dimensions, never by the number of cases) ──
export type StatsFilter = {
  departmentId: string | null;
  county: string | null;
  implementationId: string | null;
  channel: string | null;
};
export type CountsRow = Record<(typeof MEASURES)[number], number>;
const SUMS = sql.join(
  MEASURES.map((m) => sql`coalesce(sum(${sql.ref(m)}), 0)::int as ${sql.ref(m)}`),
  sql`, `,
);
const dailyWhere = (f: StatsFilter, from: string, to: string) => sql`day between ${from} and ${to}
  and (${f.departmentId}::uuid is null or department_id = ${f.departmentId}::uuid)
  and (${f.county}::text is null or left(division_code, 6) = ${f.county})
  and (${f.implementationId}::uuid is null or implementation_id = ${f.implementationId}::uuid)
  and (${f.channel}::text is null or channel = ${f.channel})`;

export type GroupedRow = CountsRow & {
  county: string | null;
  department_id: string | null;
  implementation_id: string | null;
  channel: string | null;
  grouping: 'total' | 'county' | 'department' | 'item' | 'channel';
};
/** The period's totals and its breakdowns by county, department, item and channel, in one scan. */
export const groupedCounts = async (db: Executor, f: StatsFilter, from: string, to: string) =>
  (
    await sql<GroupedRow>`select left(division_code, 6) as county, department_id, implementation_id, channel,
      case grouping(left(division_code, 6), department_id, implementation_id, channel)
        when 15 then 'total' when 7 then 'county' when 11 then 'department' when 13 then 'item'
        else 'channel' end as grouping,
      ${SUMS}
      from analytics.daily where ${dailyWhere(f, from, to)}
      group by grouping sets ((), (left(division_code, 6)), (department_id), (implementation_id), (channel))`.execute(
      db,
    )
  ).rows;
export const countsByDay = async (db: Executor, f: StatsFilter, from: string, to: string) =>
  (
    await sql<CountsRow & { day: string }>`select day::text as day, ${SUMS}
      from analytics.daily where ${dailyWhere(f, from, to)} group by day order by day`.execute(db)
  ).rows;
/** Open cases whose clock runs and whose promised due day has passed. */
export async function overdueNow(db: Executor, f: StatsFilter, today: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from analytics.case_fact
    where is_open and not is_paused and promised_due_on is not null and promised_due_on < ${today}
      and (${f.departmentId}::uuid is null or department_id = ${f.departmentId}::uuid)
      and (${f.county}::text is null or left(division_code, 6) = ${f.county})
      and (${f.implementationId}::uuid is null or implementation_id = ${f.implementationId}::uuid)
      and (${f.channel}::text is null or channel = ${f.channel})`.execute(db);
  return rows[0]?.n ?? 0;
}
export const ratingsByLevel = async (db: Executor, f: StatsFilter, from: string, to: string) =>
  (
    await sql<{ level: number; count: number }>`select level, coalesce(sum(count), 0)::int as count
      from analytics.rating_daily where day between ${from} and ${to}
        and (${f.departmentId}::uuid is null or department_id = ${f.departmentId}::uuid)
        and (${f.county}::text is null or left(division_code, 6) = ${f.county})
      group by level`.execute(db)
  ).rows;
export const itemNames = async (db: Executor, ids: string[]) =>
  (
    await sql<{ implementation_id: string; name: string }>`select implementation_id, name from analytics.item
      where implementation_id = any(${ids}::uuid[])`.execute(db)
  ).rows;
