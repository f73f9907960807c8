// Publishing and unpublishing (service office only). Publishing a city version re-materialises every
// derived implementation's published version in the same transaction (decision 0003): elements a level
// did not override follow the city, the ones it did stay.
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import { resolveContent, searchDoc } from '../content.ts';
import type { CatalogDeps } from '../deps.ts';
import { catalogErrors } from '../errors.ts';
import { type GuideContent, limitProblems, type VersionView } from '../schema.ts';
import * as store from '../store.ts';
import { departmentNames, loadImplementation, loadVersion, requireOffice, toVersionView } from './shared.ts';

type Impl = store.ImplementationWithItem;

async function index(deps: CatalogDeps, tx: Executor, impl: Impl, version: store.VersionRow) {
  const nameOf = departmentNames(deps, tx);
  const ref = {
    implementationId: impl.id,
    versionId: version.id,
    itemId: impl.item_id,
    divisionCode: impl.division_code,
    level: impl.level,
    departmentId: impl.department_id,
    departmentName: await nameOf(impl.department_id),
  };
  await deps.search.indexVersion(tx, searchDoc(ref, version.content));
}

/** Ends the currently published version of an implementation, if any. */
async function supersede(deps: CatalogDeps, tx: Executor, implementationId: string) {
  const previous = await store.findVersion(tx, implementationId, ['published']);
  if (previous)
    await store.updateVersion(tx, previous.id, { state: 'superseded', ended_at: deps.clock.now() });
  return previous;
}

/** Indexes the newly live version and tells the other modules. */
async function announce(
  deps: CatalogDeps,
  tx: Executor,
  impl: Impl,
  live: store.VersionRow,
  previous: store.VersionRow | null,
) {
  await index(deps, tx, impl, live);
  await emit(tx, 'catalog.version.published', {
    versionId: live.id,
    implementationId: impl.id,
    itemId: impl.item_id,
    divisionCode: impl.division_code,
    supersededVersionId: previous?.id ?? null,
  });
}

/** New published versions of the derived implementations after the city published `city`. */
async function rematerialise(
  deps: CatalogDeps,
  tx: Executor,
  ctx: RequestContext,
  cityImpl: Impl,
  city: store.VersionRow,
) {
  const derived = await store.listImplementations(tx, { parentId: cityImpl.id });
  const conflicts: string[] = [];
  let count = 0;
  for (const impl of derived) {
    const current = await store.findVersion(tx, impl.id, ['published']);
    if (!current) continue;
    const content: GuideContent = resolveContent(city.content, current.overrides ?? {});
    if (limitProblems(content).length > 0) {
      conflicts.push(`${impl.division_code}（承诺时限 ${content.promisedLimitDays}）`);
      continue;
    }
    const previous = await supersede(deps, tx, impl.id);
    const next = await store.insertVersion(tx, {
      id: newId(),
      implementation_id: impl.id,
      version_no: await store.nextVersionNo(tx, impl.id),
      state: 'published',
      content,
      overrides: current.overrides,
      parent_version_id: city.id,
      created_by: ctx.actor?.accountId ?? null,
      published_at: deps.clock.now(),
    });
    await announce(deps, tx, impl, next, previous);
    count++;
  }
  if (conflicts.length > 0) {
    throw catalogErrors.derivedConflict(
      `新的法定时限短于这些地区的承诺时限，请先调整：${conflicts.join('、')}`,
    );
  }
  return count;
}

export async function publish(
  deps: CatalogDeps,
  ctx: RequestContext,
  versionId: string,
): Promise<VersionView> {
  requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const { version, impl } = await loadVersion(tx, versionId);
    await store.lockImplementation(tx, impl.parent_id ?? impl.id);
    await store.lockImplementation(tx, impl.id);
    if (version.state !== 'approved') {
      throw catalogErrors.notApproved(
        `版本 ${version.version_no} 的状态为 ${version.state}，须经审核通过后才能发布`,
      );
    }
    let changes: store.VersionChanges = {};
    if (impl.parent_id) {
      const parent = await store.findVersion(tx, impl.parent_id, ['published']);
      if (!parent) throw catalogErrors.wrongState('上级（市级）事项未发布，不能发布本级实施清单');
      const content = resolveContent(parent.content, version.overrides ?? {});
      if (limitProblems(content).length > 0) {
        throw catalogErrors.derivedConflict(
          `本级承诺时限 ${content.promisedLimitDays} 超过了上级现行的法定时限`,
        );
      }
      changes = { content, parent_version_id: parent.id };
    }
    const previous = await supersede(deps, tx, impl.id);
    const live = await store.updateVersion(tx, version.id, {
      ...changes,
      state: 'published',
      published_at: deps.clock.now(),
    });
    await announce(deps, tx, impl, live, previous);
    const derived = impl.parent_id ? 0 : await rematerialise(deps, tx, ctx, impl, live);
    await deps.audit.record(tx, ctx, {
      action: 'catalog.version.published',
      subjectType: 'catalog_version',
      subjectId: live.id,
      summary: { implementationId: impl.id, versionNo: live.version_no, derivedRepublished: derived },
    });
    return toVersionView(live);
  });
}

/** Takes an implementation off the public catalog; its versions stay readable by id. */
export async function unpublish(
  deps: CatalogDeps,
  ctx: RequestContext,
  implementationId: string,
  reason: string,
): Promise<VersionView> {
  requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const impl = await loadImplementation(tx, implementationId);
    await store.lockImplementation(tx, impl.id);
    const live = await store.findVersion(tx, impl.id, ['published']);
    if (!live) throw catalogErrors.wrongState('该事项当前没有已发布的版本');
    const ended = await store.updateVersion(tx, live.id, {
      state: 'unpublished',
      ended_at: deps.clock.now(),
      unpublish_reason: reason,
    });
    await deps.search.removeImplementation(tx, impl.id);
    const summary = { implementationId: impl.id, versionNo: ended.version_no, reason };
    await deps.audit.record(tx, ctx, {
      action: 'catalog.implementation.unpublished',
      subjectType: 'catalog_implementation',
      subjectId: impl.id,
      summary,
    });
    await emit(tx, 'catalog.implementation.unpublished', {
      ...summary,
      versionId: ended.id,
      itemId: impl.item_id,
    });
    return toVersionView(ended);
  });
}
