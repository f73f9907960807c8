// The files verbs. An upload is received into a staged temp file (hashed, counted, fsynced), its type
// sniffed from content, then published: in one transaction the blob lock is taken, the blob moved
// into place under its hash (kept once per content), the row written and the audit entry recorded.
// A crash between the move and the commit leaves an orphan blob that GC removes.
import { open, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type Db, type Executor, inTransaction } from '../../platform/db/index.ts';
import type { AppError } from '../../platform/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { AuditModule } from '../audit/index.ts';
import { filesErrors } from './errors.ts';
import { type LinkSigner, MAX_LINK_TTL_SECONDS } from './links.ts';
import { sanitizeFileName } from './name.ts';
import { type FileView, MAX_FILE_BYTES } from './schema.ts';
import { SNIFF_BYTES, sniffMediaType } from './sniff.ts';
import { type BlobStorage, type StagedFile, StageError, stageStream, type stagingArea } from './storage.ts';
import * as store from './store.ts';

export type FilesDeps = {
  db: Db;
  clock: Clock;
  audit: Pick<AuditModule, 'record'>;
  storage: BlobStorage;
  staging: ReturnType<typeof stagingArea>;
  links: LinkSigner;
};

/** Who holds a file, e.g. `{ type: 'case', id: caseId }`. */
export type FileOwner = { type: string; id: string };
export type Uploader = { kind: store.UploaderKind; id: string | null };
/** What other modules learn about a file (FileView plus who uploaded it and when). */
export type FileInfo = FileView & { uploadedBy: Uploader; createdAt: string };

export const toFileView = (r: store.FileRow): FileView => ({
  id: r.id,
  name: r.name,
  size: r.size,
  mediaType: r.media_type,
  sha256: r.sha256,
});
export const toFileInfo = (r: store.FileRow): FileInfo => ({
  ...toFileView(r),
  uploadedBy: { kind: r.uploaded_by_kind, id: r.uploaded_by_id },
  createdAt: r.created_at.toISOString(),
});

const uploaderOf = (ctx: RequestContext): Uploader =>
  ctx.actor ? { kind: ctx.actor.kind, id: ctx.actor.accountId } : { kind: 'system', id: null };

/** Receives a request body (or any stream) into a staged temp file, enforcing the size limit. */
export async function receive(deps: FilesDeps, body: Readable, declaredLength?: number): Promise<StagedFile> {
  if (declaredLength !== undefined && declaredLength > MAX_FILE_BYTES) throw tooLarge();
  try {
    return await stageStream(await deps.staging.newPath(), body, {
      maxBytes: MAX_FILE_BYTES,
      headBytes: SNIFF_BYTES,
      declaredLength: Number.isFinite(declaredLength) ? declaredLength : undefined,
    });
  } catch (error) {
    if (error instanceof StageError)
      throw error.failure === 'too-large' ? tooLarge() : filesErrors.incomplete();
    throw error;
  }
}

const tooLarge = (): AppError => filesErrors.tooLarge(`单个文件不得超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);

/**
 * Checks a staged file and publishes it: empty → 400, not PDF/JPEG/PNG/OFD by content → 415. Runs in
 * `tx` when given (the row then commits with the caller's change). The staged temp file is consumed.
 */
export async function publish(
  deps: FilesDeps,
  ctx: RequestContext,
  staged: StagedFile,
  rawName: string,
  tx?: Executor,
): Promise<FileInfo> {
  try {
    if (staged.size === 0) throw filesErrors.empty('上传的文件没有内容');
    const handle = await open(staged.path, 'r');
    const mediaType = await sniffMediaType(staged.head, handle, staged.size).finally(() => handle.close());
    if (!mediaType)
      throw filesErrors.typeNotAllowed('文件内容不是 PDF、JPG、PNG 或 OFD（以文件内容为准，与扩展名无关）');
    const uploader = uploaderOf(ctx);
    const row: store.FileRow = {
      id: newId(),
      sha256: staged.sha256,
      size: staged.size,
      media_type: mediaType,
      name: sanitizeFileName(rawName, mediaType),
      uploaded_by_kind: uploader.kind,
      uploaded_by_id: uploader.id,
      created_at: deps.clock.now(),
    };
    return await inTransaction(tx ?? deps.db, async (t) => {
      await store.lockBlobsShared(t);
      await deps.storage.put(staged);
      await store.insertFile(t, row);
      await deps.audit.record(t, ctx, {
        action: 'files.upload',
        subjectType: 'file',
        subjectId: row.id,
        summary: { size: row.size, mediaType: row.media_type, sha256: row.sha256 },
      });
      return toFileInfo(row);
    });
  } finally {
    await rm(staged.path, { force: true });
  }
}

/** Stores bytes the platform made itself (a notice, a license PDF) under the same rules as an upload. */
export async function storeBytes(
  deps: FilesDeps,
  ctx: RequestContext,
  input: { name: string; bytes: Uint8Array },
  tx?: Executor,
): Promise<FileInfo> {
  const staged = await receive(deps, Readable.from([Buffer.from(input.bytes)]), input.bytes.byteLength);
  return publish(deps, ctx, staged, input.name, tx);
}

export async function getFile(db: Executor, fileId: string): Promise<FileInfo | null> {
  if (!isUuid(fileId)) return null;
  const row = await store.getFile(db, fileId);
  return row ? toFileInfo(row) : null;
}

const isUploader = (ctx: RequestContext, file: FileInfo) =>
  ctx.actor !== null && file.uploadedBy.kind === ctx.actor.kind && file.uploadedBy.id === ctx.actor.accountId;

/** The file when the caller uploaded it; otherwise FILES_NOT_FOUND, the same as for a missing file. */
export async function assertReadable(db: Executor, ctx: RequestContext, fileId: string): Promise<FileInfo> {
  const file = await getFile(db, fileId);
  if (!file || !isUploader(ctx, file)) throw filesErrors.notFound();
  return file;
}

export type DownloadLink = { url: string; expiresAt: string };

/** A link for `accountId` alone, valid `ttlSeconds` (at most 300). The caller decides who may view. */
export function createDownloadLink(
  deps: FilesDeps,
  fileId: string,
  accountId: string,
  ttlSeconds = MAX_LINK_TTL_SECONDS,
): DownloadLink {
  const ttl = Math.max(1, Math.min(MAX_LINK_TTL_SECONDS, Math.floor(ttlSeconds)));
  const expires = Math.floor(deps.clock.now().getTime() / 1000) + ttl;
  const signature = deps.links.sign(fileId, accountId, expires);
  return {
    url: `/api/files/${fileId}?expires=${expires}&signature=${signature}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

export type LinkParams = { expires: number; signature: string };

/** The file a download request may fetch: the uploader's own, or any file through a valid signed link. */
export async function authorizeDownload(
  deps: FilesDeps,
  ctx: RequestContext,
  fileId: string,
  link: LinkParams | null,
): Promise<FileInfo> {
  if (!link) return assertReadable(deps.db, ctx, fileId);
  const accountId = ctx.actor?.accountId;
  if (!accountId || !deps.links.isValid(fileId, accountId, link.expires, link.signature)) {
    throw filesErrors.notFound();
  }
  const nowSeconds = deps.clock.now().getTime() / 1000;
  if (link.expires <= nowSeconds) throw filesErrors.linkExpired();
  if (link.expires > nowSeconds + MAX_LINK_TTL_SECONDS + 1) throw filesErrors.notFound();
  const file = await getFile(deps.db, fileId);
  if (!file) throw filesErrors.notFound();
  return file;
}

/**
 * Makes the files held by `owner` (inside the owner's transaction). Every id must exist and, when
 * `uploadedBy` is given, have been uploaded by that account; otherwise FILES_NOT_FOUND and nothing is
 * claimed. Claiming twice is harmless.
 */
export async function claim(
  deps: FilesDeps,
  tx: Executor,
  fileIds: readonly string[],
  owner: FileOwner,
  options: { uploadedBy?: { kind: 'citizen' | 'staff'; id: string } } = {},
): Promise<FileInfo[]> {
  const ids = [...new Set(fileIds)];
  const missing = () => filesErrors.notFound('部分文件不存在，或不是由当前用户上传的');
  if (ids.some((id) => !isUuid(id))) throw missing();
  const rows = await store.lockFilesForClaim(tx, ids);
  const by = options.uploadedBy;
  const isOwn = (r: store.FileRow) => !by || (r.uploaded_by_kind === by.kind && r.uploaded_by_id === by.id);
  if (rows.length !== ids.length || !rows.every(isOwn)) throw missing();
  await store.attach(tx, ids, owner.type, owner.id, deps.clock.now());
  return rows.map(toFileInfo);
}

/** Lets go of files an owner held (e.g. a material removed from a draft); GC takes them after 24 h. */
export async function release(tx: Executor, fileIds: readonly string[], owner: FileOwner): Promise<number> {
  const ids = [...new Set(fileIds)].filter(isUuid);
  return store.detach(tx, ids, owner.type, owner.id);
}
