// sharing's exchange (共享交换, decision 0014): subscriptions to change notices of published resources,
// signed webhook deliveries retried with backoff and dead letters, or pull with a cursor. Created by
// sharing's index; its outbox handlers and delivery job are wired in the composition root.
import type { RequestContext } from '../../../platform/context.ts';
import type { EventHandler } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { SharingDeps } from '../deps.ts';
import * as delivery from './delivery.ts';
import type { SubscriptionInput } from './schema.ts';
import * as service from './service.ts';

export { exchangeRoutes } from './routes.ts';
export type { ExchangeOptions } from './service.ts';

export function createExchange(deps: SharingDeps, overrides: Partial<service.ExchangeOptions> = {}) {
  // loopback and private-network webhook targets only in demo mode (and tests that ask for it)
  const options = { ...service.defaultOptions(deps.config.isDemo), ...overrides };
  const onChange: EventHandler = (event, tx) => delivery.onResourceChanged(deps, event, tx);
  return {
    options,
    subscribe: (ctx: RequestContext, input: SubscriptionInput) =>
      service.subscribe(deps, options, ctx, input),
    list: (actor: Actor) => service.list(deps, actor),
    get: (actor: Actor, id: string) => service.get(deps, actor, id),
    pause: (ctx: RequestContext, id: string) => service.change(deps, ctx, id, 'pause'),
    resume: (ctx: RequestContext, id: string) => service.change(deps, ctx, id, 'resume'),
    remove: (ctx: RequestContext, id: string) => service.change(deps, ctx, id, 'delete'),
    deliveries: (actor: Actor, id: string, status: string | null, limit: number) =>
      service.deliveries(deps, actor, id, status, limit),
    subscribers: (actor: Actor, resourceId: string) => service.subscribers(deps, actor, resourceId),
    deadLetters: (actor: Actor, limit: number) => service.deadLetters(deps, actor, limit),
    replay: (ctx: RequestContext, id: string, deliveryId: string | null) =>
      service.replay(deps, ctx, id, deliveryId),
    changes: (actor: Actor, id: string, after: string | undefined, limit: number) =>
      service.changes(deps, actor, id, after, limit),
    /** outbox handlers: resource changes become notices and queued deliveries */
    handlers: Object.fromEntries(delivery.CHANGE_EVENTS.map((type) => [type, [onChange]])) as Record<
      string,
      EventHandler[]
    >,
    /** the delivery job (`runJobs`): POSTs due deliveries; returns how many were attempted */
    deliverPending: (extra: Partial<service.ExchangeOptions> = {}) =>
      delivery.deliverPending(deps, { ...options, ...extra }),
  };
}
export type ExchangeModule = ReturnType<typeof createExchange>;
