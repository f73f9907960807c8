// Exchange verbs: subscribe / pause / resume / delete, delivery history, dead letters and replays and
// the pull feed (decision 0014). The outbox handler and the delivery job are in delivery.ts.
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import type { SharingDeps } from '../deps.ts';
import { actorOfCtx } from '../use-cases/catalog.ts';
import { exchangeErrors } from './errors.ts';
import type { DeliveryView, SubscriptionInput, SubscriptionView } from './schema.ts';
import { newKey } from './sign.ts';
import * as store from './store.ts';
import { targetProblem, urlProblem } from './target.ts';

export type ExchangeOptions = {
  /** per-request timeout of a webhook POST */
  timeoutMs: number;
  /** attempts before a delivery becomes a dead letter */
  maxAttempts: number;
  /** webhook POSTs in flight at once per node */
  concurrency: number;
  /** deliveries claimed per round */
  batch: number;
  /** the first retry delay; each next one is 4× longer, capped at maxDelayMs, ±20 % jitter */
  baseDelayMs: number;
  maxDelayMs: number;
  /** loopback and private-network targets allowed (demo mode and tests); refused otherwise */
  allowPrivateTargets: boolean;
};
export const defaultOptions = (allowPrivateTargets: boolean): ExchangeOptions => ({
  timeoutMs: 5000,
  maxAttempts: 8,
  concurrency: 8,
  batch: 100,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3600_000,
  allowPrivateTargets,
});

/** The delay before attempt n+1 after n failed attempts: base·4^(n−1), capped, ±20 % jitter. */
export function backoffMs(options: ExchangeOptions, failedAttempts: number, random = Math.random()) {
  const plain = Math.min(options.maxDelayMs, options.baseDelayMs * 4 ** Math.max(0, failedAttempts - 1));
  return Math.round(plain * (0.8 + 0.4 * random));
}

const isBureau = (actor: Actor) => actor.roles.includes('data_reviewer');
const isOwner = (actor: Actor, s: { department_id: string }) =>
  actor.roles.includes('data_officer') && actor.departmentId === s.department_id;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toView(s: store.SubscriptionFull): SubscriptionView {
  return {
    id: s.id,
    resourceId: s.resource_id,
    resourceCode: s.resource_code,
    resourceName: s.resource_name,
    departmentName: s.department_name,
    mode: s.mode,
    url: s.url,
    signing: s.signing,
    publicKey: s.public_key,
    status: s.status,
    createdAt: new Date(s.created_at).toISOString(),
    createdByName: s.created_by_name,
    counts: { pending: s.pending, delivered: s.delivered, dead: s.dead },
  };
}

async function withHistory(db: Executor, rows: store.DeliveryFull[]): Promise<DeliveryView[]> {
  const attempts = await store.attemptsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((d) => ({
    id: d.id,
    subscriptionId: d.subscription_id,
    eventId: d.event_id,
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    lastStatusCode: d.last_status_code,
    lastError: d.last_error,
    deliveredAt: iso(d.delivered_at),
    deadAt: iso(d.dead_at),
    createdAt: new Date(d.created_at).toISOString(),
    history: attempts
      .filter((a) => a.delivery_id === d.id)
      .map((a) => ({
        attempt: a.attempt,
        at: new Date(a.at).toISOString(),
        statusCode: a.status_code,
        latencyMs: a.latency_ms,
        error: a.error,
        isOk: a.is_ok,
      })),
  }));
}

/** A subscription the actor may see (its department's officers, the data bureau); others get 404. */
async function seeable(deps: SharingDeps, actor: Actor, id: string) {
  const s = await store.getSubscription(deps.db, id);
  if (!s || !(isOwner(actor, s) || isBureau(actor))) throw exchangeErrors.subscriptionNotFound(id);
  return s;
}
async function owned(deps: SharingDeps, actor: Actor, id: string) {
  const s = await store.getSubscription(deps.db, id);
  if (!s || !isOwner(actor, s)) throw exchangeErrors.subscriptionNotFound(id);
  return s;
}

/**
 * Change notices are for the departments that may read the data: the provider itself, or a department
 * with a live grant — the gateway's rule, for 无条件 resources too (their grant comes at once on request).
 * 不予共享 is refused outright (no grant can exist, and an old one no longer counts).
 */
async function mayFollow(
  deps: SharingDeps,
  resource: { id: string; department_id: string; share_type: string },
  departmentId: string,
) {
  if (resource.department_id === departmentId) return;
  if (resource.share_type === 'none') throw exchangeErrors.notShared();
  if (!(await store.hasLiveGrant(deps.db, resource.id, departmentId, deps.clock.now())))
    throw exchangeErrors.noGrant('请先申请共享并获得授权后再订阅');
}

/** The published resource a subscription follows; one no longer published is refused (409). */
async function followed(deps: SharingDeps, resourceId: string) {
  const resource = await store.publishedResource(deps.db, resourceId);
  if (!resource) throw exchangeErrors.notPublished('信息资源已不在发布状态');
  return resource;
}

// ── subscriptions ──
export async function subscribe(
  deps: SharingDeps,
  options: ExchangeOptions,
  ctx: RequestContext,
  input: SubscriptionInput,
) {
  const actor = actorOfCtx(ctx);
  if (!actor.departmentId) throw exchangeErrors.noDepartment();
  const resource = await store.publishedResource(deps.db, input.resourceId);
  if (!resource) {
    if (await store.resourceExists(deps.db, input.resourceId))
      throw exchangeErrors.notPublished(input.resourceId);
    throw exchangeErrors.resourceNotFound(input.resourceId);
  }
  await mayFollow(deps, resource, actor.departmentId);
  let url: string | null = null;
  if (input.mode === 'webhook') {
    if (!input.url)
      throw exchangeErrors.badTarget('推送方式需要填写回调地址', [{ path: 'url', message: '必填' }]);
    const problem = urlProblem(input.url) ?? (await targetProblem(input.url, options.allowPrivateTargets));
    if (problem) throw exchangeErrors.badTarget(problem, [{ path: 'url', message: problem }]);
    url = input.url;
  }
  const department = await deps.org.getDepartment(actor.departmentId);
  if (!department) throw exchangeErrors.noDepartment();
  const key = input.mode === 'webhook' ? newKey(input.signing) : null;
  const id = newId();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await store.insertSubscription(tx, {
      id,
      resource_id: resource.id,
      department_id: department.id,
      department_name: department.name,
      mode: input.mode,
      url,
      signing: key ? input.signing : null,
      secret: key ? deps.cipher.encrypt(key.secret) : null,
      public_key: key?.publicKey ?? null,
      status: 'active',
      created_by: actor.accountId,
      created_by_name: actor.displayName,
      created_at: now,
      updated_at: now,
    });
    await emit(tx, 'sharing.subscription-created', {
      subscriptionId: id,
      resourceId: resource.id,
      mode: input.mode,
    });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-subscription.create',
      subjectType: 'sharing-subscription',
      subjectId: id,
      summary: {
        resourceId: resource.id,
        code: resource.code,
        mode: input.mode,
        url,
        signing: key ? input.signing : null,
      },
    });
  });
  const view = toView((await store.getSubscription(deps.db, id)) as store.SubscriptionFull);
  // the HMAC secret is shown once, here; an Ed25519 private key never leaves the platform
  return { ...view, secret: key && input.signing === 'hmac-sha256' ? key.secret : null };
}

export async function list(deps: SharingDeps, actor: Actor) {
  if (!actor.departmentId) return { items: [] };
  return { items: (await store.listSubscriptions(deps.db, actor.departmentId)).map(toView) };
}
export const get = async (deps: SharingDeps, actor: Actor, id: string) =>
  toView(await seeable(deps, actor, id));

const NEXT_STATUS = { pause: 'paused', resume: 'active', delete: 'deleted' } as const;
export async function change(
  deps: SharingDeps,
  ctx: RequestContext,
  id: string,
  verb: 'pause' | 'resume' | 'delete',
) {
  const actor = actorOfCtx(ctx);
  const s = await owned(deps, actor, id);
  if ((verb === 'pause' && s.status !== 'active') || (verb === 'resume' && s.status !== 'paused'))
    throw exchangeErrors.wrongState(verb === 'pause' ? '订阅不在生效状态' : '订阅未暂停');
  if (verb === 'resume') {
    const resource = await store.publishedResource(deps.db, s.resource_id);
    if (resource) await mayFollow(deps, resource, s.department_id);
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await store.setStatus(tx, id, NEXT_STATUS[verb], now);
    await emit(tx, `sharing.subscription-${verb === 'delete' ? 'deleted' : `${verb}d`}`, {
      subscriptionId: id,
    });
    await deps.audit.record(tx, ctx, {
      action: `sharing-subscription.${verb}`,
      subjectType: 'sharing-subscription',
      subjectId: id,
      summary: { resourceId: s.resource_id },
    });
  });
}

// ── deliveries, dead letters, replay ──
export async function deliveries(
  deps: SharingDeps,
  actor: Actor,
  id: string,
  status: string | null,
  limit: number,
) {
  await seeable(deps, actor, id);
  return { items: await withHistory(deps.db, await store.deliveriesOf(deps.db, id, status, limit)) };
}
export async function deadLetters(deps: SharingDeps, actor: Actor, limit: number) {
  const rows = isBureau(actor) ? await store.deadLetters(deps.db, limit) : [];
  const views = await withHistory(deps.db, rows);
  return {
    items: views.map((v, i) => ({
      ...v,
      departmentName: rows[i]?.department_name ?? '',
      resourceName: rows[i]?.resource_name ?? '',
      url: rows[i]?.url ?? null,
    })),
  };
}
export async function replay(deps: SharingDeps, ctx: RequestContext, id: string, deliveryId: string | null) {
  const actor = actorOfCtx(ctx);
  const s = await seeable(deps, actor, id);
  await mayFollow(deps, await followed(deps, s.resource_id), s.department_id);
  if (deliveryId) {
    const d = await store.getDelivery(deps.db, id, deliveryId);
    if (!d) throw exchangeErrors.deliveryNotFound(deliveryId);
    if (d.status !== 'dead' && d.status !== 'delivered')
      throw exchangeErrors.wrongState('只能重放已送达或投递失败的通知');
  }
  return deps.db.transaction().execute(async (tx) => {
    const replayed = await store.replay(tx, id, deliveryId, deps.clock.now());
    await emit(tx, 'sharing.deliveries-replayed', { subscriptionId: id, deliveryId, replayed });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-subscription.replay',
      subjectType: 'sharing-subscription',
      subjectId: id,
      summary: { deliveryId, replayed },
    });
    return { replayed };
  });
}

/** The provider's officers and the bureau see who subscribes to a resource (departments, not URLs). */
export async function subscribers(deps: SharingDeps, actor: Actor, resourceId: string) {
  const resource = await store.publishedResource(deps.db, resourceId);
  if (!resource || !(isOwner(actor, resource) || isBureau(actor)))
    throw exchangeErrors.subscriptionNotFound(resourceId);
  const rows = await store.subscribersOf(deps.db, resourceId);
  return {
    items: rows.map((s) => ({
      departmentName: s.department_name,
      mode: s.mode,
      status: s.status,
      createdAt: new Date(s.created_at).toISOString(),
      counts: { pending: s.pending, delivered: s.delivered, dead: s.dead },
    })),
  };
}

// ── pull ──
export async function changes(
  deps: SharingDeps,
  actor: Actor,
  id: string,
  after: string | undefined,
  limit: number,
) {
  const s = await owned(deps, actor, id);
  await mayFollow(deps, await followed(deps, s.resource_id), s.department_id);
  const from = after && BigInt(after) > BigInt(s.start_seq) ? after : String(s.start_seq);
  const rows = await store.changesAfter(deps.db, s.resource_id, from, limit);
  return {
    changes: rows.map((r) => ({ ...r.notice, cursor: r.seq })),
    next: rows.at(-1)?.seq ?? from,
  };
}
