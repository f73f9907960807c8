// SQL for the audit schema. Nothing else reads or writes these tables.
import type { Executor } from '../../platform/db/index.ts';

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

export async function lockHead(tx: Executor): Promise<HeadTable> {
  return q(tx).selectFrom('audit.head').selectAll().where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
}

export async function append(tx: Executor, row: EntryTable): Promise<void> {
  await q(tx)
    .insertInto('audit.entry')
    .values({ ...row, summary: JSON.stringify(row.summary) })
    .execute();
  await q(tx).updateTable('audit.head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
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
