// SQL for the sharing schema. Nothing else reads or writes these tables.
import { type Executor, sql } from '../../platform/db/index.ts';
import type { ApiMount, DataItem, QualityReport, QualityRules, VersionState } from './schema.ts';

export type ResourceRow = {
  id: string;
  code: string | null;
  department_id: string;
  department_name: string;
  department_code: string;
  published_version_id: string | null;
  working_version_id: string | null;
  mount_kind: 'none' | 'file' | 'api';
  api_mount: ApiMount | null;
  current_load_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};
export type VersionContent = {
  name: string;
  summary: string;
  attribute: 'basic' | 'theme' | 'department';
  xiang_code: string;
  xiang_name: string;
  mu_code: string;
  mu_name: string;
  ximu_code: string | null;
  ximu_name: string | null;
  format: string;
  share_type: 'unconditional' | 'conditional' | 'none';
  share_conditions: string | null;
  share_basis: string | null;
  share_method: string;
  open_type: 'unconditional' | 'conditional' | 'none';
  open_conditions: string | null;
  update_cycle: string;
  related_codes: string[];
  items: DataItem[];
  quality: QualityRules;
  search_text: string;
};
export type VersionRow = VersionContent & {
  id: string;
  resource_id: string;
  version: number;
  state: VersionState;
  created_by: string | null;
  created_at: Date;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
  reject_reason: string | null;
  published_at: Date | null;
};
export type LoadRow = {
  id: string;
  resource_id: string;
  version_id: string;
  version: number;
  status: 'accepted' | 'refused';
  file_name: string;
  file_format: string | null;
  row_count: number;
  rejected_count: number;
  report: QualityReport;
  loaded_by: string | null;
  loaded_by_name: string;
  created_at: Date;
};
export const PAGE = 50;

// ── resources and versions ──
export async function insertResource(db: Executor, r: ResourceRow) {
  await sql`insert into sharing.resource (id, code, department_id, department_name, department_code,
    published_version_id, working_version_id, mount_kind, api_mount, current_load_id, created_by, created_at, updated_at)
    values (${r.id}, ${r.code}, ${r.department_id}, ${r.department_name}, ${r.department_code},
      ${r.published_version_id}, ${r.working_version_id}, ${r.mount_kind}, null, null, ${r.created_by},
      ${r.created_at}, ${r.updated_at})`.execute(db);
}
const contentValues = (c: VersionContent) => sql`${c.name}, ${c.summary}, ${c.attribute}, ${c.xiang_code},
  ${c.xiang_name}, ${c.mu_code}, ${c.mu_name}, ${c.ximu_code}, ${c.ximu_name}, ${c.format}, ${c.share_type},
  ${c.share_conditions}, ${c.share_basis}, ${c.share_method}, ${c.open_type}, ${c.open_conditions},
  ${c.update_cycle}, ${c.related_codes}::text[], ${JSON.stringify(c.items)}::jsonb,
  ${JSON.stringify(c.quality)}::jsonb, ${c.search_text}`;
export async function insertVersion(
  db: Executor,
  v: VersionContent & {
    id: string;
    resource_id: string;
    version: number;
    created_by: string | null;
    created_at: Date;
  },
) {
  await sql`insert into sharing.resource_version (id, resource_id, version, state, name, summary, attribute,
    xiang_code, xiang_name, mu_code, mu_name, ximu_code, ximu_name, format, share_type, share_conditions,
    share_basis, share_method, open_type, open_conditions, update_cycle, related_codes, items, quality,
    search_text, created_by, created_at)
    values (${v.id}, ${v.resource_id}, ${v.version}, 'draft', ${contentValues(v)}, ${v.created_by},
      ${v.created_at})`.execute(db);
}
export async function updateContent(db: Executor, versionId: string, c: VersionContent) {
  await sql`update sharing.resource_version set (name, summary, attribute, xiang_code, xiang_name, mu_code,
    mu_name, ximu_code, ximu_name, format, share_type, share_conditions, share_basis, share_method, open_type,
    open_conditions, update_cycle, related_codes, items, quality, search_text) = (${contentValues(c)}),
    state = 'draft', reject_reason = null where id = ${versionId}`.execute(db);
}
export const lockResource = async (db: Executor, id: string) =>
  (await sql<ResourceRow>`select * from sharing.resource where id = ${id} for update`.execute(db)).rows[0];
export const getResource = async (db: Executor, id: string) =>
  (await sql<ResourceRow>`select * from sharing.resource where id = ${id}`.execute(db)).rows[0];
export const getVersion = async (db: Executor, id: string) =>
  (await sql<VersionRow>`select * from sharing.resource_version where id = ${id}`.execute(db)).rows[0];
export async function setResource(
  db: Executor,
  id: string,
  patch: Partial<
    Pick<ResourceRow, 'code' | 'published_version_id' | 'working_version_id' | 'current_load_id'>
  >,
  at: Date,
) {
  const r = await getResource(db, id);
  if (!r) return;
  const next = { ...r, ...patch };
  await sql`update sharing.resource set code = ${next.code}, published_version_id = ${next.published_version_id},
    working_version_id = ${next.working_version_id}, current_load_id = ${next.current_load_id},
    updated_at = ${at} where id = ${id}`.execute(db);
}
export async function setMount(
  db: Executor,
  id: string,
  kind: 'file' | 'api',
  api: ApiMount | null,
  at: Date,
) {
  await sql`update sharing.resource set mount_kind = ${kind},
    api_mount = ${api === null ? null : JSON.stringify(api)}::jsonb, updated_at = ${at} where id = ${id}`.execute(
    db,
  );
}
export async function setState(
  db: Executor,
  versionId: string,
  state: VersionState,
  at: Date,
  extra: { by?: string; reason?: string } = {},
) {
  await sql`update sharing.resource_version set state = ${state},
    submitted_at = case when ${state} = 'submitted' then ${at} else submitted_at end,
    reviewed_at = case when ${state} in ('published', 'rejected') then ${at} else reviewed_at end,
    reviewed_by_name = case when ${state} in ('published', 'rejected') then ${extra.by ?? null} else reviewed_by_name end,
    reject_reason = case when ${state} = 'rejected' then ${extra.reason ?? null} else reject_reason end,
    published_at = case when ${state} = 'published' then ${at} else published_at end
    where id = ${versionId}`.execute(db);
}
export async function nextSequence(db: Executor, prefix: string): Promise<number> {
  const { rows } = await sql<{
    last: number;
  }>`insert into sharing.code_counter (prefix, last) values (${prefix}, 1)
    on conflict (prefix) do update set last = sharing.code_counter.last + 1 returning last`.execute(db);
  return rows[0]?.last ?? 1;
}
export const publishedCodes = async (db: Executor, codes: string[]) =>
  (
    await sql<{ code: string }>`select code from sharing.resource
      where code = any(${codes}::text[]) and published_version_id is not null`.execute(db)
  ).rows.map((r) => r.code);

/** A resource with the version a list shows: the working one for its department, else the published. */
export type Listed = ResourceRow & { v: VersionRow };
const listedColumns = sql`r.*, to_jsonb(v.*) - 'search' as v`;
const reviveVersion = (row: Listed): Listed => ({
  ...row,
  v: {
    ...row.v,
    created_at: new Date(row.v.created_at),
    submitted_at: row.v.submitted_at && new Date(row.v.submitted_at),
    reviewed_at: row.v.reviewed_at && new Date(row.v.reviewed_at),
    published_at: row.v.published_at && new Date(row.v.published_at),
  },
});

export async function listOwn(db: Executor, departmentId: string, state: string | undefined, page: number) {
  const where = sql`r.department_id = ${departmentId} and (${state ?? null}::text is null or v.state = ${state ?? null})`;
  const join = sql`sharing.resource r join sharing.resource_version v
    on v.id = coalesce(r.working_version_id, r.published_version_id)`;
  const items = await sql<Listed>`select ${listedColumns} from ${join} where ${where}
    order by r.updated_at desc, r.id limit ${PAGE} offset ${(page - 1) * PAGE}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from ${join} where ${where}`.execute(db);
  return { items: items.rows.map(reviveVersion), total: total.rows[0]?.n ?? 0 };
}
export const reviewQueue = async (db: Executor) =>
  (
    await sql<Listed>`select ${listedColumns} from sharing.resource r
      join sharing.resource_version v on v.id = r.working_version_id
      where v.state = 'submitted' order by v.submitted_at, r.id limit 500`.execute(db)
  ).rows.map(reviveVersion);

export type CatalogFilter = {
  words: string[];
  like: string | null;
  attribute?: string;
  xiang?: string;
  mu?: string;
  departmentId?: string;
  shareType?: string;
};
/** Published versions only: the catalog everyone in government sees. */
export async function searchCatalog(db: Executor, f: CatalogFilter, page: number) {
  const tsquery = f.words
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .join(' & ');
  const where = sql`(${f.attribute ?? null}::text is null or v.attribute = ${f.attribute ?? null})
    and (${f.xiang ?? null}::text is null or v.xiang_code = ${f.xiang ?? null})
    and (${f.mu ?? null}::text is null or v.mu_code = ${f.mu ?? null})
    and (${f.departmentId ?? null}::uuid is null or r.department_id = ${f.departmentId ?? null})
    and (${f.shareType ?? null}::text is null or v.share_type = ${f.shareType ?? null})
    and (${f.like}::text is null
      or (${tsquery} <> '' and v.search @@ to_tsquery('simple', ${tsquery}))
      or v.name ilike ${f.like} or r.code ilike ${f.like} or r.department_name ilike ${f.like})`;
  const join = sql`sharing.resource r join sharing.resource_version v on v.id = r.published_version_id`;
  const rank = tsquery === '' ? sql`null::real` : sql`ts_rank(v.search, to_tsquery('simple', ${tsquery}))`;
  const items = await sql<Listed>`select ${listedColumns} from ${join} where ${where}
    order by ${rank} desc, r.code limit ${PAGE} offset ${(page - 1) * PAGE}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from ${join} where ${where}`.execute(db);
  return { items: items.rows.map(reviveVersion), total: total.rows[0]?.n ?? 0 };
}

export type TreeCount = {
  attribute: string;
  xiang_code: string;
  xiang_name: string;
  mu_code: string;
  mu_name: string;
  department_id: string;
  department_name: string;
  n: number;
};
export const treeCounts = async (db: Executor) =>
  (
    await sql<TreeCount>`select v.attribute, v.xiang_code, min(v.xiang_name) as xiang_name, v.mu_code,
      min(v.mu_name) as mu_name, r.department_id, min(r.department_name) as department_name, count(*)::int as n
      from sharing.resource r join sharing.resource_version v on v.id = r.published_version_id
      group by v.attribute, v.xiang_code, v.mu_code, r.department_id
      order by v.attribute, v.xiang_code, v.mu_code`.execute(db)
  ).rows;

// ── loads and rows ──
export async function insertLoad(db: Executor, l: Omit<LoadRow, 'version'>) {
  await sql`insert into sharing.data_load (id, resource_id, version_id, status, file_name, file_format,
    row_count, rejected_count, report, loaded_by, loaded_by_name, created_at)
    values (${l.id}, ${l.resource_id}, ${l.version_id}, ${l.status}, ${l.file_name}, ${l.file_format},
      ${l.row_count}, ${l.rejected_count}, ${JSON.stringify(l.report)}::jsonb, ${l.loaded_by},
      ${l.loaded_by_name}, ${l.created_at})`.execute(db);
}
const loadColumns = sql`l.*, v.version`;
export const getLoad = async (db: Executor, resourceId: string, id: string) =>
  (
    await sql<LoadRow>`select ${loadColumns} from sharing.data_load l
      join sharing.resource_version v on v.id = l.version_id
      where l.id = ${id} and l.resource_id = ${resourceId}`.execute(db)
  ).rows[0];
export const listLoads = async (db: Executor, resourceId: string) =>
  (
    await sql<LoadRow>`select ${loadColumns} from sharing.data_load l
      join sharing.resource_version v on v.id = l.version_id
      where l.resource_id = ${resourceId} order by l.created_at desc, l.id desc limit 100`.execute(db)
  ).rows;
export const lastAcceptedAt = async (db: Executor, resourceId: string) =>
  (
    await sql<{ created_at: Date }>`select created_at from sharing.data_load
      where resource_id = ${resourceId} and status = 'accepted' order by created_at desc limit 1`.execute(db)
  ).rows[0]?.created_at ?? null;

export async function replaceRows(
  db: Executor,
  resourceId: string,
  loadId: string,
  versionId: string,
  rows: Array<{ row: number; data: object; idx: object }>,
) {
  await sql`delete from sharing.data_row where resource_id = ${resourceId}`.execute(db);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await sql`insert into sharing.data_row (load_id, resource_id, version_id, row_no, data, idx)
      select ${loadId}, ${resourceId}, ${versionId}, x.row_no, x.data, x.idx
      from jsonb_to_recordset(${JSON.stringify(chunk.map((r) => ({ row_no: r.row, data: r.data, idx: r.idx })))}::jsonb)
        as x(row_no int, data jsonb, idx jsonb)`.execute(db);
  }
}
/** The versions whose item definitions stored rows were loaded under (older versions' rows included). */
export const versionsWithRows = async (db: Executor, resourceId: string) =>
  (
    await sql<VersionRow>`select * from sharing.resource_version where id in
      (select distinct version_id from sharing.data_row where resource_id = ${resourceId})
    order by version`.execute(db)
  ).rows;
export async function pageRows(db: Executor, resourceId: string, page: number, size: number) {
  const rows = await sql<{ row_no: number; data: Record<string, unknown> }>`select row_no, data
    from sharing.data_row where resource_id = ${resourceId} order by row_no
    limit ${size} offset ${(page - 1) * size}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from sharing.data_row
    where resource_id = ${resourceId}`.execute(db);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}
/** The resource (published) with this code, for references. */
export const publishedByCode = async (db: Executor, code: string) =>
  (
    await sql<ResourceRow & { items: DataItem[] }>`select r.*, v.items from sharing.resource r
      join sharing.resource_version v on v.id = r.published_version_id where r.code = ${code}`.execute(db)
  ).rows[0];
/** The distinct values (or blind indexes, for sensitive items) of one item of a resource's rows. */
export async function itemValues(db: Executor, resourceId: string, key: string, isSensitive: boolean) {
  const { rows } = isSensitive
    ? await sql<{ v: string }>`select distinct idx ->> ${key} as v from sharing.data_row
        where resource_id = ${resourceId}`.execute(db)
    : await sql<{ v: string }>`select distinct data ->> ${key} as v from sharing.data_row
        where resource_id = ${resourceId}`.execute(db);
  return new Set(rows.map((r) => r.v).filter((v) => v !== null));
}
