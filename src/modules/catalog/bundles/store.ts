// SQL of the bundle tables (catalog.bundle, catalog.bundle_member, migration 0003), and the one read of
// the published catalog a bundle guide needs. Nothing else touches the bundle tables.
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/index.ts';
import type { GuideContent, ImplementationLevel } from '../schema.ts';
import type { BundleAudience, BundleState } from './schema.ts';

type BundleTable = {
  id: string;
  code: string;
  name: string;
  audience: BundleAudience;
  description: string;
  division_code: string;
  state: BundleState;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
};
type MemberTable = {
  bundle_id: string;
  item_id: string;
  position: number;
  is_required: boolean;
  note: string;
};
type Tables = {
  'catalog.bundle': BundleTable;
  'catalog.bundle_member': MemberTable;
  'catalog.item': { id: string; name: string };
  'catalog.implementation': {
    id: string;
    item_id: string;
    division_code: string;
    level: ImplementationLevel;
    department_id: string;
  };
  'catalog.version': { id: string; implementation_id: string; state: string; content: GuideContent };
};

export type BundleRow = Selectable<BundleTable>;
export type NewBundle = Insertable<BundleTable>;
export type NewMember = Insertable<MemberTable>;
export type MemberRow = Selectable<MemberTable> & { item_name: string };
export type BundleChanges = Partial<
  Pick<BundleTable, 'name' | 'audience' | 'description' | 'division_code' | 'state' | 'published_at'>
> & { updated_at: Date };

const q = (db: Executor) => db.withTables<Tables>();

export async function getBundle(db: Executor, id: string, lock = false): Promise<BundleRow | null> {
  let query = q(db).selectFrom('catalog.bundle').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  const row = await q(db)
    .selectFrom('catalog.bundle')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Bundles, newest first; only the given state and audience when named. */
export function listBundles(
  db: Executor,
  by: { state?: BundleState; audience?: BundleAudience; divisions?: string[] } = {},
): Promise<Array<BundleRow & { member_count: number }>> {
  let query = q(db)
    .selectFrom('catalog.bundle as b')
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('catalog.bundle_member as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.bundle_id', '=', 'b.id')
        .as('member_count'),
    );
  if (by.state) query = query.where('b.state', '=', by.state);
  if (by.audience) query = query.where('b.audience', '=', by.audience);
  if (by.divisions) query = query.where('b.division_code', 'in', by.divisions);
  return query
    .orderBy('b.created_at')
    .orderBy('b.code')
    .limit(500)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) })));
}

export async function insertBundle(db: Executor, row: NewBundle): Promise<BundleRow> {
  return q(db).insertInto('catalog.bundle').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateBundle(db: Executor, id: string, changes: BundleChanges): Promise<BundleRow> {
  return q(db)
    .updateTable('catalog.bundle')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listMembers(db: Executor, bundleId: string): Promise<MemberRow[]> {
  return q(db)
    .selectFrom('catalog.bundle_member as m')
    .innerJoin('catalog.item as it', 'it.id', 'm.item_id')
    .selectAll('m')
    .select('it.name as item_name')
    .where('m.bundle_id', '=', bundleId)
    .orderBy('m.position')
    .execute();
}

/** Replaces the whole member list of a bundle. */
export async function replaceMembers(db: Executor, bundleId: string, members: NewMember[]): Promise<void> {
  await q(db).deleteFrom('catalog.bundle_member').where('bundle_id', '=', bundleId).execute();
  if (members.length > 0) await q(db).insertInto('catalog.bundle_member').values(members).execute();
}

/** Names of the base items that exist among `ids`. */
export async function itemNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q(db).selectFrom('catalog.item').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type PublishedMemberRow = {
  item_id: string;
  implementation_id: string;
  division_code: string;
  level: ImplementationLevel;
  department_id: string;
  version_id: string;
  content: GuideContent;
};

/** The published implementations of these items in these divisions (one per item and division). */
export function publishedImplementations(
  db: Executor,
  itemIds: string[],
  divisions: string[],
): Promise<PublishedMemberRow[]> {
  if (itemIds.length === 0 || divisions.length === 0) return Promise.resolve([]);
  return q(db)
    .selectFrom('catalog.implementation as i')
    .innerJoin('catalog.version as v', 'v.implementation_id', 'i.id')
    .select([
      'i.item_id',
      'i.id as implementation_id',
      'i.division_code',
      'i.level',
      'i.department_id',
      'v.id as version_id',
      'v.content',
    ])
    .where('v.state', '=', 'published')
    .where('i.item_id', 'in', itemIds)
    .where('i.division_code', 'in', divisions)
    .execute();
}

// ── seeding (idempotent) ─────────────────────────────────────────────────────────────────────────

/** Inserts the bundles that do not exist yet; returns the ids inserted. */
export async function insertBundlesIfAbsent(db: Executor, rows: NewBundle[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const added = await q(db)
    .insertInto('catalog.bundle')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return added.map((r) => r.id);
}
