// Public reads of the published catalog, and the staff reads behind the editor: history, diffs,
// a level's changes against its parent, the review queue.
import type { RequestContext } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { diffElements, levelChanges } from '../content.ts';
import type { CatalogDeps } from '../deps.ts';
import { catalogErrors } from '../errors.ts';
import type {
  EditorEntry,
  ElementChange,
  GuideView,
  ItemQuery,
  ItemSummary,
  VersionState,
} from '../schema.ts';
import * as store from '../store.ts';
import {
  departmentNames,
  loadImplementation,
  loadVersion,
  requireOffice,
  requireStaff,
  requireViewer,
  toRef,
  toVersionSummary,
  toVersionView,
} from './shared.ts';

/** States a citizen may read by id: what is or once was published (a case may name it). */
const PUBLIC_STATES: VersionState[] = ['published', 'superseded', 'unpublished'];

export async function listItems(deps: CatalogDeps, query: ItemQuery) {
  const { rows, total } = await store.listPublished(deps.db, query);
  const nameOf = departmentNames(deps);
  const items: ItemSummary[] = [];
  for (const r of rows) {
    const c = r.content;
    items.push({
      ...(await toRef(r, nameOf)),
      versionId: r.version_id,
      name: c.name,
      itemType: c.itemType,
      serves: c.serves,
      onlineDepth: c.onlineDepth,
      isInstant: c.isInstant,
      promisedLimitDays: c.promisedLimitDays,
      visitsNeeded: c.visitsNeeded,
      themes: c.themes,
    });
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The published guide of an implementation. */
export async function getGuide(deps: CatalogDeps, implementationId: string): Promise<GuideView> {
  const impl = await loadImplementation(deps.db, implementationId);
  const live = await store.findVersion(deps.db, impl.id, ['published']);
  if (!live) throw catalogErrors.notPublished(`事项实施清单 ${implementationId} 当前未发布`);
  return { ...(await toRef(impl, departmentNames(deps))), version: toVersionView(live) };
}

/** Any version a citizen could have seen; drafts are not public. */
export async function getPublicVersion(deps: CatalogDeps, versionId: string): Promise<GuideView> {
  const found = await store.getVersion(deps.db, versionId);
  if (!found || !PUBLIC_STATES.includes(found.state)) {
    throw catalogErrors.versionNotFound(`事项版本 ${versionId} 不存在`);
  }
  const impl = await loadImplementation(deps.db, found.implementation_id);
  return { ...(await toRef(impl, departmentNames(deps))), version: toVersionView(found) };
}

/** A version in any state, for its department's admin or the service office. */
export async function getVersionForStaff(deps: CatalogDeps, ctx: RequestContext, versionId: string) {
  const { version, impl } = await loadVersion(deps.db, versionId);
  requireViewer(ctx, impl);
  return { ...(await toRef(impl, departmentNames(deps))), version: toVersionView(version) };
}

export async function regions(deps: CatalogDeps, itemId: string) {
  if (!(await store.itemExists(deps.db, itemId))) throw catalogErrors.itemNotFound(`事项 ${itemId} 不存在`);
  const nameOf = departmentNames(deps);
  const rows = await store.publishedRegions(deps.db, itemId);
  const items = [];
  for (const r of rows) {
    items.push({
      implementationId: r.id,
      divisionCode: r.division_code,
      level: r.level,
      department: { id: r.department_id, name: await nameOf(r.department_id) },
    });
  }
  return { items };
}

export async function themes(deps: CatalogDeps, division: string) {
  const rows = await store.themeCounts(deps.db, division);
  return {
    items: rows.map((r) => ({
      audience: r.serves === '自然人' ? ('个人' as const) : ('法人' as const),
      theme: r.theme,
      count: r.n,
    })),
  };
}

export async function departments(deps: CatalogDeps, division: string) {
  const nameOf = departmentNames(deps);
  const rows = await store.departmentCounts(deps.db, division);
  const items = [];
  for (const r of rows)
    items.push({ id: r.department_id, name: await nameOf(r.department_id), count: Number(r.n) });
  return { items };
}

export async function history(deps: CatalogDeps, ctx: RequestContext, implementationId: string) {
  const impl = await loadImplementation(deps.db, implementationId);
  requireViewer(ctx, impl);
  const versions = await store.listVersions(deps.db, impl.id);
  return {
    implementation: await toRef(impl, departmentNames(deps)),
    versions: versions.map(toVersionSummary),
  };
}

/** Element-by-element changes between two versions of one implementation. */
export async function diff(deps: CatalogDeps, ctx: RequestContext, fromId: string, toId: string) {
  const from = await loadVersion(deps.db, fromId);
  const to = await loadVersion(deps.db, toId);
  if (from.impl.id !== to.impl.id) throw catalogErrors.differentImplementations('两个版本属于不同的实施清单');
  requireViewer(ctx, from.impl);
  const changes: ElementChange[] = diffElements(from.version.content, to.version.content);
  return { from: fromId, to: toId, changes };
}

/** What a county or township changed against the city: its overrides, against the parent's live content. */
export async function levelDiff(deps: CatalogDeps, ctx: RequestContext, implementationId: string) {
  const impl = await loadImplementation(deps.db, implementationId);
  requireViewer(ctx, impl);
  if (!impl.parent_id) throw catalogErrors.notDerived('市级实施清单是基准，没有上级可比较');
  const own =
    (await store.findVersion(deps.db, impl.id, ['published'])) ??
    (await store.latestVersion(deps.db, impl.id));
  const parent = await store.findVersion(deps.db, impl.parent_id, ['published']);
  if (!own || !parent) throw catalogErrors.notPublished('本级或上级事项未发布');
  return {
    implementationId: impl.id,
    parentId: impl.parent_id,
    changes: levelChanges(parent.content, own.overrides ?? {}),
  };
}

export async function reviewQueue(deps: CatalogDeps, ctx: RequestContext) {
  requireOffice(ctx);
  const nameOf = departmentNames(deps);
  const rows = await store.listSubmitted(deps.db);
  const items = [];
  for (const r of rows) {
    const ref = await toRef({ ...r, id: r.implementation_id }, nameOf);
    items.push({ ...ref, name: r.content.name, version: toVersionSummary({ ...r, id: r.version_id }) });
  }
  return { items };
}

/** 事项管理: every implementation of the admin's department — never published, unpublished and live. */
export async function editorList(deps: CatalogDeps, ctx: RequestContext): Promise<{ items: EditorEntry[] }> {
  const actor = requireStaff(ctx);
  if (!actor.roles.includes('dept_admin')) throw errors.forbidden();
  if (!actor.departmentId) return { items: [] };
  const rows = await store.listForEditor(deps.db, actor.departmentId);
  const nameOf = departmentNames(deps);
  const items: EditorEntry[] = [];
  for (const r of rows) {
    items.push({
      ...(await toRef(r, nameOf)),
      name: r.latest?.name ?? r.item_name,
      itemType: r.latest?.itemType ?? null,
      isInstant: r.latest?.isInstant ?? false,
      promisedLimitDays: r.latest?.promisedLimitDays ?? null,
      live: r.live_id
        ? { id: r.live_id, versionNo: r.live_no ?? 0, publishedAt: r.live_at?.toISOString() ?? null }
        : null,
      open:
        r.open_id && r.open_state ? { id: r.open_id, versionNo: r.open_no ?? 0, state: r.open_state } : null,
      wasPublished: r.was_published,
    });
  }
  return { items };
}
