// Notification request and response shapes (pure zod, shared with the web front end).
import { z } from 'zod';

export const NOTIFICATION_PAGE_SIZE = 20;

export const NotificationQuery = z
  .object({
    unreadOnly: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** a path inside the web app (e.g. /me/cases/…), or null */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationPage = z.object({
  items: z.array(NotificationView),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ unread: z.number().int() });

/** Mark some (ids) or all of one's notifications read. */
export const MarkReadBody = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const MarkReadResult = z.object({ updated: z.number().int(), unread: z.number().int() });
