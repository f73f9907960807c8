// The gateway's call log and statistics: a consuming department sees its own systems' calls, a provider
// the calls on its resources, an auditor everything. Another department's grant → 404.
import { type Executor, sql } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { SharingDeps } from '../deps.ts';
import { grantErrors } from '../grants/errors.ts';

type Side = 'consumer' | 'provider' | 'all';
const LOG_PAGE = 50;

function scope(actor: Actor, side: Side) {
  if (side === 'all') {
    if (!actor.roles.includes('auditor')) throw grantErrors.grantNotFound();
    return sql`true`;
  }
  if (!actor.roles.includes('data_officer') || !actor.departmentId) throw grantErrors.grantNotFound();
  return side === 'consumer'
    ? sql`l.consumer_department_id = ${actor.departmentId}`
    : sql`l.provider_department_id = ${actor.departmentId}`;
}

type LogRow = {
  id: string;
  at: Date;
  client_id: string | null;
  consumer_department_id: string | null;
  grant_id: string | null;
  resource_id: string | null;
  resource_code: string | null;
  purpose: string | null;
  fields: string[];
  row_count: number;
  status: number;
  error_code: string | null;
  latency_ms: number;
};

async function visible(db: Executor, actor: Actor, side: Side, q: { grantId?: string; resourceId?: string }) {
  const where = [scope(actor, side)];
  if (q.grantId) {
    const n = await sql<{ n: number }>`select count(*)::int as n from sharing.call_log l
      where ${where[0]} and l.grant_id = ${q.grantId}`.execute(db);
    const g = await sql<{ id: string }>`select id from sharing.share_grant where id = ${q.grantId} and (${
      side === 'all'
        ? sql`true`
        : side === 'consumer'
          ? sql`consumer_department_id = ${actor.departmentId}`
          : sql`provider_department_id = ${actor.departmentId}`
    })`.execute(db);
    if (!g.rows[0] && (n.rows[0]?.n ?? 0) === 0) throw grantErrors.grantNotFound(q.grantId);
    where.push(sql`l.grant_id = ${q.grantId}`);
  }
  if (q.resourceId) where.push(sql`l.resource_id = ${q.resourceId}`);
  return sql.join(where, sql` and `);
}

export async function listLog(
  deps: SharingDeps,
  actor: Actor,
  q: { side: Side; grantId?: string; resourceId?: string; page: number },
) {
  const where = await visible(deps.db, actor, q.side, q);
  const { rows } = await sql<LogRow & { total: number }>`select l.*, count(*) over ()::int as total
    from sharing.call_log l where ${where} order by l.at desc, l.id
    limit ${LOG_PAGE} offset ${(q.page - 1) * LOG_PAGE}`.execute(deps.db);
  return {
    page: q.page,
    total: rows[0]?.total ?? 0,
    items: rows.map((l) => ({
      id: l.id,
      at: new Date(l.at).toISOString(),
      clientId: l.client_id,
      consumerDepartmentId: l.consumer_department_id,
      grantId: l.grant_id,
      resourceId: l.resource_id,
      resourceCode: l.resource_code,
      purpose: l.purpose,
      fields: l.fields,
      rowCount: l.row_count,
      status: l.status,
      errorCode: l.error_code,
      latencyMs: Math.round(l.latency_ms * 10) / 10,
    })),
  };
}

type StatRow = { id: string; name: string; calls: number; errors: number; p95: number | null };
const stat = (s: StatRow) => ({
  id: s.id,
  name: s.name,
  calls: s.calls,
  errors: s.errors,
  p95LatencyMs: s.p95 === null ? null : Math.round(s.p95 * 10) / 10,
});

/** Calls, errors (status ≥ 400) and p95 latency per grant and per resource. */
export async function stats(deps: SharingDeps, actor: Actor, side: Side) {
  const where = scope(actor, side);
  const byGrant = await sql<StatRow>`select l.grant_id as id, max(g.consumer_department_name) || ' · ' ||
      max(g.purpose) as name, count(*)::int as calls, count(*) filter (where l.status >= 400)::int as errors,
      percentile_cont(0.95) within group (order by l.latency_ms) as p95
    from sharing.call_log l join sharing.share_grant g on g.id = l.grant_id
    where ${where} group by l.grant_id order by calls desc limit 200`.execute(deps.db);
  const byResource = await sql<StatRow>`select l.resource_id as id, max(v.name) as name,
      count(*)::int as calls, count(*) filter (where l.status >= 400)::int as errors,
      percentile_cont(0.95) within group (order by l.latency_ms) as p95
    from sharing.call_log l join sharing.resource r on r.id = l.resource_id
    join sharing.resource_version v on v.id = r.published_version_id
    where ${where} group by l.resource_id order by calls desc limit 200`.execute(deps.db);
  return { byGrant: byGrant.rows.map(stat), byResource: byResource.rows.map(stat) };
}
