// SQL for the opendata schema. Nothing else reads or writes these tables.
import { type Executor, sql } from '../../platform/db/index.ts';
import type { Aggregate, Cell, Column, License, Rule } from './schema.ts';

export type DatasetRow = {
  id: string;
  name: string;
  resource_id: string;
  resource_code: string | null;
  state: 'published' | 'unpublished';
  title: string;
  notes: string;
  organization_name: string;
  organization_title: string;
  tags: string[];
  open_type: 'unconditional' | 'conditional';
  open_conditions: string | null;
  update_cycle: string;
  license: License;
  rules: Record<string, Rule>;
  columns: Column[];
  aggregate_keys: string[];
  k: number;
  aggregates: Aggregate[];
  row_count: number;
  source_load_id: string | null;
  published_by_name: string;
  published_at: Date;
  modified_at: Date;
  unpublished_at: Date | null;
  unpublish_reason: string | null;
  search_text: string;
};
export const PAGE = 20;

export async function upsertDataset(db: Executor, d: DatasetRow) {
  await sql`insert into opendata.dataset (id, name, resource_id, resource_code, state, title, notes,
    organization_name, organization_title, tags, open_type, open_conditions, update_cycle, license, rules,
    columns, aggregate_keys, k, aggregates, row_count, source_load_id, published_by_name, published_at,
    modified_at, unpublished_at, unpublish_reason, search_text)
    values (${d.id}, ${d.name}, ${d.resource_id}, ${d.resource_code}, ${d.state}, ${d.title}, ${d.notes},
      ${d.organization_name}, ${d.organization_title}, ${d.tags}::text[], ${d.open_type}, ${d.open_conditions},
      ${d.update_cycle}, ${d.license}, ${JSON.stringify(d.rules)}::jsonb, ${JSON.stringify(d.columns)}::jsonb,
      ${d.aggregate_keys}::text[], ${d.k}, ${JSON.stringify(d.aggregates)}::jsonb, ${d.row_count},
      ${d.source_load_id}, ${d.published_by_name}, ${d.published_at}, ${d.modified_at}, ${d.unpublished_at},
      ${d.unpublish_reason}, ${d.search_text})
    on conflict (id) do update set state = excluded.state, title = excluded.title, notes = excluded.notes,
      resource_code = excluded.resource_code, organization_name = excluded.organization_name,
      organization_title = excluded.organization_title, tags = excluded.tags, open_type = excluded.open_type,
      open_conditions = excluded.open_conditions, update_cycle = excluded.update_cycle,
      license = excluded.license, rules = excluded.rules, columns = excluded.columns,
      aggregate_keys = excluded.aggregate_keys, k = excluded.k, aggregates = excluded.aggregates,
      row_count = excluded.row_count, source_load_id = excluded.source_load_id,
      published_by_name = excluded.published_by_name, published_at = excluded.published_at,
      modified_at = excluded.modified_at, unpublished_at = excluded.unpublished_at,
      unpublish_reason = excluded.unpublish_reason, search_text = excluded.search_text`.execute(db);
}
export async function replaceRows(db: Executor, datasetId: string, rows: Array<Record<string, Cell>>) {
  await sql`delete from opendata.dataset_row where dataset_id = ${datasetId}`.execute(db);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((data, j) => ({ row_no: i + j + 1, data }));
    await sql`insert into opendata.dataset_row (dataset_id, row_no, data)
      select ${datasetId}, x.row_no, x.data
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(row_no int, data jsonb)`.execute(db);
  }
}
export async function unpublish(db: Executor, id: string, at: Date, reason: string) {
  await sql`update opendata.dataset set state = 'unpublished', unpublished_at = ${at},
    unpublish_reason = ${reason} where id = ${id}`.execute(db);
  await sql`delete from opendata.dataset_row where dataset_id = ${id}`.execute(db);
}

const revive = (d: DatasetRow): DatasetRow => ({
  ...d,
  published_at: new Date(d.published_at),
  modified_at: new Date(d.modified_at),
  unpublished_at: d.unpublished_at && new Date(d.unpublished_at),
});
export const byResource = async (db: Executor, resourceId: string) => {
  const row = (
    await sql<DatasetRow>`select * from opendata.dataset where resource_id = ${resourceId}`.execute(db)
  ).rows[0];
  return row && revive(row);
};
/** The dataset row locked for the rest of the transaction (publish, rebuild and unpublish serialise on it). */
export const lockDataset = async (db: Executor, id: string) => {
  const row = (await sql<DatasetRow>`select * from opendata.dataset where id = ${id} for update`.execute(db))
    .rows[0];
  return row && revive(row);
};
export const byResources = async (db: Executor, resourceIds: string[]) =>
  (
    await sql<DatasetRow>`select * from opendata.dataset
      where resource_id = any(${resourceIds}::uuid[])`.execute(db)
  ).rows.map(revive);
/** A published dataset by its CKAN name. */
export const publishedByName = async (db: Executor, name: string) => {
  const row = (
    await sql<DatasetRow>`select * from opendata.dataset
      where (name = ${name} or id::text = ${name}) and state = 'published'`.execute(db)
  ).rows[0];
  return row && revive(row);
};

/** `likes`: ILIKE patterns every one of which must match (one per word of the query). */
export type Filter = { likes: string[]; organization?: string | null };
/** Published datasets matching the filter, newest change first. */
export async function search(db: Executor, f: Filter, offset: number, limit: number) {
  const where = sql`state = 'published'
    and search_text ilike all(${f.likes}::text[])
    and (${f.organization ?? null}::text is null or organization_name = ${f.organization ?? null})`;
  const items = await sql<DatasetRow>`select * from opendata.dataset where ${where}
    order by modified_at desc, name limit ${limit} offset ${offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from opendata.dataset
    where ${where}`.execute(db);
  return { items: items.rows.map(revive), total: total.rows[0]?.n ?? 0 };
}
export const publishedNames = async (db: Executor, offset: number, limit: number) =>
  (
    await sql<{ name: string }>`select name from opendata.dataset where state = 'published'
      order by name limit ${limit} offset ${offset}`.execute(db)
  ).rows.map((r) => r.name);

export async function pageRows(db: Executor, datasetId: string, offset: number, limit: number) {
  return (
    await sql<{ data: Record<string, Cell> }>`select data from opendata.dataset_row
      where dataset_id = ${datasetId} order by row_no limit ${limit} offset ${offset}`.execute(db)
  ).rows.map((r) => r.data);
}

// ── the rebuild queue ──
/**
 * Queues a resource only when it has a published dataset (runs in the dispatcher's transaction). A
 * resource waiting out a failure's backoff is due again at once: its new load may be what it needed.
 */
export async function enqueue(db: Executor, resourceId: string, at: Date) {
  await sql`insert into opendata.rebuild_queue (resource_id, queued_at, due_at)
    select ${resourceId}::uuid, ${at}, ${at} where exists (select 1 from opendata.dataset
      where resource_id = ${resourceId}::uuid and state = 'published')
    on conflict (resource_id) do update
      set due_at = least(opendata.rebuild_queue.due_at, excluded.due_at)`.execute(db);
}
export type Queued = { resource_id: string; queued_at: Date; attempts: number };
/** Takes the queued resources due by `now`, oldest due first; the caller re-queues a failed one. */
export const takeQueued = async (db: Executor, now: Date, limit: number) =>
  (
    await sql<Queued>`delete from opendata.rebuild_queue where resource_id in
      (select resource_id from opendata.rebuild_queue where due_at <= ${now}
        order by due_at, resource_id limit ${limit})
      returning resource_id, queued_at, attempts`.execute(db)
  ).rows;
/**
 * Puts a taken entry back after its rebuild failed: one more attempt, due after 30 s doubling per attempt
 * up to 1 h. A resource queued again meanwhile keeps its newer entry's due time.
 */
export async function failed(db: Executor, entry: Queued, error: string, now: Date) {
  await sql`insert into opendata.rebuild_queue (resource_id, queued_at, due_at, attempts, last_error)
    values (${entry.resource_id}, ${entry.queued_at},
      ${now}::timestamptz + make_interval(secs => least(3600, 30 * power(2, ${entry.attempts}::int))),
      ${entry.attempts + 1}, ${error.slice(0, 500)})
    on conflict (resource_id) do update
      set attempts = excluded.attempts, last_error = excluded.last_error`.execute(db);
}
