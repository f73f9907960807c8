// Audit request and response shapes (pure zod, shared with the web front end).
import { z } from 'zod';

export const AuditQuery = z
  .object({
    action: z.string().max(100).optional(),
    actorId: z.uuid().optional(),
    subjectId: z.string().max(200).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    beforeSeq: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorKind: z.string(),
  actorName: z.string(),
  onBehalfOf: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  outcome: z.enum(['success', 'failure']),
  requestId: z.string(),
  ip: z.string(),
  summary: z.unknown(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), nextBeforeSeq: z.number().nullable() });

export const VerifyView = z.object({
  ok: z.boolean(),
  count: z.number(),
  firstBadSeq: z.number().nullable(),
  reason: z.string().nullable(),
  headHash: z.string().nullable(),
});
