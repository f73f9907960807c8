// SQL for the audit schema. Nothing else reads or writes these tables.
import { type Executor, sql } from '../../platform/db/index.ts';

type EntryTable = {
  seq: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_kind: string;
  actor_name: string;
  on_behalf_of: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  outcome: 'success' | 'failure';
  request_id: string;
  ip: string;
  summary: unknown;
  prev_hash: string;
  hash: string;
};
type HeadTable = { id: number; seq: number; hash: string };
type AuditTables = { 'audit.entry': EntryTable; 'audit.head': HeadTable };

export type EntryRow = EntryTable;

const q = (db: Executor) => db.withTables<AuditTables>();

/** An entry without its place in the chain: seq, prev_hash and hash are taken from the head. */
export type NewEntry = Omit<EntryTable, 'seq' | 'prev_hash' | 'hash'>;

/**
 * Appends one entry in a single statement: locks the head, numbers the entry after it, hashes it in the
 * database (sha256 of the previous hash, a newline and `before + seq + after`, the entry's canonical JSON)
 * and moves the head. The head stays locked until commit; one round trip keeps that short.
 */
export async function appendAtHead(
  tx: Executor,
  row: NewEntry,
  canonical: { before: string; after: string },
): Promise<{ seq: number; hash: string }> {
  const { rows } = await sql<{ seq: number; hash: string }>`
    with head as (select seq, hash from audit.head where id = 1 for update),
    entry as (
      insert into audit.entry (seq, id, at, actor_id, actor_kind, actor_name, on_behalf_of, action,
        subject_type, subject_id, outcome, request_id, ip, summary, prev_hash, hash)
      select head.seq + 1, ${row.id}, ${row.at}, ${row.actor_id}, ${row.actor_kind}, ${row.actor_name},
        ${row.on_behalf_of}, ${row.action}, ${row.subject_type}, ${row.subject_id}, ${row.outcome},
        ${row.request_id}, ${row.ip}, ${JSON.stringify(row.summary)}::jsonb, head.hash,
        encode(sha256(convert_to(
          head.hash || chr(10) || ${canonical.before}::text || (head.seq + 1)::text || ${canonical.after}::text,
          'UTF8')), 'hex')
      from head
      returning seq, hash
    )
    update audit.head set seq = entry.seq, hash = entry.hash from entry where audit.head.id = 1
    returning entry.seq, entry.hash`.execute(tx);
  const appended = rows[0];
  if (!appended) throw new Error('audit head missing');
  return { seq: Number(appended.seq), hash: appended.hash };
}

export async function readHead(db: Executor): Promise<HeadTable> {
  return q(db).selectFrom('audit.head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function readBatch(db: Executor, afterSeq: number, limit: number): Promise<EntryRow[]> {
  return q(db)
    .selectFrom('audit.entry')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export type EntryFilter = {
  action?: string;
  actorId?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
};

export async function search(db: Executor, f: EntryFilter): Promise<EntryRow[]> {
  let query = q(db).selectFrom('audit.entry').selectAll();
  if (f.action) query = query.where('action', 'like', `${f.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (f.actorId) query = query.where('actor_id', '=', f.actorId);
  if (f.subjectId) query = query.where('subject_id', '=', f.subjectId);
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.to) query = query.where('at', '<', f.to);
  if (f.beforeSeq) query = query.where('seq', '<', f.beforeSeq);
  return query.orderBy('seq', 'desc').limit(f.limit).execute();
}
