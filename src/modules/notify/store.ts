// SQL for the notify schema. Nothing else reads or writes these tables.
import type { Executor } from '../../platform/db/index.ts';

export type RecipientKind = 'citizen' | 'staff';

type NotificationTable = {
  id: string;
  recipient_kind: RecipientKind;
  recipient_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
};
type NotifyTables = { 'notify.notification': NotificationTable };

export type NotificationRow = NotificationTable;
export type Recipient = { kind: RecipientKind; id: string };

const q = (db: Executor) => db.withTables<NotifyTables>();
const inbox = (db: Executor, r: Recipient) =>
  q(db)
    .selectFrom('notify.notification')
    .where('recipient_id', '=', r.id)
    .where('recipient_kind', '=', r.kind);

export async function insert(tx: Executor, row: NotificationRow): Promise<void> {
  await q(tx).insertInto('notify.notification').values(row).execute();
}

export async function list(
  db: Executor,
  r: Recipient,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NotificationRow[]> {
  let query = inbox(db, r).selectAll();
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute();
}

export async function count(db: Executor, r: Recipient, unreadOnly: boolean): Promise<number> {
  let query = inbox(db, r).select((eb) => eb.fn.countAll<number>().as('n'));
  if (unreadOnly) query = query.where('read_at', 'is', null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the recipient's own unread notifications read: the given ids, or all when ids is null. */
export async function markRead(db: Executor, r: Recipient, ids: readonly string[] | null, at: Date) {
  let query = q(db)
    .updateTable('notify.notification')
    .set({ read_at: at })
    .where('recipient_id', '=', r.id)
    .where('recipient_kind', '=', r.kind)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', [...ids]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
