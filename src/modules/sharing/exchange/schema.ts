// Request and response shapes of sharing's exchange: subscriptions, deliveries, the change feed.
import { z } from 'zod';

export const SubscriptionInput = z
  .object({
    resourceId: z.uuid(),
    mode: z.enum(['webhook', 'pull']),
    /** webhook only: an http(s) URL, at most 500 characters */
    url: z.string().trim().max(500).optional(),
    signing: z.enum(['hmac-sha256', 'ed25519']).default('hmac-sha256'),
  })
  .strict();
export type SubscriptionInput = z.infer<typeof SubscriptionInput>;

export const SubscriptionParams = z.object({ id: z.uuid() }).strict();
export const DeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() }).strict();
export const DeliveriesQuery = z
  .object({
    status: z.enum(['pending', 'delivered', 'dead', 'cancelled']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const ChangesQuery = z
  .object({
    /** the cursor of the last change already read ('' or absent: from the start of the subscription) */
    after: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export const DeadQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

/** A change notice: what changed, never the data itself. */
export const Notice = z.object({
  id: z.string(),
  type: z.string(),
  resource: z.object({ id: z.string(), code: z.string().nullable(), name: z.string() }),
  version: z.number().nullable(),
  loadId: z.string().nullable(),
  counts: z.object({ rows: z.number(), accepted: z.number(), rejected: z.number() }).nullable(),
  occurredAt: z.string(),
});
export type Notice = z.infer<typeof Notice>;

export const SubscriptionView = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceCode: z.string().nullable(),
  resourceName: z.string(),
  departmentName: z.string(),
  mode: z.enum(['webhook', 'pull']),
  url: z.string().nullable(),
  signing: z.enum(['hmac-sha256', 'ed25519']).nullable(),
  publicKey: z.string().nullable(),
  status: z.enum(['active', 'paused', 'deleted']),
  createdAt: z.string(),
  createdByName: z.string(),
  counts: z.object({ pending: z.number(), delivered: z.number(), dead: z.number() }),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;
/** Returned once, at creation: the HMAC secret (webhook + hmac-sha256); never shown again. */
export const CreatedSubscription = SubscriptionView.extend({ secret: z.string().nullable() });
export const SubscriptionList = z.object({ items: z.array(SubscriptionView) });

export const AttemptView = z.object({
  attempt: z.number(),
  at: z.string(),
  statusCode: z.number().nullable(),
  latencyMs: z.number(),
  error: z.string().nullable(),
  isOk: z.boolean(),
});
export const DeliveryView = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventId: z.string(),
  type: z.string(),
  status: z.enum(['pending', 'delivered', 'dead', 'cancelled']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  deadAt: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(AttemptView),
});
export type DeliveryView = z.infer<typeof DeliveryView>;
export const DeliveryList = z.object({ items: z.array(DeliveryView) });
export const DeadLetterView = DeliveryView.extend({
  departmentName: z.string(),
  resourceName: z.string(),
  url: z.string().nullable(),
});
export const DeadLetterList = z.object({ items: z.array(DeadLetterView) });
export const ReplayResult = z.object({ replayed: z.number() });
export const ChangeList = z.object({
  changes: z.array(Notice.extend({ cursor: z.string() })),
  /** pass as ?after= to read on; equals the request's cursor when nothing new */
  next: z.string(),
});
/** What a provider sees of the departments subscribed to its resource (no URL, no key). */
export const SubscriberList = z.object({
  items: z.array(
    z.object({
      departmentName: z.string(),
      mode: z.enum(['webhook', 'pull']),
      status: z.enum(['active', 'paused', 'deleted']),
      createdAt: z.string(),
      counts: z.object({ pending: z.number(), delivered: z.number(), dead: z.number() }),
    }),
  ),
});
