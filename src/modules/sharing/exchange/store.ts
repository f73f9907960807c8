// SQL for sharing's exchange tables (subscription, change, delivery, delivery_attempt).
import { type Executor, sql } from '../../../platform/db/index.ts';
import type { Notice } from './schema.ts';

export type SubscriptionRow = {
  id: string;
  resource_id: string;
  department_id: string;
  department_name: string;
  mode: 'webhook' | 'pull';
  url: string | null;
  signing: 'hmac-sha256' | 'ed25519' | null;
  secret: string | null;
  public_key: string | null;
  status: 'active' | 'paused' | 'deleted';
  start_seq: string;
  created_by: string | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
};
export type SubscriptionFull = SubscriptionRow & {
  resource_code: string | null;
  resource_name: string;
  pending: number;
  delivered: number;
  dead: number;
};
export type DeliveryRow = {
  id: string;
  subscription_id: string;
  change_seq: string;
  status: 'pending' | 'delivered' | 'dead' | 'cancelled';
  attempts: number;
  next_attempt_at: Date;
  claimed_until: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  dead_at: Date | null;
  created_at: Date;
};
export type DeliveryFull = DeliveryRow & { event_id: string; type: string };
export type AttemptRow = {
  id: string;
  delivery_id: string;
  attempt: number;
  at: Date;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  is_ok: boolean;
};

// ── resources (sharing's own tables, read here for names) ──
export async function publishedResource(db: Executor, id: string) {
  const { rows } = await sql<{
    id: string;
    code: string | null;
    name: string;
    department_id: string;
    share_type: 'unconditional' | 'conditional' | 'none';
  }>`
    select r.id, r.code, v.name, r.department_id, v.share_type from sharing.resource r
    join sharing.resource_version v on v.id = r.published_version_id where r.id = ${id}`.execute(db);
  return rows[0] ?? null;
}
/** Whether the department holds a live grant on the resource (the gateway's rule: active, not expired). */
export async function hasLiveGrant(db: Executor, resourceId: string, departmentId: string, now: Date) {
  const { rows } = await sql`select 1 from sharing.share_grant
    where resource_id = ${resourceId} and consumer_department_id = ${departmentId} and state = 'active'
      and (expires_at is null or expires_at > ${now}) limit 1`.execute(db);
  return rows.length > 0;
}
export async function resourceExists(db: Executor, id: string) {
  const { rows } = await sql`select 1 from sharing.resource where id = ${id}`.execute(db);
  return rows.length > 0;
}
export async function loadOf(db: Executor, loadId: string) {
  const { rows } = await sql<{
    version: number;
    row_count: number;
    rejected_count: number;
    created_at: Date;
  }>`
    select v.version, l.row_count, l.rejected_count, l.created_at from sharing.data_load l
    join sharing.resource_version v on v.id = l.version_id where l.id = ${loadId}`.execute(db);
  return rows[0] ?? null;
}

// ── subscriptions ──
const FULL = sql`
  select s.*, r.code as resource_code, coalesce(v.name, '') as resource_name,
    (select count(*)::int from sharing.delivery d where d.subscription_id = s.id and d.status = 'pending') as pending,
    (select count(*)::int from sharing.delivery d where d.subscription_id = s.id and d.status = 'delivered') as delivered,
    (select count(*)::int from sharing.delivery d where d.subscription_id = s.id and d.status = 'dead') as dead
  from sharing.subscription s join sharing.resource r on r.id = s.resource_id
  left join sharing.resource_version v on v.id = r.published_version_id`;

export async function insertSubscription(tx: Executor, row: Omit<SubscriptionRow, 'start_seq'>) {
  await sql`
    insert into sharing.subscription (id, resource_id, department_id, department_name, mode, url, signing,
      secret, public_key, status, start_seq, created_by, created_by_name, created_at, updated_at)
    values (${row.id}, ${row.resource_id}, ${row.department_id}, ${row.department_name}, ${row.mode},
      ${row.url}, ${row.signing}, ${row.secret}, ${row.public_key}, ${row.status},
      (select coalesce(max(seq), 0) from sharing.change), ${row.created_by}, ${row.created_by_name},
      ${row.created_at}, ${row.updated_at})`.execute(tx);
}
export async function getSubscription(db: Executor, id: string): Promise<SubscriptionFull | null> {
  const { rows } = await sql<SubscriptionFull>`${FULL} where s.id = ${id} and s.status <> 'deleted'`.execute(
    db,
  );
  return rows[0] ?? null;
}
export async function listSubscriptions(db: Executor, departmentId: string) {
  const { rows } = await sql<SubscriptionFull>`
    ${FULL} where s.department_id = ${departmentId} and s.status <> 'deleted'
    order by s.created_at desc limit 500`.execute(db);
  return rows;
}
export async function subscribersOf(db: Executor, resourceId: string) {
  const { rows } = await sql<SubscriptionFull>`
    ${FULL} where s.resource_id = ${resourceId} and s.status <> 'deleted' order by s.created_at`.execute(db);
  return rows;
}
export async function setStatus(tx: Executor, id: string, status: SubscriptionRow['status'], now: Date) {
  await sql`update sharing.subscription set status = ${status}, updated_at = ${now} where id = ${id}`.execute(
    tx,
  );
  if (status === 'deleted')
    await sql`update sharing.delivery set status = 'cancelled', claimed_until = null
      where subscription_id = ${id} and status in ('pending', 'dead')`.execute(tx);
}

// ── the change feed ──
/**
 * Adds a change (once per event id); returns its seq, or null when the event was already recorded.
 *
 * The pull cursor is the last `seq` a reader saw, so the feed must never show a seq while a lower one
 * can still appear. A bigserial alone does not promise that: with two nodes dispatching the outbox
 * (SKIP LOCKED hands them different events at once), node A may take seq 10, node B seq 11, and B commit
 * first — a reader then moves past 11 and never sees 10. The feed's writers therefore take one
 * transaction-scoped advisory lock before drawing the seq and hold it until commit: seqs become visible
 * strictly in order (an aborted writer only leaves a gap), and the pull can hand out plain seqs. The
 * lock covers only this insert's transaction (the dispatcher's, for one event), so it serialises short
 * transactions of resource changes, which are rare next to reads. The outbox ids (made in the app when
 * the event is emitted) are no cursor either: they follow emit time, not commit time.
 */
export async function insertChange(
  tx: Executor,
  change: { id: string; resourceId: string; type: string; notice: Notice; at: Date },
) {
  await sql`select pg_advisory_xact_lock(hashtextextended('sharing:change-feed', 0))`.execute(tx);
  const { rows } = await sql<{ seq: string }>`
    insert into sharing.change (id, resource_id, type, notice, created_at)
    values (${change.id}, ${change.resourceId}, ${change.type}, ${JSON.stringify(change.notice)}::jsonb, ${change.at})
    on conflict (id) do nothing returning seq`.execute(tx);
  return rows[0]?.seq ?? null;
}
/** Queues the change for webhook subscribers that may still follow the resource: the provider, or a
 * department whose grant is live (a revoked or expired grant, or 不予共享, gets no further notices). */
export async function enqueueDeliveries(tx: Executor, seq: string, resourceId: string, now: Date) {
  const { rows } = await sql<{ id: string }>`
    insert into sharing.delivery (id, subscription_id, change_seq, status, next_attempt_at, created_at)
    select gen_random_uuid(), s.id, ${seq}, 'pending', ${now}, ${now} from sharing.subscription s
    join sharing.resource r on r.id = s.resource_id
    join sharing.resource_version v on v.id = r.published_version_id
    where s.resource_id = ${resourceId} and s.mode = 'webhook' and s.status in ('active', 'paused')
      and s.start_seq < ${seq}
      and (s.department_id = r.department_id or v.share_type <> 'none' and exists (
        select 1 from sharing.share_grant g where g.resource_id = s.resource_id
          and g.consumer_department_id = s.department_id and g.state = 'active'
          and (g.expires_at is null or g.expires_at > ${now})))
    on conflict (subscription_id, change_seq) do nothing returning id`.execute(tx);
  return rows.length;
}
export async function changesAfter(db: Executor, resourceId: string, after: string, limit: number) {
  const { rows } = await sql<{ seq: string; notice: Notice }>`
    select seq::text as seq, notice from sharing.change
    where resource_id = ${resourceId} and seq > ${after} order by seq limit ${limit}`.execute(db);
  return rows;
}

// ── deliveries ──
/**
 * Claims due deliveries of active subscriptions (SKIP LOCKED: safe with several nodes) whose department
 * may still follow the resource — enqueueDeliveries' rule, checked again now: a notice queued before a
 * grant was revoked or expired waits (pending) and is sent only if a live grant comes back.
 */
export async function claimDue(db: Executor, now: Date, until: Date, limit: number) {
  const { rows } = await sql<{ id: string }>`
    update sharing.delivery set claimed_until = ${until}, attempts = attempts + 1
    where id in (
      select d.id from sharing.delivery d join sharing.subscription s on s.id = d.subscription_id
      join sharing.resource r on r.id = s.resource_id
      join sharing.resource_version v on v.id = r.published_version_id
      where d.status = 'pending' and s.status = 'active' and d.next_attempt_at <= ${now}
        and (d.claimed_until is null or d.claimed_until < ${now})
        and (s.department_id = r.department_id or v.share_type <> 'none' and exists (
          select 1 from sharing.share_grant g where g.resource_id = s.resource_id
            and g.consumer_department_id = s.department_id and g.state = 'active'
            and (g.expires_at is null or g.expires_at > ${now})))
      order by d.next_attempt_at, d.change_seq limit ${limit}
      for update of d skip locked)
    returning id`.execute(db);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const work = await sql<{
    id: string;
    attempts: number;
    change_id: string;
    notice: Notice;
    url: string;
    signing: 'hmac-sha256' | 'ed25519';
    secret: string;
  }>`
    select d.id, d.attempts, c.id as change_id, c.notice, s.url, s.signing, s.secret
    from sharing.delivery d join sharing.change c on c.seq = d.change_seq
    join sharing.subscription s on s.id = d.subscription_id
    where d.id in (${sql.join(ids)}) order by d.change_seq`.execute(db);
  return work.rows;
}
/**
 * Records one attempt and its outcome in a single statement (atomic without a transaction): delivered,
 * retry at `next`, or dead. A delivery cancelled meanwhile keeps its state; the attempt is still kept.
 */
export async function finishAttempt(
  db: Executor,
  a: AttemptRow,
  outcome: { status: 'delivered' | 'pending' | 'dead'; next: Date | null },
) {
  await sql`
    with attempt as (
      insert into sharing.delivery_attempt (id, delivery_id, attempt, at, status_code, latency_ms, error, is_ok)
      values (${a.id}, ${a.delivery_id}, ${a.attempt}, ${a.at}, ${a.status_code}, ${a.latency_ms}, ${a.error},
        ${a.is_ok}))
    update sharing.delivery set status = ${outcome.status},
      delivered_at = case when ${outcome.status} = 'delivered' then ${a.at}::timestamptz end,
      dead_at = case when ${outcome.status} = 'dead' then ${a.at}::timestamptz end,
      next_attempt_at = coalesce(${outcome.next}::timestamptz, next_attempt_at),
      last_status_code = ${a.status_code}::int, last_error = ${a.error}::text, claimed_until = null
    where id = ${a.delivery_id} and status = 'pending'`.execute(db);
}
const DELIVERY = sql`
  select d.*, d.change_seq::text as change_seq, c.id as event_id, c.type
  from sharing.delivery d join sharing.change c on c.seq = d.change_seq`;
export async function deliveriesOf(
  db: Executor,
  subscriptionId: string,
  status: string | null,
  limit: number,
) {
  const { rows } = await sql<DeliveryFull>`
    ${DELIVERY} where d.subscription_id = ${subscriptionId}
      and (${status}::text is null or d.status = ${status})
    order by d.change_seq desc limit ${limit}`.execute(db);
  return rows;
}
export async function getDelivery(db: Executor, subscriptionId: string, id: string) {
  const { rows } = await sql<DeliveryFull>`
    ${DELIVERY} where d.subscription_id = ${subscriptionId} and d.id = ${id}`.execute(db);
  return rows[0] ?? null;
}
export async function attemptsOf(db: Executor, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  const { rows } = await sql<AttemptRow>`
    select * from sharing.delivery_attempt where delivery_id in (${sql.join(deliveryIds)})
    order by delivery_id, attempt`.execute(db);
  return rows;
}
export async function deadLetters(db: Executor, limit: number) {
  const { rows } = await sql<
    DeliveryFull & { department_name: string; resource_name: string; url: string | null }
  >`
    select d.*, d.change_seq::text as change_seq, c.id as event_id, c.type, s.department_name, s.url,
      coalesce(v.name, '') as resource_name
    from sharing.delivery d join sharing.change c on c.seq = d.change_seq
    join sharing.subscription s on s.id = d.subscription_id
    join sharing.resource r on r.id = s.resource_id
    left join sharing.resource_version v on v.id = r.published_version_id
    where d.status = 'dead' order by d.dead_at desc limit ${limit}`.execute(db);
  return rows;
}
/** Puts all dead deliveries of a subscription, or one dead or delivered one, back in the queue. */
export async function replay(tx: Executor, subscriptionId: string, deliveryId: string | null, now: Date) {
  const { rows } = await sql<{ id: string }>`
    update sharing.delivery set status = 'pending', attempts = 0, next_attempt_at = ${now},
      dead_at = null, delivered_at = null, claimed_until = null
    where subscription_id = ${subscriptionId}
      and (${deliveryId}::uuid is null and status = 'dead'
        or id = ${deliveryId}::uuid and status in ('dead', 'delivered'))
    returning id`.execute(tx);
  return rows.length;
}
