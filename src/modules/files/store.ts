// SQL for the files schema. Nothing else reads or writes these tables.
import { type Executor, sql } from '../../platform/db/index.ts';
import type { AllowedMediaType } from './schema.ts';

export type UploaderKind = 'citizen' | 'staff' | 'system';

type FileTable = {
  id: string;
  sha256: string;
  size: number;
  media_type: AllowedMediaType;
  name: string;
  uploaded_by_kind: UploaderKind;
  uploaded_by_id: string | null;
  created_at: Date;
};
type AttachmentTable = { file_id: string; owner_type: string; owner_id: string; attached_at: Date };
type FilesTables = { 'files.file': FileTable; 'files.attachment': AttachmentTable };

export type FileRow = FileTable;

const q = (db: Executor) => db.withTables<FilesTables>();

/**
 * Blob publication and blob GC exclude each other: an upload holds this lock (shared) from before its
 * blob is published until its row commits; GC holds it exclusively while it removes blobs no row
 * names. So GC never removes a blob whose row is about to commit.
 */
const BLOB_LOCK = 7_273_731;
export const lockBlobsShared = (tx: Executor) =>
  sql`select pg_advisory_xact_lock_shared(${BLOB_LOCK})`.execute(tx);
export const lockBlobsExclusive = (tx: Executor) =>
  sql`select pg_advisory_xact_lock(${BLOB_LOCK})`.execute(tx);

export async function insertFile(tx: Executor, row: FileRow): Promise<void> {
  await q(tx).insertInto('files.file').values(row).execute();
}

export async function getFile(db: Executor, id: string): Promise<FileRow | null> {
  return (await q(db).selectFrom('files.file').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getFiles(db: Executor, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return q(db)
    .selectFrom('files.file')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

/** The rows, locked against GC (FOR SHARE) until the caller's transaction ends. */
export async function lockFilesForClaim(tx: Executor, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return q(tx)
    .selectFrom('files.file')
    .selectAll()
    .where('id', 'in', [...ids])
    .forShare()
    .execute();
}

export async function attach(
  tx: Executor,
  ids: readonly string[],
  ownerType: string,
  ownerId: string,
  at: Date,
) {
  if (ids.length === 0) return;
  await q(tx)
    .insertInto('files.attachment')
    .values(ids.map((file_id) => ({ file_id, owner_type: ownerType, owner_id: ownerId, attached_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function detach(tx: Executor, ids: readonly string[], ownerType: string, ownerId: string) {
  if (ids.length === 0) return 0;
  const result = await q(tx)
    .deleteFrom('files.attachment')
    .where('file_id', 'in', [...ids])
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listAttached(db: Executor, ownerType: string, ownerId: string): Promise<FileRow[]> {
  return q(db)
    .selectFrom('files.file')
    .innerJoin('files.attachment', 'files.attachment.file_id', 'files.file.id')
    .selectAll('files.file')
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .orderBy('files.file.id')
    .execute();
}

/** A batch of unclaimed rows created before `cutoff`, locked; rows a claim is holding are skipped. */
export async function lockUnclaimed(tx: Executor, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await q(tx)
    .selectFrom('files.file')
    .select('id')
    .where('created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('files.attachment').select('file_id').whereRef('file_id', '=', 'files.file.id'))),
    )
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteFiles(tx: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  // re-checked in this statement's own snapshot: a claim that committed since the rows were picked wins
  const result = await q(tx)
    .deleteFrom('files.file')
    .where('id', 'in', [...ids])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('files.attachment').select('file_id').whereRef('file_id', '=', 'files.file.id'))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Which of these hashes some row still names. */
export async function referencedHashes(db: Executor, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await q(db)
    .selectFrom('files.file')
    .select('sha256')
    .distinct()
    .where('sha256', 'in', [...hashes])
    .execute();
  return new Set(rows.map((r) => r.sha256));
}
