// 目录挂接: a provider mounts data on its published resource — an uploaded file checked row by row
// against the data items and quality rules, or a registered API (metadata only for now). A load with
// any problem is refused as a whole: the report is kept, no row is written ("nothing half-loaded").
// An accepted load replaces the resource's rows in one transaction; sensitive values are encrypted
// with the field cipher (blind index beside them) and masked in previews.
import type { RequestContext } from '../../../platform/context.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { isBaseResource } from '../basedb/store.ts';
import { CYCLE_DAYS } from '../codes.ts';
import type { SharingDeps } from '../deps.ts';
import { sharingErrors } from '../errors.ts';
import { MASKS } from '../grants/rows.ts';
import { parseUpload } from '../parse.ts';
import { canEdit, canSeeWorking } from '../policy.ts';
import { checkRows, type ReferenceCheck, type TypedRow } from '../quality.ts';
import type { ApiMount, DataItem, QualityReport, UpdateCycle } from '../schema.ts';
import * as store from '../store.ts';
import { toLoadView } from '../views.ts';
import { actorOfCtx } from './catalog.ts';

const LISTED_PROBLEMS = 1000;
const PREVIEW_PAGE = 50;

/** The resource and its published version, for its own department's data officer. */
async function ownPublished(deps: SharingDeps, actor: Actor, id: string) {
  const r = await store.getResource(deps.db, id);
  if (!r || !canEdit(actor, r)) throw sharingErrors.resourceNotFound(id);
  const v = r.published_version_id ? await store.getVersion(deps.db, r.published_version_id) : null;
  if (!v) throw sharingErrors.notMountable();
  return { r, v };
}

/** Reference sets loaded once per referenced (resource, item); sensitive items compare blind indexes. */
async function referenceCheck(deps: SharingDeps, items: DataItem[]): Promise<ReferenceCheck> {
  const sets = new Map<string, { values: Set<string>; isSensitive: boolean }>();
  for (const item of items) {
    const ref = item.rules.references;
    if (!ref) continue;
    const target = await store.publishedByCode(deps.db, ref.resourceCode);
    const targetItem = target?.items.find((t) => t.key === ref.itemKey);
    const isSensitive = targetItem ? targetItem.sensitivity !== 'general' : false;
    const values = target
      ? await store.itemValues(deps.db, target.id, ref.itemKey, isSensitive)
      : new Set<string>();
    sets.set(item.key, { values, isSensitive });
  }
  return (item, value) => {
    const s = sets.get(item.key);
    if (!s) return true;
    return s.values.has(s.isSensitive ? deps.cipher.blindIndex(value) : value);
  };
}

/**
 * A row as stored: sensitive values encrypted with the field cipher, their blind index beside them
 * (for filters and references). Uploads and the base databases' refresh store rows through this.
 */
export function encryptRow(
  cipher: Pick<SharingDeps['cipher'], 'encrypt' | 'blindIndex'>,
  items: DataItem[],
  values: Record<string, unknown>,
) {
  const data: Record<string, unknown> = {};
  const idx: Record<string, string> = {};
  for (const item of items) {
    const v = values[item.key] ?? null;
    if (v !== null && item.sensitivity !== 'general') {
      data[item.key] = cipher.encrypt(String(v));
      idx[item.key] = cipher.blindIndex(String(v));
    } else data[item.key] = v;
  }
  return { data, idx };
}

const stored = (deps: SharingDeps, items: DataItem[], row: TypedRow) => ({
  row: row.row,
  ...encryptRow(deps.cipher, items, row.values),
});

export async function upload(
  deps: SharingDeps,
  ctx: RequestContext,
  id: string,
  fileName: string,
  bytes: Buffer,
) {
  const actor = actorOfCtx(ctx);
  const { r, v } = await ownPublished(deps, actor, id);
  const now = deps.clock.now();
  const parsed = await parseUpload(fileName, bytes, v.items, deps.inspectZip);
  const previous = await store.lastAcceptedAt(deps.db, id);
  const cycleDays = CYCLE_DAYS[v.update_cycle as UpdateCycle];
  const schedule = {
    previousLoadAt: previous ? previous.toISOString() : null,
    isOnSchedule:
      previous && cycleDays !== null
        ? now.getTime() - previous.getTime() <= (cycleDays + 1) * 86_400_000
        : null,
  };
  let report: QualityReport;
  let accepted: TypedRow[] = [];
  if (!parsed.ok) {
    report = {
      format: parsed.format,
      rows: 0,
      acceptedRows: 0,
      rejectedRows: 0,
      completeness: null,
      validity: null,
      uniqueness: null,
      timeliness: null,
      ...schedule,
      fileProblems: parsed.problems,
      problems: [],
      problemCount: 0,
      warnings: [],
    };
  } else {
    const checked = checkRows(
      v.items,
      v.quality,
      v.update_cycle as UpdateCycle,
      parsed.rows,
      now,
      await referenceCheck(deps, v.items),
    );
    const fileProblems =
      parsed.rows.length === 0 ? [{ row: null, column: null, code: 'empty', message: '文件没有数据行' }] : [];
    report = {
      format: parsed.format,
      rows: parsed.rows.length,
      acceptedRows: checked.rejected.size === 0 && fileProblems.length === 0 ? parsed.rows.length : 0,
      rejectedRows: checked.rejected.size,
      completeness: checked.completeness,
      validity: checked.validity,
      uniqueness: checked.uniqueness,
      timeliness: checked.timeliness,
      ...schedule,
      fileProblems,
      problems: checked.problems.slice(0, LISTED_PROBLEMS),
      problemCount: checked.problems.length,
      warnings: checked.warnings,
    };
    if (report.acceptedRows > 0) accepted = checked.rows;
  }
  const isAccepted = accepted.length > 0;
  const rows = isAccepted ? accepted.map((row) => stored(deps, v.items, row)) : [];
  return deps.db.transaction().execute(async (tx) => {
    // rows are stored by this version's items: a version published meanwhile may define them otherwise
    const locked = await store.lockResource(tx, id);
    if (locked?.published_version_id !== v.id)
      throw sharingErrors.wrongState('信息资源已发布新版本，请重新上传');
    // a base database's rows are keyed and kept by its refresh: an upload would be duplicated, then dropped
    if (await isBaseResource(tx, id)) throw sharingErrors.baseResource();
    const load: store.LoadRow = {
      id: newId(),
      resource_id: id,
      version_id: v.id,
      version: v.version,
      status: isAccepted ? 'accepted' : 'refused',
      file_name: fileName,
      file_format: report.format,
      row_count: report.rows,
      rejected_count: report.rejectedRows,
      report,
      loaded_by: actor.accountId,
      loaded_by_name: actor.displayName,
      created_at: now,
    };
    await store.insertLoad(tx, load);
    if (isAccepted) {
      await store.replaceRows(tx, id, load.id, v.id, rows);
      await store.setResource(tx, id, { current_load_id: load.id }, now);
      await store.setMount(tx, id, 'file', null, now);
    }
    await emit(tx, isAccepted ? 'sharing.data-loaded' : 'sharing.load-refused', {
      resourceId: id,
      code: r.code,
      loadId: load.id,
      rows: report.rows,
    });
    await deps.audit.record(tx, ctx, {
      action: isAccepted ? 'sharing-data.load' : 'sharing-data.refuse',
      subjectType: 'sharing-resource',
      subjectId: id,
      summary: {
        loadId: load.id,
        fileName,
        rows: report.rows,
        problems: report.problemCount + report.fileProblems.length,
      },
    });
    return toLoadView(load);
  });
}

export async function mountApi(deps: SharingDeps, ctx: RequestContext, id: string, api: ApiMount) {
  const actor = actorOfCtx(ctx);
  const { r } = await ownPublished(deps, actor, id);
  return deps.db.transaction().execute(async (tx) => {
    await store.lockResource(tx, id);
    if (await isBaseResource(tx, id)) throw sharingErrors.baseResource();
    const now = deps.clock.now();
    await store.setMount(tx, id, 'api', api, now);
    await emit(tx, 'sharing.api-mounted', { resourceId: id, code: r.code });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-data.mount-api',
      subjectType: 'sharing-resource',
      subjectId: id,
      summary: { url: api.url, method: api.method },
    });
    return { mountKind: 'api' as const, apiMount: api };
  });
}

async function seeable(deps: SharingDeps, actor: Actor, id: string) {
  const r = await store.getResource(deps.db, id);
  if (!r || !canSeeWorking(actor, r)) throw sharingErrors.resourceNotFound(id);
  return r;
}

export async function listLoads(deps: SharingDeps, actor: Actor, id: string) {
  await seeable(deps, actor, id);
  const loads = await store.listLoads(deps.db, id);
  return {
    items: loads.map((l) => {
      const { report: _report, ...rest } = toLoadView(l);
      return { ...rest, rows: l.row_count, rejectedRows: l.rejected_count };
    }),
  };
}

export async function getLoad(deps: SharingDeps, actor: Actor, id: string, loadId: string) {
  await seeable(deps, actor, id);
  const load = await store.getLoad(deps.db, id, loadId);
  if (!load) throw sharingErrors.loadNotFound(loadId);
  return toLoadView(load);
}

/** A page of the current rows, sensitive values decrypted only to be masked. */
export async function previewRows(deps: SharingDeps, actor: Actor, id: string, page: number) {
  const r = await seeable(deps, actor, id);
  const v = r.published_version_id ? await store.getVersion(deps.db, r.published_version_id) : null;
  const items = v?.items ?? [];
  const found = await store.pageRows(deps.db, id, page, PREVIEW_PAGE);
  return {
    loadId: r.current_load_id,
    total: found.total,
    page,
    columns: items.map((i) => ({ key: i.key, name: i.name })),
    rows: found.rows.map(({ data }) => {
      const out: Record<string, string | number | boolean | null> = {};
      for (const item of items) {
        const value = data[item.key];
        if (value === null || value === undefined) out[item.key] = null;
        else if (item.sensitivity !== 'general')
          out[item.key] = MASKS[item.sensitivity](deps.cipher.decrypt(String(value)));
        else out[item.key] = value as string | number | boolean;
      }
      return out;
    }),
  };
}
