// SQL for the base databases (基础库): which resource holds each, the refresh queue, and keyed rows of
// `sharing.data_row` (upsert and delete by the source's key). Part of sharing's schema.
import { type Executor, sql } from '../../../platform/db/index.ts';
import type { BaseKind } from './definitions.ts';

export const resourceOf = async (db: Executor, kind: BaseKind) =>
  (
    await sql<{ resource_id: string }>`select resource_id from sharing.base_resource
      where kind = ${kind}`.execute(db)
  ).rows[0]?.resource_id ?? null;

/** Whether the resource holds a base database (its rows are the refresh's alone: no upload, no API mount). */
export const isBaseResource = async (db: Executor, resourceId: string) =>
  (await sql`select 1 from sharing.base_resource where resource_id = ${resourceId}`.execute(db)).rows.length >
  0;

export async function linkResource(db: Executor, kind: BaseKind, resourceId: string) {
  await sql`insert into sharing.base_resource (kind, resource_id) values (${kind}, ${resourceId})
    on conflict (kind) do nothing`.execute(db);
}
export async function markRebuilt(db: Executor, kind: BaseKind, at: Date) {
  await sql`update sharing.base_resource set rebuilt_at = ${at} where kind = ${kind}`.execute(db);
}
/** A refresh succeeded (changes or not): the quality board's update cycle runs from here. */
export async function markRefreshed(db: Executor, kind: BaseKind, at: Date) {
  await sql`update sharing.base_resource set refreshed_at = ${at} where kind = ${kind}`.execute(db);
}
/** Queues a full rebuild of each base database not rebuilt for a day, so a quiet one is still checked daily. */
export async function enqueueStale(db: Executor, now: Date) {
  await sql`insert into sharing.base_refresh (kind, key, queued_at, due_at)
    select kind, '*', ${now}, ${now} from sharing.base_resource
    where rebuilt_at is null or rebuilt_at <= ${now}::timestamptz - interval '1 day'
    on conflict (kind, key) do nothing`.execute(db);
}

// ── the queue ──
export async function enqueue(db: Executor, kind: BaseKind, keys: string[], at: Date) {
  if (keys.length === 0) return;
  await sql`insert into sharing.base_refresh (kind, key, queued_at, due_at)
    select ${kind}, k, ${at}, ${at} from unnest(${keys}::text[]) as k
    on conflict (kind, key) do update set generation = sharing.base_refresh.generation + 1,
      queued_at = excluded.queued_at, due_at = least(sharing.base_refresh.due_at, excluded.due_at)`.execute(
    db,
  );
}
export type Queued = { kind: BaseKind; key: string; generation: number; attempts: number };
export const due = async (db: Executor, now: Date, limit: number) =>
  (
    await sql<Queued>`select kind, key, generation, attempts from sharing.base_refresh
      where due_at <= ${now} order by due_at, kind, key limit ${limit}`.execute(db)
  ).rows;
/** Removes the entries a refresh handled, unless they were queued again meanwhile. */
export async function done(db: Executor, entries: Queued[]) {
  if (entries.length === 0) return;
  await sql`delete from sharing.base_refresh q using jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
      as x(kind text, key text, generation int)
    where q.kind = x.kind and q.key = x.key and q.generation = x.generation`.execute(db);
}
export async function failed(db: Executor, kind: BaseKind, keys: string[], error: string, now: Date) {
  await sql`update sharing.base_refresh set attempts = attempts + 1, last_error = ${error.slice(0, 500)},
    due_at = ${now}::timestamptz + make_interval(secs => least(3600, 30 * power(2, attempts)))
    where kind = ${kind} and key = any(${keys}::text[])`.execute(db);
}

// ── keyed rows ──
/** Transaction-scoped: one refresh of this base database at a time, across nodes (PostgreSQL). */
export async function lockKind(tx: Executor, kind: BaseKind) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`sharing:basedb:${kind}`}, 0))`.execute(tx);
}
export type KeyedRow = { key: string; hash: string; data: object; idx: object };
export const hashesOf = async (db: Executor, resourceId: string, keys: string[] | null) =>
  new Map(
    (
      await sql<{ row_key: string; row_hash: string | null }>`select row_key, row_hash from sharing.data_row
        where resource_id = ${resourceId} and row_key is not null
          and (${keys}::text[] is null or row_key = any(${keys}::text[]))`.execute(db)
    ).rows.map((r) => [r.row_key, r.row_hash]),
  );

/** Inserts new keys (numbered after the last row: call under lockKind) and rewrites changed ones under this load. */
export async function upsertRows(
  db: Executor,
  resourceId: string,
  loadId: string,
  versionId: string,
  rows: KeyedRow[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await sql`with x as (
        select x.* , row_number() over () as n
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(key text, hash text, data jsonb, idx jsonb)),
      base as (select coalesce(max(row_no), 0) as last from sharing.data_row where resource_id = ${resourceId})
      insert into sharing.data_row (load_id, resource_id, version_id, row_no, data, idx, row_key, row_hash)
      select ${loadId}, ${resourceId}, ${versionId}, base.last + x.n, x.data, x.idx, x.key, x.hash
      from x, base
      on conflict (resource_id, row_key) where row_key is not null do update set load_id = excluded.load_id,
        version_id = excluded.version_id, data = excluded.data, idx = excluded.idx, row_hash = excluded.row_hash`.execute(
      db,
    );
  }
}
export async function deleteRows(db: Executor, resourceId: string, keys: string[]) {
  if (keys.length === 0) return;
  await sql`delete from sharing.data_row where resource_id = ${resourceId}
    and row_key = any(${keys}::text[])`.execute(db);
}
/** Rows of the resource without a key (e.g. an upload before it became a base database): dropped by a rebuild. */
export async function deleteUnkeyed(db: Executor, resourceId: string) {
  await sql`delete from sharing.data_row where resource_id = ${resourceId} and row_key is null`.execute(db);
}
export const rowCount = async (db: Executor, resourceId: string) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from sharing.data_row
      where resource_id = ${resourceId}`.execute(db)
  ).rows[0]?.n ?? 0;
