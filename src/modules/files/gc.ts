// Garbage collection, safe to run at any time and from several places: (1) rows nobody claimed within
// 24 hours go, a batch per transaction with its audit entry (rows being claimed right now are
// skipped); (2) blobs no row names go, under the exclusive blob lock so no upload is mid-publish;
// (3) temp files no live upload can own go (a dead process's on this host, or anything older
// than an hour).
import { rm } from 'node:fs/promises';
import type { RequestContext } from '../../platform/context.ts';
import type { FilesDeps } from './service.ts';
import * as store from './store.ts';

export const UNCLAIMED_TTL_MS = 24 * 3600_000;
const STALE_TEMP_MS = 3600_000;
const BATCH = 500;

export type GcResult = { files: number; blobs: number; temps: number };

export async function collectGarbage(
  deps: FilesDeps,
  ctx: RequestContext,
  options: { unclaimedTtlMs?: number } = {},
): Promise<GcResult> {
  const cutoff = new Date(deps.clock.now().getTime() - (options.unclaimedTtlMs ?? UNCLAIMED_TTL_MS));
  let files = 0;
  for (;;) {
    const deleted = await deps.db.transaction().execute(async (tx) => {
      const ids = await store.lockUnclaimed(tx, cutoff, BATCH);
      const n = await store.deleteFiles(tx, ids);
      if (n > 0) {
        await deps.audit.record(tx, ctx, {
          action: 'files.gc',
          subjectType: 'file',
          summary: { deletedFiles: n, createdBefore: cutoff.toISOString() },
        });
      }
      return { picked: ids.length, n };
    });
    files += deleted.n;
    if (deleted.picked < BATCH) break;
  }
  const blobs = await deps.db.transaction().execute(async (tx) => {
    await store.lockBlobsExclusive(tx);
    let removed = 0;
    let batch: string[] = [];
    const sweep = async () => {
      const kept = await store.referencedHashes(tx, batch);
      for (const sha of batch) {
        if (kept.has(sha)) continue;
        await deps.storage.remove(sha);
        removed++;
      }
      batch = [];
    };
    for await (const sha of deps.storage.list()) {
      batch.push(sha);
      if (batch.length >= BATCH) await sweep();
    }
    await sweep();
    return removed;
  });
  let temps = 0;
  // file modification times are wall-clock times, so staleness is judged on the wall clock too
  for await (const path of deps.staging.leftovers(Date.now(), STALE_TEMP_MS)) {
    await rm(path, { force: true });
    temps++;
  }
  return { files, blobs, temps };
}
