// files: the content-addressed blob store for application materials and results (申请材料、办理结果).
// Owns schema `files` and the folder `<data dir>/files/` (blobs/ab/cd/<sha256>, tmp/). Calls audit.
// Other modules keep file ids, claim them inside their own transaction, read bytes through `read`, and
// hand browsers short-lived signed links from `createDownloadLink`.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { RequestContext } from '../../platform/context.ts';
import { systemContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { isUuid } from '../../platform/ids.ts';
import type { AuditModule } from '../audit/index.ts';
import { filesErrors } from './errors.ts';
import { collectGarbage } from './gc.ts';
import { createLinkSigner } from './links.ts';
import * as service from './service.ts';
import { type BlobStorage, localFolderStorage, type StagedFile, stagingArea } from './storage.ts';
import * as store from './store.ts';

export type { GcResult } from './gc.ts';
export { MAX_LINK_TTL_SECONDS } from './links.ts';
export { filesRoutes } from './routes.ts';
export { ALLOWED_MEDIA_TYPES, type FileView, MAX_FILE_BYTES } from './schema.ts';
export type { DownloadLink, FileInfo, FileOwner } from './service.ts';
export type { BlobStorage } from './storage.ts';

export type FilesOptions = {
  /** default `<config.dataDir>/files` */
  root?: string;
  /** default: the local folder under `root` */
  storage?: BlobStorage;
};

export function createFiles(
  deps: PlatformDeps,
  ports: { audit: Pick<AuditModule, 'record'> },
  options: FilesOptions = {},
) {
  const root = options.root ?? join(deps.config.dataDir, 'files');
  const files: service.FilesDeps = {
    db: deps.db,
    clock: deps.clock,
    audit: ports.audit,
    storage: options.storage ?? localFolderStorage(root),
    staging: stagingArea(root),
    links: createLinkSigner(deps.config.fieldKey),
  };
  return {
    root,
    // ── the HTTP edge ──
    /** Streams a request body into a staged temp file (size limit enforced while reading). */
    receive: (body: Readable, declaredLength?: number) => service.receive(files, body, declaredLength),
    /** Checks and publishes a staged upload as the caller's file; audited. */
    upload: (ctx: RequestContext, staged: StagedFile, rawName: string) =>
      service.publish(files, ctx, staged, rawName),
    /** Removes a staged upload nobody published (the route's clean-up after a refused request). */
    discard: (staged: StagedFile) => rm(staged.path, { force: true }),
    authorizeDownload: (ctx: RequestContext, fileId: string, link: service.LinkParams | null) =>
      service.authorizeDownload(files, ctx, fileId, link),

    // ── for other modules ──
    /** Stores bytes the platform generated (notices, results); in `tx` when given. */
    storeBytes: (ctx: RequestContext, input: { name: string; bytes: Uint8Array }, tx?: Executor) =>
      service.storeBytes(files, ctx, input, tx),
    /** Metadata of one file, or null. */
    get: (fileId: string, db: Executor = deps.db) => service.getFile(db, fileId),
    /** Metadata of several files (missing ids are left out), in id order. */
    getMany: async (fileIds: readonly string[], db: Executor = deps.db) =>
      (
        await store.getFiles(
          db,
          fileIds.filter((id) => isUuid(id)),
        )
      ).map(service.toFileInfo),
    /** The file when `ctx`'s actor uploaded it; otherwise FILES_NOT_FOUND (same as missing). */
    assertReadable: (ctx: RequestContext, fileId: string, db: Executor = deps.db) =>
      service.assertReadable(db, ctx, fileId),
    /** Metadata and bytes (as a stream or a buffer). No access check: the calling module decides. */
    async read(fileId: string) {
      const file = await service.getFile(deps.db, fileId);
      if (!file) throw filesErrors.notFound();
      return {
        file,
        stream: () => files.storage.open(file.sha256),
        bytes: async () => Buffer.concat(await (await files.storage.open(file.sha256)).toArray()),
      };
    },
    /** Holds files for `owner` in the owner's transaction; see service.claim. */
    claim: (
      tx: Tx,
      fileIds: readonly string[],
      owner: service.FileOwner,
      options?: { uploadedBy?: { kind: 'citizen' | 'staff'; id: string } },
    ) => service.claim(files, tx, fileIds, owner, options),
    release: (tx: Tx, fileIds: readonly string[], owner: service.FileOwner) =>
      service.release(tx, fileIds, owner),
    /** The files an owner holds, in id order. */
    listHeld: async (owner: service.FileOwner, db: Executor = deps.db) =>
      (await store.listAttached(db, owner.type, owner.id)).map(service.toFileInfo),
    /** `/api/files/<id>?expires=…&signature=…`, valid for `accountId` alone for ≤ 5 minutes. */
    createDownloadLink: (fileId: string, accountId: string, ttlSeconds?: number) =>
      service.createDownloadLink(files, fileId, accountId, ttlSeconds),

    // ── operations ──
    /** Removes unclaimed rows older than 24 h, blobs no row names and dead uploads' temp files. */
    gc: (ctx: RequestContext = systemContext('files-gc'), options?: { unclaimedTtlMs?: number }) =>
      collectGarbage(files, ctx, options),
  };
}
export type FilesModule = ReturnType<typeof createFiles>;
