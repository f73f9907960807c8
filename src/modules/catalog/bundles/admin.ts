// The service office's (政务服务管理机构) verbs on "one thing" bundles: create, update, set members, publish,
// unpublish. Each reads top to bottom: office only → load (locked) → decide → write + audit + outbox in
// one transaction → the admin view.
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import { emit } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import type { CatalogDeps } from '../deps.ts';
import { requireOffice } from '../use-cases/shared.ts';
import { bundleErrors } from './errors.ts';
import {
  type AdminBundleView,
  type CreateBundleInput,
  MAX_MEMBERS,
  MIN_MEMBERS,
  type SetMembersInput,
  type UpdateBundleInput,
} from './schema.ts';
import * as store from './store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAdminView(row: store.BundleRow, members: store.MemberRow[]): AdminBundleView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    audience: row.audience,
    description: row.description,
    divisionCode: row.division_code,
    memberCount: members.length,
    state: row.state,
    members: members.map((m) => ({
      itemId: m.item_id,
      name: m.item_name,
      position: m.position,
      isRequired: m.is_required,
      note: m.note,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: iso(row.published_at),
  };
}

/** The division and the divisions above it, nearest first; empty for an unknown code. */
export async function divisionChain(deps: CatalogDeps, code: string, db: Executor = deps.db) {
  const chain = [];
  for (let next: string | null = code; next !== null && chain.length < 6; ) {
    const division = await deps.org.getDivision(next, db);
    if (!division) break;
    chain.push(division);
    next = division.parentCode;
  }
  return chain;
}

/** The city a scope belongs to (the scope itself when it is a city), or null for an unknown scope. */
async function cityOf(deps: CatalogDeps, db: Executor, scope: string): Promise<string | null> {
  const chain = await divisionChain(deps, scope, db);
  return chain.find((d) => d.level === 'city')?.code ?? null;
}

async function loadLocked(tx: Executor, id: string) {
  const row = await store.getBundle(tx, id, true);
  if (!row) throw bundleErrors.notFound(`“一件事” ${id} 不存在`);
  return row;
}

async function view(tx: Executor, row: store.BundleRow) {
  return toAdminView(row, await store.listMembers(tx, row.id));
}

async function recordChange(
  deps: CatalogDeps,
  tx: Executor,
  ctx: RequestContext,
  what: 'created' | 'updated' | 'members_set' | 'published' | 'unpublished',
  row: store.BundleRow,
  summary: Record<string, unknown>,
) {
  const payload = { bundleId: row.id, code: row.code, ...summary };
  await deps.audit.record(tx, ctx, {
    action: `catalog.bundle.${what}`,
    subjectType: 'catalog_bundle',
    subjectId: row.id,
    summary: payload,
  });
  await emit(tx, `catalog.bundle.${what}`, payload);
}

async function scopeProblems(deps: CatalogDeps, db: Executor, scope: string): Promise<FieldProblem[]> {
  if (await cityOf(deps, db, scope)) return [];
  return [{ path: 'divisionCode', message: `行政区划 ${scope} 不存在或不属于任何市` }];
}

export async function createBundle(deps: CatalogDeps, ctx: RequestContext, input: CreateBundleInput) {
  requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const problems = await scopeProblems(deps, tx, input.divisionCode);
    if (problems.length > 0) throw bundleErrors.invalid('适用地区不正确', problems);
    if (await store.codeTaken(tx, input.code)) throw bundleErrors.codeExists(`编码 ${input.code} 已被使用`);
    const now = deps.clock.now();
    const row = await store.insertBundle(tx, {
      id: newId(),
      code: input.code,
      name: input.name,
      audience: input.audience,
      description: input.description,
      division_code: input.divisionCode,
      state: 'draft',
      created_at: now,
      updated_at: now,
      published_at: null,
    });
    await recordChange(deps, tx, ctx, 'created', row, { name: row.name, audience: row.audience });
    return view(tx, row);
  });
}

export async function updateBundle(
  deps: CatalogDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateBundleInput,
) {
  requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    await loadLocked(tx, id);
    if (input.divisionCode !== undefined) {
      const problems = await scopeProblems(deps, tx, input.divisionCode);
      if (problems.length > 0) throw bundleErrors.invalid('适用地区不正确', problems);
    }
    const row = await store.updateBundle(tx, id, {
      name: input.name,
      audience: input.audience,
      description: input.description,
      division_code: input.divisionCode,
      updated_at: deps.clock.now(),
    });
    await recordChange(deps, tx, ctx, 'updated', row, { changed: Object.keys(input) });
    return view(tx, row);
  });
}

/** Every problem of a member list: duplicates, unknown items, items not published in the city. */
async function memberProblems(
  deps: CatalogDeps,
  tx: Executor,
  scope: string,
  itemIds: string[],
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (itemIds.length < MIN_MEMBERS || itemIds.length > MAX_MEMBERS) {
    problems.push({ path: 'members', message: `成员事项应为 ${MIN_MEMBERS}–${MAX_MEMBERS} 项` });
  }
  const names = await store.itemNames(tx, itemIds);
  const city = await cityOf(deps, tx, scope);
  const published = new Set(
    (await store.publishedImplementations(tx, itemIds, city ? [city] : [])).map((r) => r.item_id),
  );
  itemIds.forEach((itemId, i) => {
    const path = `members.${i}.itemId`;
    const name = names.get(itemId);
    if (itemIds.indexOf(itemId) !== i)
      problems.push({ path, message: `与第 ${itemIds.indexOf(itemId) + 1} 项重复` });
    else if (name === undefined) problems.push({ path, message: `事项 ${itemId} 不存在` });
    else if (!published.has(itemId)) problems.push({ path, message: `“${name}”在市级未发布` });
  });
  return problems;
}

export async function setMembers(deps: CatalogDeps, ctx: RequestContext, id: string, input: SetMembersInput) {
  requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const bundle = await loadLocked(tx, id);
    const itemIds = input.members.map((m) => m.itemId);
    const problems = await memberProblems(deps, tx, bundle.division_code, itemIds);
    if (problems.length > 0) throw bundleErrors.invalid('成员事项不符合要求', problems);
    await store.replaceMembers(
      tx,
      id,
      input.members.map((m, i) => ({
        bundle_id: id,
        item_id: m.itemId,
        position: i + 1,
        is_required: m.isRequired,
        note: m.note,
      })),
    );
    const row = await store.updateBundle(tx, id, { updated_at: deps.clock.now() });
    await recordChange(deps, tx, ctx, 'members_set', row, { itemIds });
    return view(tx, row);
  });
}

export async function publishBundle(deps: CatalogDeps, ctx: RequestContext, id: string) {
  requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const bundle = await loadLocked(tx, id);
    if (bundle.state === 'published') throw bundleErrors.wrongState('这件“一件事”已经发布');
    const members = await store.listMembers(tx, id);
    const itemIds = members.map((m) => m.item_id);
    const problems = await memberProblems(deps, tx, bundle.division_code, itemIds);
    if (problems.length > 0) {
      throw bundleErrors.wrongState('成员事项不符合要求，请先调整成员事项再发布', problems);
    }
    const now = deps.clock.now();
    const row = await store.updateBundle(tx, id, { state: 'published', published_at: now, updated_at: now });
    await recordChange(deps, tx, ctx, 'published', row, { itemIds });
    return toAdminView(row, members);
  });
}

export async function unpublishBundle(deps: CatalogDeps, ctx: RequestContext, id: string, reason: string) {
  requireOffice(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const bundle = await loadLocked(tx, id);
    if (bundle.state !== 'published') throw bundleErrors.wrongState('这件“一件事”尚未发布');
    const row = await store.updateBundle(tx, id, {
      state: 'draft',
      published_at: null,
      updated_at: deps.clock.now(),
    });
    await recordChange(deps, tx, ctx, 'unpublished', row, { reason });
    return view(tx, row);
  });
}

export async function getForOffice(deps: CatalogDeps, ctx: RequestContext, id: string) {
  requireOffice(ctx);
  const row = await store.getBundle(deps.db, id);
  if (!row) throw bundleErrors.notFound(`“一件事” ${id} 不存在`);
  return view(deps.db, row);
}

export async function listForOffice(deps: CatalogDeps, ctx: RequestContext) {
  requireOffice(ctx);
  const rows = await store.listBundles(deps.db);
  return {
    items: rows.map(({ member_count, ...row }) => {
      const { members: _members, ...rest } = toAdminView(row, []);
      return { ...rest, memberCount: member_count };
    }),
  };
}
