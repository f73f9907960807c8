// The inbox verbs. `send` runs inside the caller's transaction, so a notification exists exactly when
// the change it announces committed. The reads and the read marks act on the caller's own inbox
// only: another person's id matches no row, so it has no effect and reveals nothing.
// Marking read is not audited: it changes nothing but the reader's own view.
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { maskIdNumber, maskPhone } from '../../platform/crypto.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { errors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { NOTIFICATION_PAGE_SIZE, type NotificationPage, type NotificationView } from './schema.ts';
import * as store from './store.ts';

export type NotifyDeps = { db: Db; clock: Clock };

export type NotificationInput = {
  recipient: store.Recipient;
  /** a dotted topic, e.g. `case.accepted` */
  kind: string;
  title: string;
  body: string;
  /** a path inside the web app, e.g. `/me/cases/<id>` */
  link?: string | null;
};

const KIND = /^[a-z][a-z0-9_.-]{0,59}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// a path in our own web app: one leading slash, not `//host`, no backslash, no control characters
const LINK = /^\/(?![/\\])[^\\\s\p{Cc}]{0,499}$/u;
const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
const PHONE = /\b1[3-9]\d{9}\b/g;

/** Personal numbers never reach an inbox in the clear, whatever the caller wrote. */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, maskIdNumber).replace(PHONE, maskPhone);
}

const clip = (text: string, max: number) => {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/**
 * Writes one notification in `tx`. A malformed kind, recipient or link is a programming error and
 * throws (rolling back the caller's change); text is masked and clipped (title 100, body 500).
 */
export async function send(deps: NotifyDeps, tx: Executor, input: NotificationInput): Promise<string> {
  if (!KIND.test(input.kind)) throw new Error(`notify: malformed kind ${JSON.stringify(input.kind)}`);
  if (!UUID.test(input.recipient.id) || !['citizen', 'staff'].includes(input.recipient.kind)) {
    throw new Error('notify: malformed recipient');
  }
  const link = input.link ?? null;
  if (link !== null && !LINK.test(link)) throw new Error(`notify: link must be an app path: ${link}`);
  const id = newId();
  await store.insert(tx, {
    id,
    recipient_kind: input.recipient.kind,
    recipient_id: input.recipient.id,
    kind: input.kind,
    title: clip(maskPersonalData(input.title), 100) || '通知',
    body: clip(maskPersonalData(input.body), 500),
    link,
    created_at: deps.clock.now(),
    read_at: null,
  });
  return id;
}

function recipientOf(ctx: RequestContext): store.Recipient {
  if (!ctx.actor) throw errors.unauthenticated();
  return { kind: ctx.actor.kind, id: ctx.actor.accountId };
}

const toView = (r: store.NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

export async function list(
  deps: NotifyDeps,
  ctx: RequestContext,
  options: { unreadOnly?: boolean; page?: number },
): Promise<NotificationPage> {
  const me = recipientOf(ctx);
  const page = options.page ?? 1;
  const unreadOnly = options.unreadOnly ?? false;
  const rows = await store.list(deps.db, me, {
    unreadOnly,
    limit: NOTIFICATION_PAGE_SIZE,
    offset: (page - 1) * NOTIFICATION_PAGE_SIZE,
  });
  const unread = await store.count(deps.db, me, true);
  const total = unreadOnly ? unread : await store.count(deps.db, me, false);
  return { items: rows.map(toView), page, pageSize: NOTIFICATION_PAGE_SIZE, total, unread };
}

export async function unreadCount(deps: NotifyDeps, ctx: RequestContext): Promise<number> {
  return store.count(deps.db, recipientOf(ctx), true);
}

/** Marks own notifications read (some ids, or all); others' ids and unknown ids change nothing. */
export async function markRead(
  deps: NotifyDeps,
  ctx: RequestContext,
  which: { ids: readonly string[] } | { all: true },
): Promise<{ updated: number; unread: number }> {
  const me = recipientOf(ctx);
  const ids = 'ids' in which ? [...new Set(which.ids)].filter((id) => UUID.test(id)) : null;
  const updated = ids && ids.length === 0 ? 0 : await store.markRead(deps.db, me, ids, deps.clock.now());
  return { updated, unread: await store.count(deps.db, me, true) };
}
