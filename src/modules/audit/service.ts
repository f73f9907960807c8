// Recording and verifying the audit chain. `record` is called by every state-changing service verb
// in every module, inside that verb's transaction, so the entry commits with the change or not at all.
import type { RequestContext } from '../../platform/context.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { type ChainContent, canonicalAroundSeq, chainHash, GENESIS_HASH } from './chain.ts';
import * as store from './store.ts';

export type AuditInput = {
  action: string;
  subjectType?: string;
  subjectId?: string;
  outcome?: 'success' | 'failure';
  /** a short before/after summary; never plaintext personal data */
  summary?: Record<string, unknown>;
  /** overrides the context's actor (e.g. a failed login names the account it targeted) */
  actorId?: string | null;
  actorName?: string;
};

export type AuditClock = { now(): Date };

export async function record(tx: Executor, ctx: RequestContext, clock: AuditClock, input: AuditInput) {
  const actor = ctx.actor;
  const content: Omit<ChainContent, 'seq'> = {
    at: clock.now().toISOString(),
    actor: {
      id: input.actorId !== undefined ? input.actorId : (actor?.accountId ?? null),
      kind: actor?.kind ?? (input.actorId ? 'account' : 'system'),
      name: input.actorName ?? actor?.displayName ?? (input.actorId ? '' : '系统'),
    },
    onBehalfOf: actor?.enterpriseId ?? null,
    action: input.action,
    subject: { type: input.subjectType ?? '', id: input.subjectId ?? '' },
    outcome: input.outcome ?? 'success',
    requestId: ctx.requestId,
    ip: ctx.ip,
    summary: input.summary ?? {},
  };
  // numbered and hashed at the head, in one statement (see store.appendAtHead)
  return store.appendAtHead(
    tx,
    {
      id: newId(),
      at: new Date(content.at),
      actor_id: content.actor.id,
      actor_kind: content.actor.kind,
      actor_name: content.actor.name,
      on_behalf_of: content.onBehalfOf,
      action: content.action,
      subject_type: content.subject.type,
      subject_id: content.subject.id,
      outcome: content.outcome,
      request_id: content.requestId,
      ip: content.ip,
      summary: content.summary,
    },
    canonicalAroundSeq(content),
  );
}

export function contentOf(row: store.EntryRow): ChainContent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, kind: row.actor_kind, name: row.actor_name },
    onBehalfOf: row.on_behalf_of,
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    outcome: row.outcome,
    requestId: row.request_id,
    ip: row.ip,
    summary: row.summary,
  };
}

export type VerifyResult =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; firstBadSeq: number; reason: string };

/** Walks the whole chain in seq order and names the first entry that does not hold. */
export async function verifyChain(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  const head = await store.readHead(db);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const batch = await store.readBatch(db, expectedSeq - 1, 5000);
    if (batch.length === 0) break;
    for (const row of batch) {
      const bad = (reason: string): VerifyResult => ({ ok: false, count, firstBadSeq: expectedSeq, reason });
      if (row.seq !== expectedSeq) return bad(`第 ${expectedSeq} 条记录缺失（下一条为第 ${row.seq} 条）`);
      if (row.prev_hash !== prevHash) return bad(`第 ${row.seq} 条记录的前序哈希与上一条不符`);
      if (chainHash(prevHash, contentOf(row)) !== row.hash)
        return bad(`第 ${row.seq} 条记录的内容与其哈希不符`);
      prevHash = row.hash;
      expectedSeq++;
      count++;
    }
    onProgress?.(count);
  }
  if (head.seq !== count || head.hash !== prevHash) {
    return {
      ok: false,
      count,
      firstBadSeq: count + 1,
      reason: `链尾被截断：链头记录为第 ${head.seq} 条，实际只有 ${count} 条`,
    };
  }
  return { ok: true, count, headHash: prevHash };
}
