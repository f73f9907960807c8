// audit: the tamper-evident, hash-chained log of every state change (全程留痕). Owns schema `audit`.
// Every module calls `record` inside its own transaction. Calls no other module.
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditEntryView, AuditQuery } from './schema.ts';
import { type AuditInput, record, verifyChain } from './service.ts';
import * as store from './store.ts';

export { auditRoutes } from './routes.ts';
export type { AuditInput, VerifyResult } from './service.ts';

export function createAudit(deps: PlatformDeps) {
  return {
    record: (tx: Executor, ctx: RequestContext, input: AuditInput) => record(tx, ctx, deps.clock, input),
    verify: (onProgress?: (checked: number) => void) => verifyChain(deps.db, onProgress),
    async verifyAndRecord(ctx: RequestContext) {
      const result = await verifyChain(deps.db);
      await deps.db.transaction().execute((tx) =>
        record(tx, ctx, deps.clock, {
          action: 'audit.verify',
          outcome: result.ok ? 'success' : 'failure',
          summary: result.ok ? { count: result.count } : { firstBadSeq: result.firstBadSeq },
        }),
      );
      return {
        ok: result.ok,
        count: result.count,
        firstBadSeq: result.ok ? null : result.firstBadSeq,
        reason: result.ok ? null : result.reason,
        headHash: result.ok ? result.headHash : null,
      };
    },
    async searchEntries(query: z.infer<typeof AuditQuery>) {
      const rows = await store.search(deps.db, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
      const items: AuditEntryView[] = rows.map((r) => ({
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorKind: r.actor_kind,
        actorName: r.actor_name,
        onBehalfOf: r.on_behalf_of,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        outcome: r.outcome,
        requestId: r.request_id,
        ip: r.ip,
        summary: r.summary,
        hash: r.hash,
      }));
      const last = items.at(-1);
      return { items, nextBeforeSeq: items.length === query.limit && last ? last.seq : null };
    },
  };
}
export type AuditModule = ReturnType<typeof createAudit>;
