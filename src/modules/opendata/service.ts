// Publication (数据局): open a dataset from a published sharing resource whose open attribute allows it,
// with a desensitisation rule per data item; rebuild its snapshot on publish and (queued) on every new
// accepted load; unpublish with a reason. Source rows are read before each transaction (PGlite has one
// connection); the dataset row, its snapshot, the audit entry and the event are written together.
import type { RequestContext } from '../../platform/context.ts';
import { systemContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { errors } from '../../platform/errors.ts';
import { emit, type OutboxEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import { newId } from '../../platform/ids.ts';
import type { OpendataDeps, OpenSourceData } from './deps.ts';
import { aggregate, checkRules, columnsOf, desensitise } from './desensitise.ts';
import { opendataErrors } from './errors.ts';
import type { PublishInput, Rule, SourceView } from './schema.ts';
import * as store from './store.ts';
import { toAdminView } from './views.ts';

const isReviewer = (actor: Actor | null): actor is Actor => !!actor?.roles.includes('data_reviewer');
function reviewerOf(ctx: RequestContext): Actor {
  if (!isReviewer(ctx.actor)) throw errors.forbidden('只有数据局（数据资源审核人员）可以开放数据');
  return ctx.actor;
}

export const datasetName = (code: string | null, resourceId: string) =>
  `yw-${(code ?? resourceId.slice(0, 8)).replace(/[^0-9a-z]+/gi, '-').toLowerCase()}`;

/** The dataset row and snapshot for a source under the given rules (pure apart from the clock). */
function build(
  found: OpenSourceData,
  rules: Record<string, Rule>,
  config: { aggregates: string[]; k: number; license: store.DatasetRow['license']; tags: string[] },
  existing: store.DatasetRow | undefined,
  by: string,
  now: Date,
) {
  const { source } = found;
  const rows = desensitise(source.items, rules, found.rows);
  const tags = config.tags.length > 0 ? config.tags : [source.attributeName, source.xiangName];
  const dataset: store.DatasetRow = {
    id: existing?.id ?? newId(),
    name: existing?.name ?? datasetName(source.code, source.resourceId),
    resource_id: source.resourceId,
    resource_code: source.code,
    state: 'published',
    title: source.name,
    notes: source.summary,
    organization_name: `org-${source.departmentCode.toLowerCase()}`,
    organization_title: source.departmentName,
    tags,
    open_type: source.openType === 'conditional' ? 'conditional' : 'unconditional',
    open_conditions: source.openConditions,
    update_cycle: source.updateCycle,
    license: config.license,
    rules,
    columns: columnsOf(source.items, rules),
    aggregate_keys: config.aggregates,
    k: config.k,
    aggregates: aggregate(source.items, config.aggregates, rows, config.k),
    row_count: rows.length,
    source_load_id: source.currentLoadId,
    published_by_name: by,
    published_at: existing?.state === 'published' ? existing.published_at : now,
    modified_at: now,
    unpublished_at: null,
    unpublish_reason: null,
    search_text: [source.name, source.summary, source.departmentName, source.code ?? '', ...tags].join(' '),
  };
  return { dataset, rows };
}

function ruleProblems(found: OpenSourceData, rules: Record<string, Rule>, aggregates: string[]) {
  const problems = checkRules(found.source.items, rules, aggregates);
  const list = problems.map((p) => ({ path: `rules.${p.itemKey}`, message: p.message }));
  if (problems.some((p) => p.kind === 'sensitive'))
    return opendataErrors.sensitiveKept(problems.find((p) => p.kind === 'sensitive')?.message, list);
  if (problems.length > 0) return opendataErrors.badRule(problems[0]?.message, list);
  return null;
}

export async function publish(deps: OpendataDeps, ctx: RequestContext, input: PublishInput) {
  const actor = reviewerOf(ctx);
  const found = await deps.sharing.openSource(input.resourceId);
  if (!found) throw opendataErrors.sourceNotFound(input.resourceId);
  if (found.source.openType === 'none')
    throw opendataErrors.notOpenable(`「${found.source.name}」的开放属性为不予开放，不能向社会开放`);
  const problem = ruleProblems(found, input.rules, input.aggregates);
  if (problem) throw problem;
  const existing = await store.byResource(deps.db, input.resourceId);
  const now = deps.clock.now();
  const { dataset, rows } = build(found, input.rules, input, existing, actor.displayName, now);
  return deps.db.transaction().execute(async (tx) => {
    await store.upsertDataset(tx, dataset);
    await store.replaceRows(tx, dataset.id, rows);
    await emit(tx, 'opendata.dataset-published', {
      datasetId: dataset.id,
      name: dataset.name,
      resourceId: dataset.resource_id,
      rows: rows.length,
    });
    await deps.audit.record(tx, ctx, {
      action: 'opendata.publish',
      subjectType: 'opendata-dataset',
      subjectId: dataset.id,
      summary: {
        name: dataset.name,
        resourceCode: dataset.resource_code,
        rules: Object.fromEntries(Object.entries(input.rules).map(([k, r]) => [k, r.to ?? r.rule])),
        k: input.k,
        rows: rows.length,
      },
    });
    return toAdminView(dataset);
  });
}

async function takeDown(
  deps: OpendataDeps,
  tx: Executor,
  ctx: RequestContext,
  d: store.DatasetRow,
  reason: string,
) {
  const now = deps.clock.now();
  await store.unpublish(tx, d.id, now, reason);
  await emit(tx, 'opendata.dataset-unpublished', { datasetId: d.id, name: d.name, reason });
  await deps.audit.record(tx, ctx, {
    action: 'opendata.unpublish',
    subjectType: 'opendata-dataset',
    subjectId: d.id,
    summary: { name: d.name, reason },
  });
  return { ...d, state: 'unpublished' as const, unpublished_at: now, unpublish_reason: reason };
}

export async function unpublish(deps: OpendataDeps, ctx: RequestContext, resourceId: string, reason: string) {
  reviewerOf(ctx);
  const d = await store.byResource(deps.db, resourceId);
  if (!d) throw opendataErrors.datasetNotFound(resourceId);
  if (d.state !== 'published') throw opendataErrors.wrongState('数据集已下线');
  return deps.db.transaction().execute(async (tx) => {
    const locked = await store.lockDataset(tx, d.id);
    if (locked?.state !== 'published') throw opendataErrors.wrongState('数据集已下线');
    return toAdminView(await takeDown(deps, tx, ctx, locked, reason));
  });
}

/** The workbench list: every openable resource with its dataset (if any) and its items. */
export async function sources(deps: OpendataDeps, actor: Actor): Promise<{ items: SourceView[] }> {
  if (!isReviewer(actor)) throw errors.forbidden();
  const list = await deps.sharing.openable();
  const datasets = await store.byResources(
    deps.db,
    list.map((s) => s.resourceId),
  );
  return {
    items: list.map((s) => {
      const d = datasets.find((x) => x.resource_id === s.resourceId);
      return {
        resourceId: s.resourceId,
        code: s.code,
        name: s.name,
        departmentName: s.departmentName,
        openType: s.openType,
        openConditions: s.openConditions,
        hasData: s.currentLoadId !== null,
        items: s.items.map((i) => ({ key: i.key, name: i.name, type: i.type, sensitivity: i.sensitivity })),
        dataset: d
          ? {
              name: d.name,
              state: d.state,
              rules: d.rules,
              aggregates: d.aggregate_keys,
              k: d.k,
              license: d.license,
              tags: d.tags,
            }
          : null,
      };
    }),
  };
}

export async function adminGet(deps: OpendataDeps, actor: Actor, resourceId: string) {
  if (!isReviewer(actor)) throw errors.forbidden();
  const d = await store.byResource(deps.db, resourceId);
  if (!d) throw opendataErrors.datasetNotFound(resourceId);
  return toAdminView(d);
}

// ── rebuilding on a new load ──

/** The `sharing.data-loaded` handler: queue the resource (only the dispatcher's transaction is used). */
export async function onDataLoaded(deps: OpendataDeps, event: OutboxEvent, tx: Executor) {
  const resourceId = event.payload.resourceId;
  if (typeof resourceId === 'string') await store.enqueue(tx, resourceId, deps.clock.now());
}

/**
 * Rebuilds the snapshots of the queued resources that are due; returns how many datasets changed. A
 * rebuild that fails is logged and its resource queued again with a backoff (30 s doubling to 1 h), and
 * the others go on: one broken resource neither stops this job nor the jobs after it.
 */
export async function runPending(deps: OpendataDeps): Promise<number> {
  let changed = 0;
  for (;;) {
    const taken = await store.takeQueued(deps.db, deps.clock.now(), 20);
    if (taken.length === 0) return changed;
    for (const entry of taken) {
      try {
        changed += await rebuild(deps, entry.resource_id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(
          `opendata: rebuild of resource ${entry.resource_id} failed (attempt ${entry.attempts + 1}):`,
          error,
        );
        await store.failed(deps.db, entry, message, deps.clock.now());
      }
    }
  }
}

/**
 * Inside the writing transaction: the dataset as locked now, compared with what the rebuild read before
 * it. Taken down meanwhile (an unpublish, another rebuild) → nothing is written, it stays down; changed
 * otherwise (a publish with new rules, another rebuild) → queued again, to rebuild from fresh reads.
 */
async function stillAsRead(deps: OpendataDeps, tx: Executor, read: store.DatasetRow) {
  const now = await store.lockDataset(tx, read.id);
  if (now?.state !== 'published') return false;
  if (
    now.modified_at.getTime() !== read.modified_at.getTime() ||
    now.source_load_id !== read.source_load_id
  ) {
    await store.enqueue(tx, read.resource_id, deps.clock.now());
    return false;
  }
  return true;
}

/** Rebuilds one resource's published dataset from its current rows with the rules it was opened with. */
export async function rebuild(deps: OpendataDeps, resourceId: string): Promise<number> {
  const existing = await store.byResource(deps.db, resourceId);
  if (existing?.state !== 'published') return 0;
  const found = await deps.sharing.openSource(resourceId);
  const ctx = systemContext('opendata-rebuild');
  // the catalog may have changed: items gone are forgotten; a resource no longer open is taken down
  const rules = Object.fromEntries(
    Object.entries(existing.rules).filter(([k]) => found?.source.items.some((i) => i.key === k)),
  );
  const aggregates = existing.aggregate_keys.filter((k) => k in rules);
  const reason =
    !found || found.source.openType === 'none'
      ? '信息资源已不再允许向社会开放'
      : ruleProblems(found, rules, aggregates)
        ? '信息资源的信息项已变化，原脱敏规则不再适用'
        : null;
  if (reason || !found)
    return deps.db.transaction().execute(async (tx) => {
      if (!(await stillAsRead(deps, tx, existing))) return 0;
      await takeDown(deps, tx, ctx, existing, reason ?? '');
      return 1;
    });
  const now = deps.clock.now();
  const { dataset, rows } = build(
    found,
    rules,
    { aggregates, k: existing.k, license: existing.license, tags: existing.tags },
    existing,
    existing.published_by_name,
    now,
  );
  return deps.db.transaction().execute(async (tx) => {
    if (!(await stillAsRead(deps, tx, existing))) return 0;
    await store.upsertDataset(tx, dataset);
    await store.replaceRows(tx, dataset.id, rows);
    await emit(tx, 'opendata.dataset-rebuilt', {
      datasetId: dataset.id,
      name: dataset.name,
      rows: rows.length,
    });
    await deps.audit.record(tx, ctx, {
      action: 'opendata.rebuild',
      subjectType: 'opendata-dataset',
      subjectId: dataset.id,
      summary: { name: dataset.name, loadId: dataset.source_load_id, rows: rows.length },
    });
    return 1;
  });
}
