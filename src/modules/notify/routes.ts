// The signed-in person's own inbox: list, unread count, mark read. Nobody reads another's inbox.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/access.ts';
import type { NotifyModule } from './index.ts';
import { MarkReadBody, MarkReadResult, NotificationPage, NotificationQuery, UnreadCount } from './schema.ts';

const signedIn = { access: 'user' as const };
const tags = ['notify'];

export function notifyRoutes(notify: NotifyModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/notifications',
      {
        config: signedIn,
        schema: {
          tags,
          summary: '我的消息',
          querystring: NotificationQuery,
          response: { 200: NotificationPage },
        },
      },
      async (req) =>
        notify.list(contextOf(req), { unreadOnly: req.query.unreadOnly === 'true', page: req.query.page }),
    );
    app.get(
      '/api/notifications/unread-count',
      { config: signedIn, schema: { tags, summary: '未读消息数', response: { 200: UnreadCount } } },
      async (req) => ({ unread: await notify.unreadCount(contextOf(req)) }),
    );
    app.post(
      '/api/notifications/read',
      {
        config: signedIn,
        schema: {
          tags,
          summary: '标记消息为已读（指定 ids 或 all）',
          body: MarkReadBody,
          response: { 200: MarkReadResult },
        },
      },
      async (req) => notify.markRead(contextOf(req), req.body),
    );
  };
  return plugin;
}
