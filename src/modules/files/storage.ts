// Where blob bytes live. `BlobStorage` is the port: the local folder below is the default; an
// S3-compatible store implements the same five operations (put from a staged file, open, exists,
// remove, list) with the object key `ab/cd/<sha256>`. Uploads are always staged on local disk first
// (tmp/, fsynced) so their hash, size and type are known before anything is published.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

export type BlobStorage = {
  /** Publishes a staged, fsynced file under its hash; a blob already there is kept (same bytes). */
  put(staged: { path: string; sha256: string }): Promise<void>;
  /** The blob's bytes as a stream; throws ENOENT when missing. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  /** Every stored hash, in no particular order. */
  list(): AsyncIterable<string>;
};

const SHA256 = /^[0-9a-f]{64}$/;
export const blobKey = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** `<root>/blobs/ab/cd/<sha256>`: rename is atomic within one file system, so a blob is whole or absent. */
export function localFolderStorage(root: string): BlobStorage {
  const blobs = join(root, 'blobs');
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('not a sha256');
    return join(blobs, blobKey(sha256));
  };
  return {
    async put(staged) {
      const target = pathOf(staged.sha256);
      if (await exists(target)) {
        await rm(staged.path, { force: true });
        return;
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(staged.path, target);
      await fsyncDirectory(dirname(target));
    },
    async open(sha256) {
      const path = pathOf(sha256);
      await stat(path);
      return createReadStream(path);
    },
    exists: (sha256) => exists(pathOf(sha256)),
    remove: (sha256) => rm(pathOf(sha256), { force: true }),
    async *list() {
      for (const a of await listDir(blobs)) {
        for (const b of await listDir(join(blobs, a))) {
          for (const name of await listDir(join(blobs, a, b))) if (SHA256.test(name)) yield name;
        }
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch {
    return [];
  }
}

async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A received body on local disk: hashed, counted and fsynced; `head` holds its first bytes. */
export type StagedFile = { path: string; sha256: string; size: number; head: Buffer };

/** The staging folder and its temp-file names: `<host>.<pid>.<uuid>`, so GC knows a dead writer's leftovers. */
export function stagingArea(root: string) {
  const dir = join(root, 'tmp');
  const host = hostname().replace(/[^\w-]/g, '_');
  return {
    dir,
    async newPath(): Promise<string> {
      await mkdir(dir, { recursive: true });
      return join(dir, `${host}.${process.pid}.${randomUUID()}`);
    },
    /** Temp files no live upload can own: this host's dead processes', or anyone's older than `staleMs`. */
    async *leftovers(nowMs: number, staleMs: number): AsyncIterable<string> {
      for (const name of await listDir(dir)) {
        const [owner, pid] = name.split('.');
        const path = join(dir, name);
        const isOurs = owner === host;
        if (isOurs && Number(pid) === process.pid) {
          const info = await stat(path).catch(() => null);
          if (info && nowMs - info.mtimeMs > staleMs) yield path;
          continue;
        }
        if (isOurs && !isAlive(Number(pid))) {
          yield path;
          continue;
        }
        const info = await stat(path).catch(() => null);
        if (info && nowMs - info.mtimeMs > staleMs) yield path;
      }
    },
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type StageLimits = { maxBytes: number; headBytes: number; declaredLength?: number };
export type StageFailure = 'too-large' | 'incomplete';

/**
 * Streams `body` into a new temp file while hashing and counting; stops reading at `maxBytes + 1`
 * (the rest of the request is discarded, never buffered). Resolves with the staged file, or rejects
 * with a StageError after removing the temp file.
 */
export async function stageStream(path: string, body: Readable, limits: StageLimits): Promise<StagedFile> {
  const file = await open(path, 'wx', 0o600);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let pending: Promise<unknown> = Promise.resolve();
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (failure: StageFailure | Error) => {
        body.off('data', onData);
        body.off('end', onEnd);
        body.off('error', onError);
        body.off('close', onClose);
        body.resume(); // let the rest of the body drain unread
        reject(typeof failure === 'string' ? new StageError(failure) : failure);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) return stop('too-large');
        hash.update(chunk);
        if (headLength < limits.headBytes) {
          headChunks.push(chunk);
          headLength += chunk.length;
        }
        body.pause();
        pending = pending.then(() => file.write(chunk)).then(() => body.resume());
        pending.catch(stop);
      };
      const onEnd = () => {
        body.off('close', onClose);
        if (limits.declaredLength !== undefined && size !== limits.declaredLength) return stop('incomplete');
        pending.then(() => resolve(), reject);
      };
      const onError = () => stop('incomplete');
      const onClose = () => stop('incomplete');
      body.on('data', onData);
      body.on('end', onEnd);
      body.on('error', onError);
      body.on('close', onClose);
      body.resume();
    });
    await pending;
    await file.sync();
    await file.close();
    return {
      path,
      sha256: hash.digest('hex'),
      size,
      head: Buffer.concat(headChunks).subarray(0, limits.headBytes),
    };
  } catch (error) {
    await pending.catch(() => {});
    await file.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
}

export class StageError extends Error {
  readonly failure: StageFailure;
  constructor(failure: StageFailure) {
    super(`upload ${failure}`);
    this.failure = failure;
  }
}
