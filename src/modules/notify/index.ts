// notify: the in-app notification inbox (站内消息). Owns schema `notify`. Calls no other module.
// Other modules call `send` inside their own transaction; people read their inbox over HTTP.
// SMS and e-mail delivery come later through the provider port in ports.ts.
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import * as service from './service.ts';

export type { DeliveryChannel, NotificationProvider, OutboundMessage } from './ports.ts';
export { notifyRoutes } from './routes.ts';
export type { NotificationPage, NotificationView } from './schema.ts';
export { maskPersonalData, type NotificationInput } from './service.ts';

export function createNotify(deps: Pick<PlatformDeps, 'db' | 'clock'>) {
  const notify: service.NotifyDeps = { db: deps.db, clock: deps.clock };
  return {
    /** One notification to one person, written in the caller's transaction; returns its id. */
    send: (tx: Executor, input: service.NotificationInput) => service.send(notify, tx, input),
    /** The caller's own inbox, newest first, 20 a page, with the unread count. */
    list: (ctx: RequestContext, options: { unreadOnly?: boolean; page?: number } = {}) =>
      service.list(notify, ctx, options),
    unreadCount: (ctx: RequestContext) => service.unreadCount(notify, ctx),
    markRead: (ctx: RequestContext, which: { ids: readonly string[] } | { all: true }) =>
      service.markRead(notify, ctx, which),
  };
}
export type NotifyModule = ReturnType<typeof createNotify>;
