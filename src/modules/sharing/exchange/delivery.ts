// The exchange's background side (decision 0014): the outbox handler that turns resource changes into
// notices and queued deliveries, and the delivery job that POSTs signed notices with retries.
import type { Executor } from '../../../platform/db/index.ts';
import type { OutboxEvent } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import type { SharingDeps } from '../deps.ts';
import { postPinned } from './post.ts';
import type { Notice } from './schema.ts';
import { backoffMs, type ExchangeOptions } from './service.ts';
import { HEADER_ID, HEADER_SIGNATURE, HEADER_TIMESTAMP, signatureOf } from './sign.ts';
import * as store from './store.ts';
import { resolveTarget } from './target.ts';

// ── the outbox handler: in the dispatcher's transaction, only reads and enqueues ──
export const CHANGE_EVENTS = ['sharing.data-loaded', 'sharing.resource-published', 'sharing.api-mounted'];

export async function onResourceChanged(deps: SharingDeps, event: OutboxEvent, tx: Executor) {
  const resourceId = event.payload.resourceId;
  if (typeof resourceId !== 'string') return;
  const resource = await store.publishedResource(tx, resourceId);
  if (!resource) return;
  const now = deps.clock.now();
  let version = typeof event.payload.version === 'number' ? event.payload.version : null;
  let counts: Notice['counts'] = null;
  let at = now;
  const loadId = typeof event.payload.loadId === 'string' ? event.payload.loadId : null;
  if (loadId) {
    const load = await store.loadOf(tx, loadId);
    if (load) {
      version = load.version;
      counts = {
        rows: load.row_count,
        accepted: load.row_count - load.rejected_count,
        rejected: load.rejected_count,
      };
      at = new Date(load.created_at);
    }
  }
  const notice: Notice = {
    id: event.id,
    type: event.type,
    resource: { id: resource.id, code: resource.code, name: resource.name },
    version,
    loadId,
    counts,
    occurredAt: at.toISOString(),
  };
  const seq = await store.insertChange(tx, { id: event.id, resourceId, type: event.type, notice, at: now });
  if (seq) await store.enqueueDeliveries(tx, seq, resourceId, now);
}

// ── the delivery job ──
type Work = Awaited<ReturnType<typeof store.claimDue>>[number];

/**
 * Sends due deliveries with `concurrency` workers fed from a shared queue, refilled by one claim of a
 * few at a time: a receiver that hangs holds only its own worker (until the timeout) while the others
 * go on. At most `batch` deliveries per round; returns how many were attempted.
 */
export async function deliverPending(deps: SharingDeps, options: ExchangeOptions): Promise<number> {
  const queue: Work[] = [];
  let claimed = 0;
  let isDrained = false;
  let refilling: Promise<void> | null = null;
  const refill = () => {
    refilling ??= (async () => {
      const now = deps.clock.now();
      const lease = new Date(now.getTime() + options.timeoutMs + 60_000);
      const want = Math.min(options.concurrency * 2, options.batch - claimed);
      const rows = want > 0 ? await store.claimDue(deps.db, now, lease, want) : [];
      claimed += rows.length;
      queue.push(...rows);
      if (rows.length < want || claimed >= options.batch) isDrained = true;
    })().finally(() => {
      refilling = null;
    });
    return refilling;
  };
  const worker = async () => {
    for (;;) {
      const job = queue.shift();
      if (job) await deliverOne(deps, options, job);
      else if (isDrained) break;
      else await refill();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return claimed;
}

async function deliverOne(deps: SharingDeps, options: ExchangeOptions, job: Work) {
  const body = JSON.stringify(job.notice);
  const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
  let statusCode: number | null = null;
  let error: string | null = null;
  const started = performance.now();
  try {
    // resolved once: the address checked is the address connected to (no DNS rebinding in between)
    const target = await resolveTarget(job.url, options.allowPrivateTargets);
    if (target.problem !== null) throw new Error(target.problem);
    statusCode = await postPinned(
      job.url,
      target.pinned,
      {
        'content-type': 'application/json',
        'user-agent': 'Yiwang-Webhook/1',
        [HEADER_ID]: job.change_id,
        [HEADER_TIMESTAMP]: timestamp,
        [HEADER_SIGNATURE]: signatureOf(job.signing, deps.cipher.decrypt(job.secret), timestamp, body),
      },
      body,
      options.timeoutMs,
    );
    if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    error =
      name === 'TimeoutError' || name === 'AbortError'
        ? `超时（${options.timeoutMs} ms 内未响应）`
        : `连接失败：${e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)}`;
  }
  const latency = Math.round(performance.now() - started);
  const at = deps.clock.now();
  const isDead = error !== null && job.attempts >= options.maxAttempts;
  await store.finishAttempt(
    deps.db,
    {
      id: newId(),
      delivery_id: job.id,
      attempt: job.attempts,
      at,
      status_code: statusCode,
      latency_ms: latency,
      error: error?.slice(0, 500) ?? null,
      is_ok: error === null,
    },
    error === null
      ? { status: 'delivered', next: null }
      : isDead
        ? { status: 'dead', next: null }
        : { status: 'pending', next: new Date(at.getTime() + backoffMs(options, job.attempts)) },
  );
}
