// Shapes and labels of the sharing pages for requests, grants, system clients and the call log. Types
// come from the sharing module's pure zod schemas (decision 0013).
import type { z } from 'zod';
import type {
  ClientCreated,
  ClientView,
  GrantView,
  LogList,
  RequestView,
  StatsView,
} from '../../../../modules/sharing/schema.ts';
import type { Tone } from '../../../common/StatusTag.tsx';

export type ShareRequest = z.infer<typeof RequestView>;
export type Grant = z.infer<typeof GrantView>;
export type SystemClient = z.infer<typeof ClientView>;
export type CreatedClient = z.infer<typeof ClientCreated>;
export type CallLog = z.infer<typeof LogList>;
export type Stats = z.infer<typeof StatsView>;

export const REQUEST_STATE: Record<ShareRequest['state'], { label: string; tone: Tone }> = {
  pending: { label: '待审批', tone: 'info' },
  granted: { label: '已授权', tone: 'success' },
  rejected: { label: '未同意', tone: 'danger' },
};
export const GRANT_STATE: Record<Grant['state'], { label: string; tone: Tone }> = {
  active: { label: '有效', tone: 'success' },
  revoked: { label: '已撤销', tone: 'danger' },
  expired: { label: '已过期', tone: 'neutral' },
};
export const day = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '—';
export const time = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
