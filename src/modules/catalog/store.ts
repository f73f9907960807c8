// SQL for the catalog schema. Nothing else reads or writes these tables.
import type { Generated, Insertable, Selectable } from 'kysely';
import { type Executor, sql } from '../../platform/db/index.ts';
import type { GuideContent, ImplementationLevel, ItemQuery, Overrides, VersionState } from './schema.ts';

type ItemTable = {
  id: string;
  basic_code: string;
  name: string;
  type_code: string;
  department_kind: string;
  sort_order: number;
  created_at: Generated<Date>;
};
type ImplementationTable = {
  id: string;
  item_id: string;
  parent_id: string | null;
  division_code: string;
  level: ImplementationLevel;
  department_id: string;
  code: string;
  created_at: Generated<Date>;
};
type VersionTable = {
  id: string;
  implementation_id: string;
  version_no: number;
  state: VersionState;
  content: GuideContent;
  overrides: Overrides | null;
  parent_version_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  published_at: Date | null;
  ended_at: Date | null;
  unpublish_reason: string | null;
};
type CatalogTables = {
  'catalog.item': ItemTable;
  'catalog.implementation': ImplementationTable;
  'catalog.version': VersionTable;
};

export type ItemRow = Selectable<ItemTable>;
export type ImplementationRow = Selectable<ImplementationTable>;
export type VersionRow = Selectable<VersionTable>;
export type NewItem = Insertable<ItemTable>;
export type NewImplementation = Insertable<ImplementationTable>;
export type NewVersion = Insertable<VersionTable>;
/** An implementation with its item's code and name. */
export type ImplementationWithItem = ImplementationRow & { basic_code: string; item_name: string };

const q = (db: Executor) => db.withTables<CatalogTables>();
const CHUNK = 200;

const json = (v: unknown) => JSON.stringify(v);
const versionValues = (rows: NewVersion[]) =>
  rows.map((r) => ({
    ...r,
    content: json(r.content) as unknown as GuideContent,
    overrides: (r.overrides ? json(r.overrides) : null) as unknown as Overrides | null,
  }));

/** Multi-row inserts of CHUNK rows; returns the ids actually inserted. */
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<string[]>): Promise<string[]> {
  const added: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) added.push(...(await insert(rows.slice(i, i + CHUNK))));
  return added;
}

// ── seeding (multi-row, idempotent) ──────────────────────────────────────────────────────────────

export const insertItems = (db: Executor, rows: NewItem[]) =>
  insertChunked(rows, async (chunk) => {
    const r = await q(db)
      .insertInto('catalog.item')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    return r.map((x) => x.id);
  });

export const insertImplementations = (db: Executor, rows: NewImplementation[]) =>
  insertChunked(rows, async (chunk) => {
    const r = await q(db)
      .insertInto('catalog.implementation')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    return r.map((x) => x.id);
  });

export const insertVersions = (db: Executor, rows: NewVersion[]) =>
  insertChunked(rows, async (chunk) => {
    const r = await q(db)
      .insertInto('catalog.version')
      .values(versionValues(chunk))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    return r.map((x) => x.id);
  });

// ── implementations ──────────────────────────────────────────────────────────────────────────────

const withItem = (db: Executor) =>
  q(db)
    .selectFrom('catalog.implementation as i')
    .innerJoin('catalog.item as it', 'it.id', 'i.item_id')
    .selectAll('i')
    .select(['it.basic_code', 'it.name as item_name']);

export async function getImplementation(db: Executor, id: string): Promise<ImplementationWithItem | null> {
  return (await withItem(db).where('i.id', '=', id).executeTakeFirst()) ?? null;
}

export function listImplementations(
  db: Executor,
  by: { itemId?: string; parentId?: string },
): Promise<ImplementationWithItem[]> {
  let query = withItem(db);
  if (by.itemId) query = query.where('i.item_id', '=', by.itemId);
  if (by.parentId) query = query.where('i.parent_id', '=', by.parentId);
  return query.orderBy('i.level').orderBy('i.division_code').execute();
}

/** Serialises writers of one implementation (and, for a city, of its derived ones). */
export async function lockImplementation(tx: Executor, id: string): Promise<void> {
  await sql`select id from catalog.implementation where id = ${id} for update`.execute(tx);
}

// ── versions ─────────────────────────────────────────────────────────────────────────────────────

export async function getVersion(db: Executor, id: string): Promise<VersionRow | null> {
  return (
    (await q(db).selectFrom('catalog.version').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function findVersion(
  db: Executor,
  implementationId: string,
  states: VersionState[],
): Promise<VersionRow | null> {
  const row = await q(db)
    .selectFrom('catalog.version')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .where('state', 'in', states)
    .orderBy('version_no', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/** The latest version in any state (to start a draft from an unpublished item). */
export const latestVersion = (db: Executor, implementationId: string) =>
  findVersion(db, implementationId, ['published', 'unpublished', 'superseded', 'rejected']);

export function listVersions(db: Executor, implementationId: string): Promise<VersionRow[]> {
  return q(db)
    .selectFrom('catalog.version')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .orderBy('version_no', 'desc')
    .execute();
}

export async function nextVersionNo(db: Executor, implementationId: string): Promise<number> {
  const row = await q(db)
    .selectFrom('catalog.version')
    .select((eb) => eb.fn.max('version_no').as('max'))
    .where('implementation_id', '=', implementationId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertVersion(db: Executor, row: NewVersion): Promise<VersionRow> {
  return q(db)
    .insertInto('catalog.version')
    .values(versionValues([row]))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type VersionChanges = Partial<
  Pick<
    VersionTable,
    | 'state'
    | 'content'
    | 'overrides'
    | 'submitted_at'
    | 'reviewed_by'
    | 'reviewed_at'
    | 'review_note'
    | 'published_at'
    | 'ended_at'
    | 'unpublish_reason'
    | 'parent_version_id'
  >
>;

export async function updateVersion(db: Executor, id: string, changes: VersionChanges): Promise<VersionRow> {
  const set = {
    ...changes,
    ...(changes.content ? { content: json(changes.content) as unknown as GuideContent } : {}),
    ...(changes.overrides ? { overrides: json(changes.overrides) as unknown as Overrides } : {}),
  };
  return q(db)
    .updateTable('catalog.version')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Submitted versions waiting for the service office, oldest first. */
export function listSubmitted(
  db: Executor,
): Promise<Array<VersionRow & ImplementationWithItem & { version_id: string }>> {
  return q(db)
    .selectFrom('catalog.version as v')
    .innerJoin('catalog.implementation as i', 'i.id', 'v.implementation_id')
    .innerJoin('catalog.item as it', 'it.id', 'i.item_id')
    .selectAll('v')
    .select([
      'v.id as version_id',
      'i.item_id',
      'i.parent_id',
      'i.division_code',
      'i.level',
      'i.department_id',
      'i.code',
      'it.basic_code',
      'it.name as item_name',
    ])
    .where('v.state', '=', 'submitted')
    .orderBy('v.submitted_at')
    .limit(500)
    .execute() as unknown as Promise<Array<VersionRow & ImplementationWithItem & { version_id: string }>>;
}

/** One row of a department's editor list: the implementation, its live and open versions, its newest. */
export type EditorRow = ImplementationWithItem & {
  live_id: string | null;
  live_no: number | null;
  live_at: Date | null;
  open_id: string | null;
  open_no: number | null;
  open_state: VersionState | null;
  latest: GuideContent | null;
  was_published: boolean;
};

/** Every implementation of a department in any state, never-published ones included, in list order. */
export async function listForEditor(db: Executor, departmentId: string): Promise<EditorRow[]> {
  const { rows } = await sql<EditorRow>`
    select i.*, it.basic_code, it.name as item_name,
           pv.id as live_id, pv.version_no as live_no, pv.published_at as live_at,
           ov.id as open_id, ov.version_no as open_no, ov.state as open_state,
           nv.content as latest,
           exists (select 1 from catalog.version x where x.implementation_id = i.id
                   and x.state in ('published', 'superseded', 'unpublished')) as was_published
    from catalog.implementation i
    join catalog.item it on it.id = i.item_id
    -- at most one published and one open version each (unique indexes version_one_*)
    left join catalog.version pv on pv.implementation_id = i.id and pv.state = 'published'
    left join catalog.version ov on ov.implementation_id = i.id
         and ov.state in ('draft', 'submitted', 'approved', 'rejected')
    left join lateral (select v.content from catalog.version v where v.implementation_id = i.id
                       order by v.version_no desc limit 1) nv on true
    where i.department_id = ${departmentId}
    order by i.level, i.division_code, it.sort_order, i.code
    limit 2000`.execute(db);
  return rows;
}

// ── public reads ─────────────────────────────────────────────────────────────────────────────────

export type PublishedRow = ImplementationWithItem & { version_id: string; content: GuideContent };

function publishedIn(db: Executor, division: string) {
  return q(db)
    .selectFrom('catalog.version as v')
    .innerJoin('catalog.implementation as i', 'i.id', 'v.implementation_id')
    .innerJoin('catalog.item as it', 'it.id', 'i.item_id')
    .where('v.state', '=', 'published')
    .where('i.division_code', '=', division);
}

export async function listPublished(
  db: Executor,
  f: ItemQuery,
): Promise<{ rows: PublishedRow[]; total: number }> {
  let query = publishedIn(db, f.division);
  if (f.department) query = query.where('i.department_id', '=', f.department);
  if (f.itemType) query = query.where('it.type_code', '=', f.itemType);
  if (f.serves) query = query.where(sql<boolean>`v.content -> 'serves' ? ${f.serves}`);
  if (f.theme) query = query.where(sql<boolean>`v.content -> 'themes' ? ${f.theme}`);
  if (f.onlineDepth) query = query.where(sql<boolean>`(v.content ->> 'onlineDepth')::int = ${f.onlineDepth}`);
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .selectAll('i')
    .select(['it.basic_code', 'it.name as item_name', 'v.id as version_id', 'v.content'])
    .orderBy('it.sort_order')
    .orderBy('i.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function themeCounts(db: Executor, division: string) {
  const { rows } = await sql<{ serves: string; theme: string; n: number }>`
    select s.serves, t.theme, count(*)::int as n
    from catalog.version v
    join catalog.implementation i on i.id = v.implementation_id
    cross join lateral jsonb_array_elements_text(v.content -> 'serves') as s(serves)
    cross join lateral jsonb_array_elements_text(v.content -> 'themes') as t(theme)
    where v.state = 'published' and i.division_code = ${division}
    group by s.serves, t.theme
    order by s.serves desc, n desc, t.theme`.execute(db);
  return rows;
}

export async function departmentCounts(db: Executor, division: string) {
  return publishedIn(db, division)
    .select(['i.department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('i.department_id')
    .orderBy('n', 'desc')
    .execute();
}

/** Divisions with a published implementation of an item. */
export function publishedRegions(db: Executor, itemId: string) {
  return q(db)
    .selectFrom('catalog.implementation as i')
    .innerJoin('catalog.version as v', 'v.implementation_id', 'i.id')
    .select(['i.id', 'i.division_code', 'i.level', 'i.department_id'])
    .where('i.item_id', '=', itemId)
    .where('v.state', '=', 'published')
    .orderBy('i.level')
    .orderBy('i.division_code')
    .execute();
}

export async function itemExists(db: Executor, itemId: string): Promise<boolean> {
  return (
    (await q(db).selectFrom('catalog.item').select('id').where('id', '=', itemId).executeTakeFirst()) !==
    undefined
  );
}

export async function counts(db: Executor) {
  const { rows } = await sql<{ level: string; n: number }>`
    select i.level, count(*)::int as n from catalog.implementation i
    join catalog.version v on v.implementation_id = i.id and v.state = 'published'
    group by i.level`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.level, r.n])) as Partial<Record<ImplementationLevel, number>>;
}
