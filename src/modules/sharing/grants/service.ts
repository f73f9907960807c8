// 共享申请 and 共享授权: a consuming department's data officer requests a published resource (purpose,
// legal basis, fields, period); 无条件共享 is granted at once, 有条件共享 waits for the provider's data
// officer (who may narrow fields, filter rows, unmask sensitive items, set a daily quota and expiry, or
// reject with a reason); 不予共享 cannot be requested. The provider revokes; the gateway re-reads the
// grant on every call. Every step: permission, row, audit entry, outbox event in one transaction.
import type { RequestContext } from '../../../platform/context.ts';
import { type Executor, sql } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import type { SharingDeps } from '../deps.ts';
import type { DataItem } from '../schema.ts';
import * as store from '../store.ts';
import { actorOfCtx } from '../use-cases/catalog.ts';
import { grantErrors } from './errors.ts';
import {
  GRANT_SELECT,
  type GrantRow,
  getGrantRow,
  getRequestRow,
  grantView,
  MASKS,
  REQUEST_SELECT,
  type RequestRow,
  requestView,
  type StoredFilter,
} from './rows.ts';
import type { ApproveInput, RequestInput } from './schema.ts';

const isOfficer = (a: Actor) => a.roles.includes('data_officer') && a.departmentId !== null;
function departmentOf(actor: Actor): string {
  if (!isOfficer(actor) || !actor.departmentId) throw grantErrors.requestNotFound();
  return actor.departmentId;
}

/** The resource with its published version's share type and items. */
async function published(db: Executor, resourceId: string) {
  const r = await store.getResource(db, resourceId);
  const v = r?.published_version_id ? await store.getVersion(db, r.published_version_id) : undefined;
  return r && v ? { r, v } : null;
}

async function insertGrant(
  tx: Executor,
  q: { id: string; resource_id: string; provider_department_id: string; consumer_department_id: string },
  g: {
    consumerName: string;
    purpose: string;
    fields: string[];
    rowFilter: StoredFilter[];
    unmasked: string[];
    dailyQuota: number | null;
    expiresAt: Date | null;
    approvedBy: string | null;
    now: Date;
  },
) {
  const id = newId();
  await sql`insert into sharing.share_grant (id, request_id, resource_id, provider_department_id,
    consumer_department_id, consumer_department_name, purpose, fields, row_filter, unmasked, daily_quota,
    expires_at, state, approved_by_name, created_at) values (${id}, ${q.id}, ${q.resource_id},
    ${q.provider_department_id}, ${q.consumer_department_id}, ${g.consumerName}, ${g.purpose}, ${g.fields},
    ${JSON.stringify(g.rowFilter)}::jsonb, ${g.unmasked}, ${g.dailyQuota}, ${g.expiresAt}, 'active',
    ${g.approvedBy}, ${g.now})`.execute(tx);
  return id;
}

export async function requestShare(deps: SharingDeps, ctx: RequestContext, input: RequestInput) {
  const actor = actorOfCtx(ctx);
  const consumer = departmentOf(actor);
  const found = await published(deps.db, input.resourceId);
  if (!found) throw grantErrors.resourceNotFound(input.resourceId);
  const { r, v } = found;
  if (v.share_type === 'none') throw grantErrors.notShareable(v.share_basis ?? undefined);
  if (r.department_id === consumer) throw grantErrors.ownResource();
  const keys = new Set(v.items.map((i) => i.key));
  const unknown = input.fields.filter((f) => !keys.has(f));
  if (unknown.length > 0) throw grantErrors.badRequest(`资源中没有信息项：${unknown.join('、')}`);
  if (input.periodTo < input.periodFrom) throw grantErrors.badRequest('使用期限的结束日期早于开始日期');
  const department = await deps.org.getDepartment(consumer);
  const now = deps.clock.now();
  const fields = [...new Set(input.fields)];
  return deps.db.transaction().execute(async (tx) => {
    const id = newId();
    await sql`insert into sharing.share_request (id, resource_id, provider_department_id,
      consumer_department_id, consumer_department_name, purpose, legal_basis, fields, period_from, period_to,
      state, requested_by, requested_by_name, created_at) values (${id}, ${r.id}, ${r.department_id},
      ${consumer}, ${department?.name ?? ''}, ${input.purpose}, ${input.legalBasis}, ${fields},
      ${input.periodFrom}, ${input.periodTo}, 'pending', ${actor.accountId}, ${actor.displayName},
      ${now})`.execute(tx);
    await emit(tx, 'sharing.share-requested', {
      requestId: id,
      resourceId: r.id,
      consumerDepartmentId: consumer,
    });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-request.create',
      subjectType: 'sharing-request',
      subjectId: id,
      summary: { resourceId: r.id, fields, shareType: v.share_type },
    });
    if (v.share_type === 'unconditional') {
      // 无条件共享: granted at once, everything sensitive masked, until the end of the period asked for
      const grantId = await insertGrant(
        tx,
        { id, resource_id: r.id, provider_department_id: r.department_id, consumer_department_id: consumer },
        {
          consumerName: department?.name ?? '',
          purpose: input.purpose,
          fields,
          rowFilter: [],
          unmasked: [],
          dailyQuota: null,
          expiresAt: endOfBeijingDay(input.periodTo),
          approvedBy: null,
          now,
        },
      );
      await sql`update sharing.share_request set state = 'granted', decided_at = ${now},
        decided_by_name = '无条件共享（自动）', grant_id = ${grantId} where id = ${id}`.execute(tx);
      await emit(tx, 'sharing.grant-created', { grantId, requestId: id, resourceId: r.id, automatic: true });
      await deps.audit.record(tx, ctx, {
        action: 'sharing-grant.create',
        subjectType: 'sharing-grant',
        subjectId: grantId,
        summary: { requestId: id, automatic: true, fields },
      });
    }
    const row = await getRequestRow(tx, id);
    if (!row) throw grantErrors.requestNotFound(id);
    return requestView(row);
  });
}

/** 24:00 Beijing time of a day (the grant ends with the period's last day). */
export const endOfBeijingDay = (d: string) => new Date(Date.parse(`${d}T16:00:00Z`));
export const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The provider's data officer sees the request; the consumer's too (read-only). */
async function requestFor(db: Executor, actor: Actor, id: string, as: 'provider' | 'either') {
  const dept = departmentOf(actor);
  const q = await getRequestRow(db, id);
  const ok =
    q && (q.provider_department_id === dept || (as === 'either' && q.consumer_department_id === dept));
  if (!q || !ok) throw grantErrors.requestNotFound(id);
  return q;
}

export async function getRequest(deps: SharingDeps, actor: Actor, id: string) {
  return requestView(await requestFor(deps.db, actor, id, 'either'));
}

function checkFilters(items: DataItem[], input: ApproveInput['rowFilter'], deps: SharingDeps) {
  const out: StoredFilter[] = [];
  for (const f of input) {
    const item = items.find((i) => i.key === f.key);
    if (!item) throw grantErrors.badRequest(`行过滤的信息项「${f.key}」不存在`);
    const isSensitive = item.sensitivity !== 'general';
    out.push({
      key: f.key,
      isSensitive,
      values: isSensitive ? f.values.map((x) => MASKS[item.sensitivity as keyof typeof MASKS](x)) : f.values,
      idx: isSensitive ? f.values.map((x) => deps.cipher.blindIndex(x)) : [],
    });
  }
  return out;
}

export async function approve(deps: SharingDeps, ctx: RequestContext, id: string, input: ApproveInput) {
  const actor = actorOfCtx(ctx);
  const q = await requestFor(deps.db, actor, id, 'provider');
  if (q.state !== 'pending') throw grantErrors.wrongState('申请已处理');
  const found = await published(deps.db, q.resource_id);
  if (!found) throw grantErrors.requestNotFound(id);
  const { v } = found;
  const fields = input.fields ? [...new Set(input.fields)] : q.fields;
  const beyond = fields.filter((f) => !q.fields.includes(f));
  if (beyond.length > 0) throw grantErrors.badRequest(`只能在申请的信息项中缩小范围：${beyond.join('、')}`);
  const unmasked = [...new Set(input.unmasked)];
  for (const key of unmasked) {
    const item = v.items.find((i) => i.key === key);
    if (!item || item.sensitivity === 'general' || !fields.includes(key))
      throw grantErrors.badRequest(`「${key}」不是授权范围内的敏感信息项`);
  }
  if (unmasked.length > 0 && v.share_type !== 'conditional')
    throw grantErrors.badRequest('只有有条件共享的资源经审批才能提供未脱敏的敏感信息项');
  const rowFilter = checkFilters(v.items, input.rowFilter, deps);
  const now = deps.clock.now();
  // a grant may end earlier than the period asked for, never later, and not before today
  if (input.expiresOn && (input.expiresOn < beijingDay(now) || input.expiresOn > q.period_to))
    throw grantErrors.badRequest(`授权截止日期应在今天至申请期限 ${q.period_to} 之间`);
  const expiresAt = input.expiresOn ? endOfBeijingDay(input.expiresOn) : endOfBeijingDay(q.period_to);
  const department = await deps.org.getDepartment(q.consumer_department_id);
  return deps.db.transaction().execute(async (tx) => {
    const locked = (
      await sql<{
        state: string;
      }>`select state from sharing.share_request where id = ${id} for update`.execute(tx)
    ).rows[0];
    if (locked?.state !== 'pending') throw grantErrors.wrongState('申请已处理');
    const grantId = await insertGrant(tx, q, {
      consumerName: department?.name ?? q.consumer_department_name,
      purpose: q.purpose,
      fields,
      rowFilter,
      unmasked,
      dailyQuota: input.dailyQuota,
      expiresAt,
      approvedBy: actor.displayName,
      now,
    });
    await sql`update sharing.share_request set state = 'granted', decided_at = ${now},
      decided_by_name = ${actor.displayName}, grant_id = ${grantId} where id = ${id}`.execute(tx);
    await emit(tx, 'sharing.grant-created', {
      grantId,
      requestId: id,
      resourceId: q.resource_id,
      automatic: false,
    });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-request.approve',
      subjectType: 'sharing-request',
      subjectId: id,
      summary: {
        grantId,
        fields,
        unmasked,
        filters: rowFilter.map((f) => f.key),
        dailyQuota: input.dailyQuota,
        expiresAt: expiresAt.toISOString(),
      },
    });
    const row = await getRequestRow(tx, id);
    if (!row) throw grantErrors.requestNotFound(id);
    return requestView(row);
  });
}

export async function reject(deps: SharingDeps, ctx: RequestContext, id: string, reason: string) {
  const actor = actorOfCtx(ctx);
  const q = await requestFor(deps.db, actor, id, 'provider');
  if (q.state !== 'pending') throw grantErrors.wrongState('申请已处理');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const done = await sql`update sharing.share_request set state = 'rejected', decided_at = ${now},
      decided_by_name = ${actor.displayName}, reject_reason = ${reason}
      where id = ${id} and state = 'pending'`.execute(tx);
    if (Number(done.numAffectedRows ?? 0) !== 1) throw grantErrors.wrongState('申请已处理');
    await emit(tx, 'sharing.share-rejected', { requestId: id, resourceId: q.resource_id });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-request.reject',
      subjectType: 'sharing-request',
      subjectId: id,
      summary: { reason },
    });
    const row = await getRequestRow(tx, id);
    if (!row) throw grantErrors.requestNotFound(id);
    return requestView(row);
  });
}

/** mine: what my department asked for / holds; provided: what others asked of / hold on my resources. */
export async function listRequests(deps: SharingDeps, actor: Actor, side: 'mine' | 'provided') {
  const dept = departmentOf(actor);
  const where =
    side === 'mine' ? sql`q.consumer_department_id = ${dept}` : sql`q.provider_department_id = ${dept}`;
  const { rows } = await sql<RequestRow>`${REQUEST_SELECT} where ${where}
    order by (q.state = 'pending') desc, q.created_at desc limit 500`.execute(deps.db);
  return { items: rows.map(requestView) };
}

export async function listGrants(deps: SharingDeps, actor: Actor, side: 'mine' | 'provided') {
  const dept = departmentOf(actor);
  const where =
    side === 'mine' ? sql`g.consumer_department_id = ${dept}` : sql`g.provider_department_id = ${dept}`;
  const { rows } = await sql<GrantRow>`${GRANT_SELECT} where ${where}
    order by g.created_at desc limit 500`.execute(deps.db);
  const now = deps.clock.now();
  return { items: rows.map((g) => grantView(g, now)) };
}

export async function getGrant(deps: SharingDeps, actor: Actor, id: string) {
  const dept = departmentOf(actor);
  const g = await getGrantRow(deps.db, id);
  if (!g || (g.provider_department_id !== dept && g.consumer_department_id !== dept))
    throw grantErrors.grantNotFound(id);
  return grantView(g, deps.clock.now());
}

export async function revoke(deps: SharingDeps, ctx: RequestContext, id: string, reason: string) {
  const actor = actorOfCtx(ctx);
  const dept = departmentOf(actor);
  const g = await getGrantRow(deps.db, id);
  if (!g || g.provider_department_id !== dept) throw grantErrors.grantNotFound(id);
  if (g.state !== 'active') throw grantErrors.wrongState('授权已撤销');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const done = await sql`update sharing.share_grant set state = 'revoked', revoked_at = ${now},
      revoked_by_name = ${actor.displayName}, revoke_reason = ${reason}
      where id = ${id} and state = 'active'`.execute(tx);
    if (Number(done.numAffectedRows ?? 0) !== 1) throw grantErrors.wrongState('授权已撤销');
    await emit(tx, 'sharing.grant-revoked', { grantId: id, resourceId: g.resource_id });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-grant.revoke',
      subjectType: 'sharing-grant',
      subjectId: id,
      summary: { reason },
    });
    const row = await getGrantRow(tx, id);
    if (!row) throw grantErrors.grantNotFound(id);
    return grantView(row, now);
  });
}
