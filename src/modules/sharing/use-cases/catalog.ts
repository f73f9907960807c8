// The resource catalog's verbs: a department's data officer registers and edits its resources
// (部门资源目录) and submits them; the data bureau (数据局) publishes or rejects with a reason; editing a
// published resource makes a new version. Every step: permission, row, audit entry, outbox event.
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { errors, type FieldProblem } from '../../../platform/errors.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { indexText } from '../../../platform/search-text.ts';
import { codePrefix, resourceCode, STANDARD_XIANG } from '../codes.ts';
import type { SharingDeps } from '../deps.ts';
import { sharingErrors } from '../errors.ts';
import { canEdit, canSeeWorking, isReviewer } from '../policy.ts';
import type { MineQuery, ResourceInput } from '../schema.ts';
import * as store from '../store.ts';
import { toResourceView, toSummary } from '../views.ts';

export const actorOfCtx = (ctx: RequestContext): Actor => {
  if (!ctx.actor) throw errors.unauthenticated();
  return ctx.actor;
};

/** The rules zod cannot see: share type needs conditions or a basis, items are consistent, codes exist. */
async function checkMetadata(db: Executor, input: ResourceInput): Promise<FieldProblem[]> {
  const p: FieldProblem[] = [];
  const c = input.classification;
  if (c.attribute !== 'department' && !STANDARD_XIANG[c.attribute][c.xiang.code])
    p.push({
      path: 'classification.xiang.code',
      message: `「${c.xiang.code}」不是${c.attribute === 'basic' ? '基础' : '主题'}信息资源目录的项`,
    });
  if (c.attribute === 'department' && !c.xiang.name)
    p.push({ path: 'classification.xiang.name', message: '部门信息资源的项需要名称' });
  if (input.shareType === 'conditional' && !input.shareConditions)
    p.push({ path: 'shareConditions', message: '有条件共享须写明共享条件' });
  if (input.shareType === 'none' && !input.shareBasis)
    p.push({ path: 'shareBasis', message: '不予共享须写明法律、行政法规或政策依据' });
  if (input.shareType === 'none' && input.openType !== 'none')
    p.push({ path: 'openType', message: '不予共享的资源不能向社会开放' });
  if (input.openType === 'conditional' && !input.openConditions)
    p.push({ path: 'openConditions', message: '有条件开放须写明开放条件' });
  const keys = new Set<string>();
  const names = new Set<string>();
  input.items.forEach((item, i) => {
    const at = `items.${i}`;
    if (keys.has(item.key)) p.push({ path: `${at}.key`, message: `英文名「${item.key}」重复` });
    if (names.has(item.name)) p.push({ path: `${at}.name`, message: `信息项名称「${item.name}」重复` });
    keys.add(item.key);
    names.add(item.name);
    if ((item.type === 'C' || item.type === 'N') && item.length === undefined)
      p.push({ path: `${at}.length`, message: '字符型和数值型信息项须给出长度' });
    const r = item.rules;
    if (r.pattern) {
      try {
        new RegExp(r.pattern, 'u');
      } catch {
        p.push({ path: `${at}.rules.pattern`, message: '不是有效的正则表达式' });
      }
    }
    if (r.min !== undefined && r.max !== undefined && r.min > r.max)
      p.push({ path: `${at}.rules.min`, message: '下限大于上限' });
    if ((r.min !== undefined || r.max !== undefined) && !['N', 'Y', 'I', 'B', 'F'].includes(item.type))
      p.push({ path: `${at}.rules.min`, message: '取值范围只适用于数值类信息项' });
  });
  const fresh = input.quality.freshness;
  const freshItem = fresh && input.items.find((i) => i.key === fresh.itemKey);
  if (fresh && (!freshItem || !['D', 'T'].includes(freshItem.type)))
    p.push({ path: 'quality.freshness.itemKey', message: '时效规则须指向日期型或日期时间型信息项' });
  for (const [i, item] of input.items.entries()) {
    const ref = item.rules.references;
    if (!ref) continue;
    const target = await store.publishedByCode(db, ref.resourceCode);
    if (!target?.items.some((t) => t.key === ref.itemKey))
      p.push({
        path: `items.${i}.rules.references`,
        message: `已发布资源 ${ref.resourceCode} 中没有信息项「${ref.itemKey}」`,
      });
  }
  const known = new Set(await store.publishedCodes(db, input.relatedCodes));
  input.relatedCodes.forEach((code, i) => {
    if (!known.has(code)) p.push({ path: `relatedCodes.${i}`, message: `没有已发布的资源代码 ${code}` });
  });
  return p;
}

function contentOf(input: ResourceInput, departmentName: string): store.VersionContent {
  const c = input.classification;
  const xiangName =
    c.attribute === 'department' ? (c.xiang.name ?? '') : STANDARD_XIANG[c.attribute][c.xiang.code];
  const content: store.VersionContent = {
    name: input.name,
    summary: input.summary,
    attribute: c.attribute,
    xiang_code: c.xiang.code,
    xiang_name: xiangName,
    mu_code: c.mu.code,
    mu_name: c.mu.name,
    ximu_code: c.ximu?.code ?? null,
    ximu_name: c.ximu?.name ?? null,
    format: input.format,
    share_type: input.shareType,
    share_conditions: input.shareConditions || null,
    share_basis: input.shareBasis || null,
    share_method: input.shareMethod,
    open_type: input.openType,
    open_conditions: input.openConditions || null,
    update_cycle: input.updateCycle,
    related_codes: input.relatedCodes,
    items: input.items,
    quality: input.quality,
    search_text: '',
  };
  content.search_text = indexText([
    input.name,
    input.summary,
    departmentName,
    xiangName,
    c.mu.name,
    c.ximu?.name ?? '',
    ...input.items.flatMap((i) => [i.name, i.description]),
  ]);
  return content;
}

async function validated(deps: SharingDeps, input: ResourceInput) {
  const problems = await checkMetadata(deps.db, input);
  if (problems.length > 0)
    throw sharingErrors.badMetadata(problems.map((x) => x.message).join('；'), problems);
}

export async function register(deps: SharingDeps, ctx: RequestContext, input: ResourceInput) {
  const write = await registration(deps, ctx, input);
  return deps.db.transaction().execute(write);
}

/**
 * Checks a registration (reading outside any transaction) and returns its write, to run in the
 * caller's transaction: the base databases register under a lock (basedb/ensure.ts).
 */
export async function registration(deps: SharingDeps, ctx: RequestContext, input: ResourceInput) {
  const actor = actorOfCtx(ctx);
  if (!actor.departmentId) throw sharingErrors.noDepartment();
  const department = await deps.org.getDepartment(actor.departmentId);
  if (!department) throw sharingErrors.noDepartment();
  await validated(deps, input);
  const now = deps.clock.now();
  return async (tx: Tx) => {
    const resource: store.ResourceRow = {
      id: newId(),
      code: null,
      department_id: department.id,
      department_name: department.name,
      department_code: department.uscc,
      published_version_id: null,
      working_version_id: null,
      mount_kind: 'none',
      api_mount: null,
      current_load_id: null,
      created_by: actor.accountId,
      created_at: now,
      updated_at: now,
    };
    const versionId = newId();
    await store.insertResource(tx, resource);
    await store.insertVersion(tx, {
      ...contentOf(input, department.name),
      id: versionId,
      resource_id: resource.id,
      version: 1,
      created_by: actor.accountId,
      created_at: now,
    });
    await store.setResource(tx, resource.id, { working_version_id: versionId }, now);
    await emit(tx, 'sharing.resource-registered', { resourceId: resource.id, departmentId: department.id });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-resource.register',
      subjectType: 'sharing-resource',
      subjectId: resource.id,
      summary: { name: input.name, version: 1 },
    });
    return viewOf(tx, resource.id, actor);
  };
}

/** Edits the working version, or starts a new one when only the published version exists. */
export async function update(deps: SharingDeps, ctx: RequestContext, id: string, input: ResourceInput) {
  const actor = actorOfCtx(ctx);
  const found = await store.getResource(deps.db, id);
  if (!found || !canEdit(actor, found)) throw sharingErrors.resourceNotFound(id);
  await validated(deps, input);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const r = await store.lockResource(tx, id);
    if (!r) throw sharingErrors.resourceNotFound(id);
    const content = contentOf(input, r.department_name);
    const published = r.published_version_id ? await store.getVersion(tx, r.published_version_id) : null;
    if (published && codePrefix(classOf(published)) !== codePrefix(classOf(content)))
      throw sharingErrors.wrongState(`已发布资源（${r.code}）的分类不能更改`);
    await refuseStoredItemChanges(tx, id, content);
    let version: number;
    if (r.working_version_id) {
      const working = await store.getVersion(tx, r.working_version_id);
      if (working?.state === 'submitted') throw sharingErrors.wrongState('已提交审核的版本不能修改');
      await store.updateContent(tx, r.working_version_id, content);
      version = working?.version ?? 1;
    } else {
      version = (published?.version ?? 0) + 1;
      const versionId = newId();
      await store.insertVersion(tx, {
        ...content,
        id: versionId,
        resource_id: id,
        version,
        created_by: actor.accountId,
        created_at: now,
      });
      await store.setResource(tx, id, { working_version_id: versionId }, now);
    }
    await store.setResource(tx, id, {}, now);
    await emit(tx, 'sharing.resource-edited', { resourceId: id, version });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-resource.edit',
      subjectType: 'sharing-resource',
      subjectId: id,
      summary: { name: input.name, version },
    });
    return viewOf(tx, id, actor);
  });
}

/**
 * Stored rows keep each value as its data item was when loaded: typed by `type`, field-encrypted when
 * `sensitivity` is not general. A version that changes either for an item that has stored values would
 * make those values unreadable (an encrypted value read as plain, a plain one decrypted), so the change
 * is refused while rows loaded under a version with that item remain — any version, not only the
 * published one (v1 sensitive x with rows, v2 without x, v3 with a general x would read v1's ciphertext
 * as plain); a new item (another key) can carry the new definition. Refusing is simpler and safer than
 * rewriting every row in the publishing transaction, which would have to convert values between types.
 */
async function refuseStoredItemChanges(
  tx: Executor,
  resourceId: string,
  next: Pick<store.VersionContent, 'items'>,
) {
  const stored = (await store.versionsWithRows(tx, resourceId)).flatMap((v) => v.items);
  const changed = next.items.filter((i) =>
    stored.some((old) => old.key === i.key && (old.type !== i.type || old.sensitivity !== i.sensitivity)),
  );
  if (changed.length > 0)
    throw sharingErrors.storedItemChanged(
      `信息项「${changed.map((i) => i.name).join('」「')}」已有挂接数据，不能更改类型或敏感级别；如需更改，请新增信息项`,
      changed.map((i) => ({
        path: `items.${next.items.indexOf(i)}`,
        message: `「${i.name}」已有挂接数据，类型和敏感级别须保持不变`,
      })),
    );
}

const classOf = (v: Pick<store.VersionContent, 'attribute' | 'xiang_code' | 'mu_code' | 'ximu_code'>) => ({
  attribute: v.attribute,
  xiang: v.xiang_code,
  mu: v.mu_code,
  ximu: v.ximu_code,
});

export async function submit(deps: SharingDeps, ctx: RequestContext, id: string) {
  const actor = actorOfCtx(ctx);
  return deps.db.transaction().execute(async (tx) => {
    const r = await store.lockResource(tx, id);
    if (!r || !canEdit(actor, r)) throw sharingErrors.resourceNotFound(id);
    const working = r.working_version_id ? await store.getVersion(tx, r.working_version_id) : null;
    if (!working || (working.state !== 'draft' && working.state !== 'rejected'))
      throw sharingErrors.wrongState('没有待提交的草稿');
    await store.setState(tx, working.id, 'submitted', deps.clock.now());
    await emit(tx, 'sharing.resource-submitted', { resourceId: id, version: working.version });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-resource.submit',
      subjectType: 'sharing-resource',
      subjectId: id,
      summary: { version: working.version },
    });
    return viewOf(tx, id, actor);
  });
}

/** 数据局 approves: the submitted version is published (the previous one superseded); a code on first publication. */
export async function approve(deps: SharingDeps, ctx: RequestContext, id: string) {
  const actor = actorOfCtx(ctx);
  if (!isReviewer(actor)) throw errors.forbidden();
  return deps.db.transaction().execute(async (tx) => {
    const r = await store.lockResource(tx, id);
    if (!r) throw sharingErrors.resourceNotFound(id);
    const working = r.working_version_id ? await store.getVersion(tx, r.working_version_id) : null;
    if (working?.state !== 'submitted') throw sharingErrors.wrongState('只有已提交的版本可以审核');
    // data may have been loaded on the published version since this one was edited
    await refuseStoredItemChanges(tx, id, working);
    const now = deps.clock.now();
    const prefix = codePrefix(classOf(working));
    const code = r.code ?? resourceCode(prefix, await store.nextSequence(tx, prefix));
    if (r.published_version_id) await store.setState(tx, r.published_version_id, 'superseded', now);
    await store.setState(tx, working.id, 'published', now, { by: actor.displayName });
    await store.setResource(
      tx,
      id,
      { code, published_version_id: working.id, working_version_id: null },
      now,
    );
    await emit(tx, 'sharing.resource-published', {
      resourceId: id,
      code,
      version: working.version,
      departmentId: r.department_id,
      shareType: working.share_type,
      openType: working.open_type,
    });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-resource.publish',
      subjectType: 'sharing-resource',
      subjectId: id,
      summary: { code, version: working.version },
    });
    return viewOf(tx, id, actor);
  });
}

export async function reject(deps: SharingDeps, ctx: RequestContext, id: string, reason: string) {
  const actor = actorOfCtx(ctx);
  if (!isReviewer(actor)) throw errors.forbidden();
  return deps.db.transaction().execute(async (tx) => {
    const r = await store.lockResource(tx, id);
    if (!r) throw sharingErrors.resourceNotFound(id);
    const working = r.working_version_id ? await store.getVersion(tx, r.working_version_id) : null;
    if (working?.state !== 'submitted') throw sharingErrors.wrongState('只有已提交的版本可以审核');
    await store.setState(tx, working.id, 'rejected', deps.clock.now(), { by: actor.displayName, reason });
    await emit(tx, 'sharing.resource-rejected', { resourceId: id, version: working.version });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-resource.reject',
      subjectType: 'sharing-resource',
      subjectId: id,
      summary: { version: working.version, reason },
    });
    return viewOf(tx, id, actor);
  });
}

/** The provider's officers and the data bureau see the working version; other staff the published one. */
export async function viewOf(db: Executor, id: string, actor: Actor) {
  const r = await store.getResource(db, id);
  if (!r) throw sharingErrors.resourceNotFound(id);
  const versionId = canSeeWorking(actor, r)
    ? (r.working_version_id ?? r.published_version_id)
    : r.published_version_id;
  const v = versionId ? await store.getVersion(db, versionId) : null;
  if (!v) throw sharingErrors.resourceNotFound(id);
  const published = r.published_version_id ? await store.getVersion(db, r.published_version_id) : null;
  return toResourceView(r, v, published?.version ?? null);
}

export async function listOwn(deps: SharingDeps, actor: Actor, query: MineQuery) {
  if (!actor.departmentId) return { items: [], total: 0, page: query.page };
  const found = await store.listOwn(deps.db, actor.departmentId, query.state, query.page);
  return { items: found.items.map((r) => toSummary(r, r.v)), total: found.total, page: query.page };
}

export async function reviewQueue(deps: SharingDeps, actor: Actor) {
  if (!isReviewer(actor)) throw errors.forbidden();
  const rows = await store.reviewQueue(deps.db);
  return { items: rows.map((r) => toSummary(r, r.v)), total: rows.length, page: 1 };
}
