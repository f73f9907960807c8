// Editing an implementation's guide: the owning department drafts and submits, the service office
// approves or rejects. Each verb: authorise → load → decide → write version + audit + outbox in one
// transaction.
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import { overrideProblems, resolveContent } from '../content.ts';
import type { CatalogDeps } from '../deps.ts';
import { catalogErrors } from '../errors.ts';
import {
  type GuideContent,
  limitProblems,
  type Overrides,
  type UpdateDraftInput,
  type VersionView,
} from '../schema.ts';
import * as store from '../store.ts';
import {
  loadImplementation,
  loadVersion,
  requireOffice,
  requireOwner,
  requireState,
  toVersionView,
} from './shared.ts';

const OPEN_STATES = ['draft', 'submitted', 'approved', 'rejected'] as const;

async function record(
  deps: CatalogDeps,
  tx: Executor,
  ctx: RequestContext,
  action: string,
  version: store.VersionRow,
  extra: Record<string, unknown> = {},
) {
  const summary = { implementationId: version.implementation_id, versionNo: version.version_no, ...extra };
  await deps.audit.record(tx, ctx, {
    action: `catalog.${action}`,
    subjectType: 'catalog_version',
    subjectId: version.id,
    summary,
  });
  await emit(tx, `catalog.${action}`, { versionId: version.id, ...summary });
}

/** Starts a new draft from the published version (or the latest one when nothing is published). */
export async function startDraft(
  deps: CatalogDeps,
  ctx: RequestContext,
  implementationId: string,
): Promise<VersionView> {
  return deps.db.transaction().execute(async (tx) => {
    const impl = await loadImplementation(tx, implementationId);
    const actor = requireOwner(ctx, impl);
    await store.lockImplementation(tx, impl.id);
    const open = await store.findVersion(tx, impl.id, [...OPEN_STATES]);
    if (open)
      throw catalogErrors.draftExists(`版本 ${open.version_no} 尚未完成（${open.state}），请在其上继续修订`);
    const base =
      (await store.findVersion(tx, impl.id, ['published'])) ?? (await store.latestVersion(tx, impl.id));
    if (!base) throw catalogErrors.wrongState('该事项没有可修订的版本');
    const draft = await store.insertVersion(tx, {
      id: newId(),
      implementation_id: impl.id,
      version_no: await store.nextVersionNo(tx, impl.id),
      state: 'draft',
      content: base.content,
      overrides: base.overrides,
      parent_version_id: base.parent_version_id,
      created_by: actor.accountId,
    });
    await record(deps, tx, ctx, 'draft.started', draft, { fromVersionId: base.id });
    return toVersionView(draft);
  });
}

const throwLimit = (problems: Array<{ path: string; message: string }>) => {
  if (problems.length === 0) return;
  throw catalogErrors.limitRule(
    problems.map((p) => p.message).join('；'),
    problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
  );
};

/** What a derived draft resolves to now: the parent's published content with its overrides. */
async function resolveDerived(tx: Executor, parentId: string, overrides: Overrides) {
  const parent = await store.findVersion(tx, parentId, ['published']);
  if (!parent) throw catalogErrors.wrongState('上级（市级）事项未发布，暂不能修订本级实施清单');
  throwLimit(overrideProblems(parent.content, overrides));
  return { content: resolveContent(parent.content, overrides), parentVersionId: parent.id };
}

/** Replaces the draft's content (city) or overrides (county/township); validated at every write. */
export async function updateDraft(
  deps: CatalogDeps,
  ctx: RequestContext,
  versionId: string,
  input: UpdateDraftInput,
): Promise<VersionView> {
  return deps.db.transaction().execute(async (tx) => {
    const { version, impl } = await loadVersion(tx, versionId);
    requireOwner(ctx, impl);
    requireState(version, ['draft', 'rejected'], '修改');
    let changes: store.VersionChanges;
    if ('content' in input) {
      if (impl.parent_id)
        throw catalogErrors.wrongDraftKind('县级、乡级实施清单只能修改本级要素（overrides）');
      throwLimit(limitProblems(input.content as GuideContent, 'content.'));
      changes = { content: input.content };
    } else {
      if (!impl.parent_id) throw catalogErrors.wrongDraftKind('市级实施清单请提交完整的办事指南（content）');
      const resolved = await resolveDerived(tx, impl.parent_id, input.overrides);
      changes = {
        overrides: input.overrides,
        content: resolved.content,
        parent_version_id: resolved.parentVersionId,
      };
    }
    const updated = await store.updateVersion(tx, version.id, { ...changes, state: 'draft' });
    await record(deps, tx, ctx, 'draft.updated', updated, { wasRejected: version.state === 'rejected' });
    return toVersionView(updated);
  });
}

export async function submitDraft(
  deps: CatalogDeps,
  ctx: RequestContext,
  versionId: string,
): Promise<VersionView> {
  return deps.db.transaction().execute(async (tx) => {
    const { version, impl } = await loadVersion(tx, versionId);
    requireOwner(ctx, impl);
    requireState(version, ['draft'], '提交审核');
    const updated = await store.updateVersion(tx, version.id, {
      state: 'submitted',
      submitted_at: deps.clock.now(),
    });
    await record(deps, tx, ctx, 'draft.submitted', updated);
    return toVersionView(updated);
  });
}

/** The service office's decision on a submitted version. */
export async function review(
  deps: CatalogDeps,
  ctx: RequestContext,
  versionId: string,
  decision: { isApproved: boolean; note: string | null },
): Promise<VersionView> {
  const actor = requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const { version } = await loadVersion(tx, versionId);
    requireState(version, ['submitted'], decision.isApproved ? '审核通过' : '退回');
    const updated = await store.updateVersion(tx, version.id, {
      state: decision.isApproved ? 'approved' : 'rejected',
      reviewed_by: actor.accountId,
      reviewed_at: deps.clock.now(),
      review_note: decision.note,
    });
    await record(deps, tx, ctx, decision.isApproved ? 'version.approved' : 'version.rejected', updated, {
      note: decision.note,
    });
    return toVersionView(updated);
  });
}
