// The base databases' job (part of `runJobs`): takes the queued keys, reads the current records from
// the owning module's door (outside any transaction: PGlite has one connection), checks them against
// the data items like an upload, and in one transaction upserts the changed rows and deletes the gone
// ones by key, records a load (the quality report), points the resource at it, writes an audit entry
// and `sharing.data-loaded` — so exchange subscribers hear of it — and removes the queue entries. A
// key '*' rebuilds the whole database. A read or write that fails leaves the rows as they were and
// the entries queued with a growing delay (30 s, 1 min, 2 min … 1 h). The write runs under the kind's
// advisory lock with the resource locked, comparing hashes read under them (nodes share the queue);
// a version published since the read leaves the entries queued. Every success records refreshed_at.
import { systemContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import type { SharingDeps } from '../deps.ts';
import { checkRows } from '../quality.ts';
import type { DataItem, QualityReport, UpdateCycle } from '../schema.ts';
import * as sharingStore from '../store.ts';
import { encryptRow } from '../use-cases/mount.ts';
import { BASE_KINDS, type BaseKind } from './definitions.ts';
import { type BaseSources, readAll, readKeys, type SourceRow } from './sources.ts';
import * as store from './store.ts';

const BATCH = 500;

export type RefreshResult = { kind: BaseKind; upserted: number; deleted: number; rejected: number };

/** Refreshes what is due; returns how many base databases changed. */
export async function refreshPending(deps: SharingDeps, sources: BaseSources): Promise<number> {
  const now = deps.clock.now();
  await store.enqueueStale(deps.db, now);
  const queued = await store.due(deps.db, now, BATCH);
  let changed = 0;
  for (const kind of BASE_KINDS) {
    const entries = queued.filter((q) => q.kind === kind);
    if (entries.length === 0) continue;
    const keys = entries.map((e) => e.key);
    try {
      const result = await refreshKind(deps, sources, kind, entries);
      if (result && result.upserted + result.deleted + result.rejected > 0) changed++;
    } catch (error) {
      await store.failed(deps.db, kind, keys, error instanceof Error ? error.message : String(error), now);
    }
  }
  return changed;
}

async function refreshKind(
  deps: SharingDeps,
  sources: BaseSources,
  kind: BaseKind,
  entries: store.Queued[],
): Promise<RefreshResult | null> {
  const resourceId = await store.resourceOf(deps.db, kind);
  const r = resourceId ? await sharingStore.getResource(deps.db, resourceId) : null;
  const v = r?.published_version_id ? await sharingStore.getVersion(deps.db, r.published_version_id) : null;
  if (!r || !v) {
    await store.done(deps.db, entries); // not set up (or not yet published): nothing to keep current
    return null;
  }
  const isFull = entries.some((e) => e.key === '*');
  const keys = isFull ? null : entries.map((e) => e.key);
  const source = keys ? await readKeys(sources, kind, keys) : await readAll(sources, kind);
  const now = deps.clock.now();
  const checked = checkRows(
    v.items,
    v.quality,
    v.update_cycle as UpdateCycle,
    source.map((s, i) => ({ row: i + 1, cells: s.cells })),
    now,
    () => true,
  );
  const typed = new Map(checked.rows.map((t) => [t.row, t.values]));
  const candidates: store.KeyedRow[] = [];
  const present = new Set<string>();
  source.forEach((s, i) => {
    present.add(s.key);
    const values = typed.get(i + 1);
    if (!values || checked.rejected.has(i + 1)) return;
    candidates.push(storedRow(deps, v.items, s, values));
  });
  return deps.db.transaction().execute(async (tx) => {
    // one writer per base database across nodes (every node reads the same queue): the rows are
    // compared, numbered and written under this lock, so a second node finds the first one's rows
    await store.lockKind(tx, kind);
    // the rows are stored by the version read above: one published meanwhile may define its items
    // otherwise, so the entries stay queued for the next run to read under it
    const locked = await sharingStore.lockResource(tx, r.id);
    if (locked?.published_version_id !== v.id) return null;
    const existing = await store.hashesOf(tx, r.id, keys);
    const upserts = candidates.filter((row) => existing.get(row.key) !== row.hash);
    const gone = [...(keys ?? existing.keys())].filter(
      (k) => k !== '*' && existing.has(k) && !present.has(k),
    );
    const unkeyed = isFull ? (await store.rowCount(tx, r.id)) - existing.size : 0;
    const result = { kind, upserted: upserts.length, deleted: gone.length, rejected: checked.rejected.size };
    const isChange = result.upserted + result.deleted + result.rejected > 0 || unkeyed > 0;
    if (isChange) {
      const loadId = await recordLoad(tx, { r, v, kind, isFull, source, checked, result, now });
      await store.upsertRows(tx, r.id, loadId, v.id, upserts);
      await store.deleteRows(tx, r.id, gone);
      if (isFull) await store.deleteUnkeyed(tx, r.id);
      await sharingStore.setResource(tx, r.id, { current_load_id: loadId }, now);
      await emit(tx, 'sharing.data-loaded', {
        resourceId: r.id,
        code: r.code,
        loadId,
        rows: source.length,
        base: kind,
        upserted: result.upserted,
        deleted: result.deleted,
      });
      await deps.audit.record(tx, systemContext(`basedb:${kind}`), {
        action: 'sharing-data.base-refresh',
        subjectType: 'sharing-resource',
        subjectId: r.id,
        summary: { loadId, isFull, ...result },
      });
    }
    // its rows are the refresh's: mounted as data (未挂接 no more), and current as of now even unchanged
    if (locked.mount_kind !== 'file') await sharingStore.setMount(tx, r.id, 'file', null, now);
    await store.markRefreshed(tx, kind, now);
    await store.done(tx, entries);
    if (isFull) await store.markRebuilt(tx, kind, now);
    return result;
  });
}

function storedRow(
  deps: SharingDeps,
  items: DataItem[],
  s: SourceRow,
  values: Record<string, unknown>,
): store.KeyedRow {
  const plain = Object.fromEntries(items.map((item) => [item.key, values[item.key] ?? null]));
  // a keyed hash of the plain row: unchanged records are skipped without decrypting anything
  return {
    key: s.key,
    hash: deps.cipher.blindIndex(JSON.stringify(plain)),
    ...encryptRow(deps.cipher, items, values),
  };
}

type LoadFacts = {
  r: sharingStore.ResourceRow;
  v: sharingStore.VersionRow;
  kind: BaseKind;
  isFull: boolean;
  source: SourceRow[];
  checked: ReturnType<typeof checkRows>;
  result: RefreshResult;
  now: Date;
};

async function recordLoad(tx: Executor, f: LoadFacts): Promise<string> {
  const previous = await sharingStore.lastAcceptedAt(tx, f.r.id);
  const report: QualityReport = {
    format: '基础库同步',
    rows: f.source.length,
    acceptedRows: f.source.length - f.checked.rejected.size,
    rejectedRows: f.checked.rejected.size,
    completeness: f.checked.completeness,
    validity: f.checked.validity,
    uniqueness: f.checked.uniqueness,
    timeliness: f.checked.timeliness,
    previousLoadAt: previous ? previous.toISOString() : null,
    isOnSchedule: true,
    fileProblems: [],
    problems: f.checked.problems.slice(0, 1000),
    problemCount: f.checked.problems.length,
    warnings: f.checked.warnings,
  };
  const id = newId();
  await sharingStore.insertLoad(tx, {
    id,
    resource_id: f.r.id,
    version_id: f.v.id,
    status: 'accepted',
    file_name: `${f.isFull ? '全量重建' : '增量同步'}：更新 ${f.result.upserted} 条${f.result.deleted > 0 ? `，删除 ${f.result.deleted} 条` : ''}`,
    file_format: null,
    row_count: f.source.length,
    rejected_count: f.checked.rejected.size,
    report,
    loaded_by: null,
    loaded_by_name: '基础库同步',
    created_at: f.now,
  });
  return id;
}
