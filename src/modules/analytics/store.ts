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

// ── the aggregates: daily (full key), daily_area (day, county, channel), monthly (rankings) ──
type Measure = (typeof MEASURES)[number];
const countyOf = (division: string) => division.slice(0, 6);
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const ALL = sql.join(MEASURES.map((m) => sql.ref(m)));
const SUMS = sql.join(
  MEASURES.map((m) => sql`coalesce(sum(${sql.ref(m)}), 0)::int as ${sql.ref(m)}`),
  sql`, `,
);

async function addCounts(db: Executor, table: string, key: Record<string, string>, d: Delta) {
  const cols = Object.keys(key);
  await sql`insert into ${sql.table(`analytics.${table}`)} (${sql.join(cols.map((c) => sql.ref(c)))}, ${ALL})
    values (${sql.join(Object.values(key))}, ${sql.join(MEASURES.map((m: Measure) => d.counts[m] ?? 0))})
    on conflict (${sql.join(cols.map((c) => sql.ref(c)))}) do update set ${sql.join(
      MEASURES.map((m) => sql`${sql.ref(m)} = ${sql.ref(`${table}.${m}`)} + excluded.${sql.ref(m)}`),
    )}`.execute(db);
}
/** One difference applied to the three aggregate tables. */
export async function applyDelta(db: Executor, d: Delta) {
  const county = countyOf(d.division_code);
  await addCounts(
    db,
    'daily',
    {
      day: d.day,
      department_id: d.department_id,
      implementation_id: d.implementation_id,
      division_code: d.division_code,
      channel: d.channel,
    },
    d,
  );
  await addCounts(db, 'daily_area', { day: d.day, county, channel: d.channel }, d);
  await addCounts(
    db,
    'monthly',
    {
      month: monthOf(d.day),
      department_id: d.department_id,
      implementation_id: d.implementation_id,
      county,
      channel: d.channel,
    },
    d,
  );
}

/** analytics.daily counted again from the fact rows, by the definition of facts.contributionsOf. */
const DAILY_RECOUNT = sql`
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
  select day, department_id, implementation_id, division_code, channel,
    ${sql.join(
      MEASURES.map((m) => sql`(count(*) filter (where measure = ${m}))::int as ${sql.ref(m)}`),
      sql`, `,
    )}
  from contribution group by day, department_id, implementation_id, division_code, channel`;

type Aggregate = { table: string; key: string[]; measures: string[]; recount: ReturnType<typeof sql> };
const AGGREGATES: Aggregate[] = [
  {
    table: 'daily',
    key: ['day', 'department_id', 'implementation_id', 'division_code', 'channel'],
    measures: [...MEASURES],
    recount: DAILY_RECOUNT,
  },
  {
    table: 'daily_area',
    key: ['day', 'county', 'channel'],
    measures: [...MEASURES],
    recount: sql`select day, left(division_code, 6) as county, channel, ${SUMS} from analytics.daily
      group by day, left(division_code, 6), channel`,
  },
  {
    table: 'monthly',
    key: ['month', 'department_id', 'implementation_id', 'county', 'channel'],
    measures: [...MEASURES],
    recount: sql`select date_trunc('month', day)::date as month, department_id, implementation_id,
      left(division_code, 6) as county, channel, ${SUMS} from analytics.daily
      group by 1, department_id, implementation_id, 4, channel`,
  },
];
const RATING_AGGREGATES: Aggregate[] = [
  {
    table: 'rating_daily',
    key: ['day', 'department_id', 'division_code', 'level'],
    measures: ['count'],
    recount: sql`select day, department_id, division_code, level, count(*)::int as count
      from analytics.rating_fact where not is_excluded group by day, department_id, division_code, level`,
  },
  {
    table: 'rating_area',
    key: ['day', 'county', 'level'],
    measures: ['count'],
    recount: sql`select day, left(division_code, 6) as county, level, sum(count)::int as count
      from analytics.rating_daily group by day, left(division_code, 6), level`,
  },
];

/** Rows of one aggregate that differ from its recount (all-zero rows count as absent). */
async function mismatches(db: Executor, a: Aggregate): Promise<number> {
  const differs = sql.join(
    a.measures.map((m) => sql`coalesce(r.${sql.ref(m)}, 0) <> coalesce(d.${sql.ref(m)}, 0)`),
    sql` or `,
  );
  const { rows } = await sql<{ n: number }>`with r as (${a.recount})
    select count(*)::int as n from r full join ${sql.table(`analytics.${a.table}`)} d
      using (${sql.join(a.key.map((k) => sql.ref(k)))})
    where ${differs}`.execute(db);
  return rows[0]?.n ?? 0;
}
/** Replaces the rows of one aggregate by its recount (the table locked against the job meanwhile). */
async function replace(db: Executor, a: Aggregate) {
  const table = sql.table(`analytics.${a.table}`);
  await sql`lock table ${table} in exclusive mode`.execute(db);
  await sql`delete from ${table}`.execute(db);
  await sql`insert into ${table} (${sql.join([...a.key, ...a.measures].map((c) => sql.ref(c)))})
    ${a.recount}`.execute(db);
}
/** Compares each aggregate, in order (each recounted from the one before), with its recount; when
 * `repair`, replaces the ones that differ (or all of them when `force`). Returns rows that differed. */
async function check(db: Executor, list: Aggregate[], repair: boolean, force = false) {
  let differed = 0;
  for (const a of list) {
    const n = await mismatches(db, a);
    differed += n;
    if (repair && (n > 0 || force)) await replace(db, a);
  }
  return differed;
}
export const checkDaily = (db: Executor, repair: boolean, force = false) =>
  check(db, AGGREGATES, repair, force);
export const checkRatings = (db: Executor, repair: boolean) => check(db, RATING_AGGREGATES, repair);

// ── ratings ──
export type RatingFactRow = {
  rating_id: string;
  department_id: string;
  division_code: string;
  day: string;
  level: number;
  at: Date;
  is_excluded: boolean;
};
export async function lockRating(db: Executor, ratingId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`analytics:rating:${ratingId}`}, 0))`.execute(db);
  return (
    (
      await sql<RatingFactRow>`select rating_id, department_id, division_code, day::text as day, level, at,
        is_excluded from analytics.rating_fact where rating_id = ${ratingId} for update`.execute(db)
    ).rows[0] ?? null
  );
}
export async function upsertRating(
  db: Executor,
  r: Omit<RatingFactRow, 'is_excluded'> & { case_id: string | null },
) {
  await sql`insert into analytics.rating_fact (rating_id, case_id, department_id, division_code, day, level, at)
    values (${r.rating_id}, ${r.case_id}, ${r.department_id}, ${r.division_code}, ${r.day}, ${r.level}, ${r.at})
    on conflict (rating_id) do update set level = excluded.level, at = excluded.at`.execute(db);
}
export async function excludeRating(db: Executor, ratingId: string) {
  await sql`update analytics.rating_fact set is_excluded = true where rating_id = ${ratingId}`.execute(db);
}
export async function addRating(
  db: Executor,
  r: Pick<RatingFactRow, 'day' | 'department_id' | 'division_code' | 'level'>,
  n: number,
) {
  await sql`insert into analytics.rating_daily (day, department_id, division_code, level, count)
    values (${r.day}, ${r.department_id}, ${r.division_code}, ${r.level}, ${n})
    on conflict (day, department_id, division_code, level) do update
    set count = rating_daily.count + excluded.count`.execute(db);
  await sql`insert into analytics.rating_area (day, county, level, count)
    values (${r.day}, ${countyOf(r.division_code)}, ${r.level}, ${n})
    on conflict (day, county, level) do update set count = rating_area.count + excluded.count`.execute(db);
}

// ── the dashboard's reads (each bounded by days × counties or months × items, not by cases) ──
export type StatsFilter = {
  departmentId: string | null;
  county: string | null;
  implementationId: string | null;
  channel: string | null;
};
export type CountsRow = Record<Measure, number>;

/** Day rows to count from: the area rollup for the whole city, the full table for a department or item. */
const daySource = (f: StatsFilter) =>
  f.departmentId || f.implementationId
    ? sql`(select day, left(division_code, 6) as county, channel, ${ALL} from analytics.daily
        where (${f.departmentId}::uuid is null or department_id = ${f.departmentId}::uuid)
          and (${f.implementationId}::uuid is null or implementation_id = ${f.implementationId}::uuid))`
    : sql`analytics.daily_area`;
const dayWhere = (f: StatsFilter, from: string, to: string) => sql`day between ${from} and ${to}
  and (${f.county}::text is null or county = ${f.county})
  and (${f.channel}::text is null or channel = ${f.channel})`;

export type AreaRow = CountsRow & { county: string | null; channel: string | null; grouping: number };
/** The period's totals (grouping 3), per county (1) and per channel (2), in one scan (grouping() sets a bit per column summed over). */
export const areaCounts = async (db: Executor, f: StatsFilter, from: string, to: string) =>
  (
    await sql<AreaRow>`select county, channel, grouping(county, channel) as grouping, ${SUMS}
      from ${daySource(f)} s where ${dayWhere(f, from, to)}
      group by grouping sets ((), (county), (channel))`.execute(db)
  ).rows;
export const countsByDay = async (db: Executor, f: StatsFilter, from: string, to: string) =>
  (
    await sql<CountsRow & { day: string }>`select day::text as day, ${SUMS}
      from ${daySource(f)} s where ${dayWhere(f, from, to)} group by day order by day`.execute(db)
  ).rows;

export type RankRow = {
  department_id: string | null;
  implementation_id: string | null;
  grouping: number;
  submitted: number;
  concluded: number;
  concluded_on_time: number;
};
/** The top `limit` departments (grouping 1) and items (2) by applications over the whole months the
 * period touches; ranked in SQL (ties in id order) so only the winners leave the database. */
export const rankings = async (db: Executor, f: StatsFilter, from: string, to: string, limit: number) =>
  (
    await sql<RankRow>`with grouped as (
        select department_id, implementation_id, grouping(department_id, implementation_id) as grouping,
          sum(submitted)::int as submitted, sum(concluded)::int as concluded,
          sum(concluded_on_time)::int as concluded_on_time
        from analytics.monthly where month between ${monthOf(from)} and ${monthOf(to)}
          and (${f.departmentId}::uuid is null or department_id = ${f.departmentId}::uuid)
          and (${f.implementationId}::uuid is null or implementation_id = ${f.implementationId}::uuid)
          and (${f.county}::text is null or county = ${f.county})
          and (${f.channel}::text is null or channel = ${f.channel})
        group by grouping sets ((department_id), (implementation_id))
      ), ranked as (
        select *, row_number() over (partition by grouping
          order by submitted desc, coalesce(department_id, implementation_id)) as place
        from grouped
      )
      select department_id, implementation_id, grouping, submitted, concluded, concluded_on_time
      from ranked where place <= ${limit} order by grouping, place`.execute(db)
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
  (f.departmentId
    ? await sql<{ level: number; count: number }>`select level, coalesce(sum(count), 0)::int as count
          from analytics.rating_daily where day between ${from} and ${to}
            and department_id = ${f.departmentId}::uuid
            and (${f.county}::text is null or left(division_code, 6) = ${f.county})
          group by level`.execute(db)
    : await sql<{ level: number; count: number }>`select level, coalesce(sum(count), 0)::int as count
          from analytics.rating_area where day between ${from} and ${to}
            and (${f.county}::text is null or county = ${f.county})
          group by level`.execute(db)
  ).rows;
export const itemNames = async (db: Executor, ids: string[]) =>
  (
    await sql<{
      implementation_id: string;
      name: string;
      department_id: string;
    }>`select implementation_id, name,
      department_id from analytics.item
      where implementation_id = any(${ids}::uuid[])`.execute(db)
  ).rows;
