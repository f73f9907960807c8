// The rows of share requests and grants as read from the database, and their views (decision 0013).
import { maskIdNumber, maskName, maskPhone } from '../../../platform/crypto.ts';
import { type Executor, sql } from '../../../platform/db/index.ts';
import type { GrantView, RequestView } from './schema.ts';

export const MASKS = { 'id-number': maskIdNumber, phone: maskPhone, name: maskName } as const;
export type StoredFilter = { key: string; isSensitive: boolean; values: string[]; idx: string[] };

export type RequestRow = {
  id: string;
  resource_id: string;
  provider_department_id: string;
  consumer_department_id: string;
  consumer_department_name: string;
  purpose: string;
  legal_basis: string;
  fields: string[];
  period_from: string;
  period_to: string;
  state: 'pending' | 'granted' | 'rejected';
  requested_by_name: string;
  created_at: Date;
  decided_at: Date | null;
  decided_by_name: string | null;
  reject_reason: string | null;
  grant_id: string | null;
  resource_code: string | null;
  resource_name: string;
};
export type GrantRow = {
  id: string;
  request_id: string;
  resource_id: string;
  provider_department_id: string;
  consumer_department_id: string;
  consumer_department_name: string;
  purpose: string;
  fields: string[];
  row_filter: StoredFilter[];
  unmasked: string[];
  daily_quota: number | null;
  expires_at: Date | null;
  state: 'active' | 'revoked';
  approved_by_name: string | null;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
  resource_code: string | null;
  resource_name: string;
};

export const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
export const day = (d: string | Date) => (typeof d === 'string' ? d : new Date(d).toISOString().slice(0, 10));

export const REQUEST_SELECT = sql`select q.*, to_char(q.period_from, 'YYYY-MM-DD') as period_from,
  to_char(q.period_to, 'YYYY-MM-DD') as period_to, r.code as resource_code, v.name as resource_name
  from sharing.share_request q join sharing.resource r on r.id = q.resource_id
  join sharing.resource_version v on v.id = r.published_version_id`;
export const GRANT_SELECT = sql`select g.*, r.code as resource_code, v.name as resource_name
  from sharing.share_grant g join sharing.resource r on r.id = g.resource_id
  join sharing.resource_version v on v.id = r.published_version_id`;

export const getRequestRow = async (db: Executor, id: string) =>
  (await sql<RequestRow>`${REQUEST_SELECT} where q.id = ${id}`.execute(db)).rows[0];
export const getGrantRow = async (db: Executor, id: string) =>
  (await sql<GrantRow>`${GRANT_SELECT} where g.id = ${id}`.execute(db)).rows[0];

export function requestView(q: RequestRow): RequestView {
  return {
    id: q.id,
    resourceId: q.resource_id,
    resourceCode: q.resource_code,
    resourceName: q.resource_name,
    providerDepartmentId: q.provider_department_id,
    consumerDepartmentId: q.consumer_department_id,
    consumerDepartmentName: q.consumer_department_name,
    purpose: q.purpose,
    legalBasis: q.legal_basis,
    fields: q.fields,
    periodFrom: day(q.period_from),
    periodTo: day(q.period_to),
    state: q.state,
    requestedByName: q.requested_by_name,
    createdAt: new Date(q.created_at).toISOString(),
    decidedAt: iso(q.decided_at),
    decidedByName: q.decided_by_name,
    rejectReason: q.reject_reason,
    grantId: q.grant_id,
  };
}
export const isLive = (g: Pick<GrantRow, 'state' | 'expires_at'>, now: Date) =>
  g.state === 'active' && (!g.expires_at || new Date(g.expires_at) > now);
export function grantView(g: GrantRow, now: Date): GrantView {
  return {
    id: g.id,
    requestId: g.request_id,
    resourceId: g.resource_id,
    resourceCode: g.resource_code,
    resourceName: g.resource_name,
    consumerDepartmentId: g.consumer_department_id,
    consumerDepartmentName: g.consumer_department_name,
    purpose: g.purpose,
    fields: g.fields,
    rowFilter: g.row_filter.map((f) => ({ key: f.key, values: f.values, isSensitive: f.isSensitive })),
    unmasked: g.unmasked,
    dailyQuota: g.daily_quota,
    expiresAt: iso(g.expires_at),
    state: g.state === 'revoked' ? 'revoked' : isLive(g, now) ? 'active' : 'expired',
    approvedByName: g.approved_by_name,
    createdAt: new Date(g.created_at).toISOString(),
    revokedAt: iso(g.revoked_at),
    revokeReason: g.revoke_reason,
  };
}
