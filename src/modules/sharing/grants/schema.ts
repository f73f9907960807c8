// Shapes of share requests, grants, system clients and the call log (zod: request validation and responses).
import { z } from 'zod';

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const Day = z.iso.date();
const Value = z.string().trim().min(1).max(200);

export const RequestInput = z
  .object({
    resourceId: z.uuid(),
    purpose: z.string().trim().min(2).max(500),
    legalBasis: z.string().trim().min(2).max(500),
    fields: z.array(Key).min(1).max(100),
    periodFrom: Day,
    periodTo: Day,
  })
  .strict();
export type RequestInput = z.infer<typeof RequestInput>;

export const FilterInput = z.object({ key: Key, values: z.array(Value).min(1).max(100) }).strict();
export const ApproveInput = z
  .object({
    /** narrows the fields asked for (a subset); all asked fields when absent */
    fields: z.array(Key).min(1).max(100).optional(),
    rowFilter: z.array(FilterInput).max(10).default([]),
    /** sensitive items returned in clear; everything sensitive is masked otherwise */
    unmasked: z.array(Key).max(20).default([]),
    dailyQuota: z.number().int().min(1).max(10_000_000).nullable().default(null),
    expiresOn: Day.nullable().default(null),
  })
  .strict();
export type ApproveInput = z.infer<typeof ApproveInput>;
export const ReasonBody = z.object({ reason: z.string().trim().min(2).max(1000) }).strict();

export const FilterView = z.object({
  key: z.string(),
  values: z.array(z.string()),
  isSensitive: z.boolean(),
});
export const RequestView = z.object({
  id: z.uuid(),
  resourceId: z.uuid(),
  resourceCode: z.string().nullable(),
  resourceName: z.string(),
  providerDepartmentId: z.uuid(),
  consumerDepartmentId: z.uuid(),
  consumerDepartmentName: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  fields: z.array(z.string()),
  periodFrom: z.string(),
  periodTo: z.string(),
  state: z.enum(['pending', 'granted', 'rejected']),
  requestedByName: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  grantId: z.uuid().nullable(),
});
export type RequestView = z.infer<typeof RequestView>;
export const GrantView = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  resourceId: z.uuid(),
  resourceCode: z.string().nullable(),
  resourceName: z.string(),
  consumerDepartmentId: z.uuid(),
  consumerDepartmentName: z.string(),
  purpose: z.string(),
  fields: z.array(z.string()),
  rowFilter: z.array(FilterView),
  unmasked: z.array(z.string()),
  dailyQuota: z.number().nullable(),
  expiresAt: z.string().nullable(),
  state: z.enum(['active', 'revoked', 'expired']),
  approvedByName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type GrantView = z.infer<typeof GrantView>;
export const RequestList = z.object({ items: z.array(RequestView) });
export const GrantList = z.object({ items: z.array(GrantView) });
export const Side = z.object({ side: z.enum(['mine', 'provided']).default('mine') }).strict();

export const ClientInput = z
  .object({
    name: z.string().trim().min(2).max(100),
    ratePerMinute: z.number().int().min(1).max(100_000).default(600),
  })
  .strict();
export const ClientView = z.object({
  clientId: z.string(),
  name: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  ratePerMinute: z.number(),
  isEnabled: z.boolean(),
  createdByName: z.string(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});
export const ClientCreated = ClientView.extend({ clientSecret: z.string() });
export const ClientList = z.object({ items: z.array(ClientView) });
export const ClientParams = z.object({ clientId: z.string().regex(/^ywc_[a-f0-9]{24}$/) }).strict();

export const LogQuery = z
  .object({
    side: z.enum(['consumer', 'provider', 'all']).default('consumer'),
    grantId: z.uuid().optional(),
    resourceId: z.uuid().optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export const LogView = z.object({
  id: z.uuid(),
  at: z.string(),
  clientId: z.string().nullable(),
  consumerDepartmentId: z.uuid().nullable(),
  grantId: z.uuid().nullable(),
  resourceId: z.uuid().nullable(),
  resourceCode: z.string().nullable(),
  purpose: z.string().nullable(),
  fields: z.array(z.string()),
  rowCount: z.number(),
  status: z.number(),
  errorCode: z.string().nullable(),
  latencyMs: z.number(),
});
export const LogList = z.object({ items: z.array(LogView), total: z.number(), page: z.number() });
export const StatsQuery = z
  .object({ side: z.enum(['consumer', 'provider', 'all']).default('provider') })
  .strict();
const Stat = z.object({
  id: z.uuid(),
  name: z.string(),
  calls: z.number(),
  errors: z.number(),
  p95LatencyMs: z.number().nullable(),
});
export const StatsView = z.object({ byGrant: z.array(Stat), byResource: z.array(Stat) });
