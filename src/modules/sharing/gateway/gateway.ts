// The sharing gateway: bearer token (a JWT of the platform's OpenID provider) → system client →
// department → its live grant on the resource → exactly the granted fields and rows, sensitive items
// masked unless the grant unmasks them. A caller cannot widen a grant: asking for fields outside it, or
// filtering on an item outside it or on a masked item, is 403 (a filter on a masked value would let a
// caller confirm the value). Quota per grant per Beijing day and a rate per client per minute → 429.
// Every call, answered or refused, is logged with its latency in the same request.

import { sql } from '../../../platform/db/index.ts';
import { type AppError, isAppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { SharingDeps } from '../deps.ts';
import { grantErrors } from '../grants/errors.ts';
import { type GrantRow, MASKS } from '../grants/rows.ts';
import { beijingDay } from '../grants/service.ts';
import type { DataItem } from '../schema.ts';
import type { Oidc } from './oidc.ts';

export const GATEWAY_PAGE = 100;

export type GatewayCall = {
  authorization: string | undefined;
  code: string;
  query: Record<string, string | string[] | undefined>;
};
export type GatewayAnswer =
  | { status: 200; body: object }
  | { status: number; error: AppError; headers?: Record<string, string> };

type Lookup = {
  department_id: string;
  is_enabled: boolean;
  rate_per_minute: number;
  resource_id: string | null;
  provider_id: string | null;
  resource_name: string | null;
  items: DataItem[] | null;
  grant: Pick<GrantRow, 'id' | 'purpose' | 'fields' | 'row_filter' | 'unmasked' | 'daily_quota'> | null;
  used: number | null;
  version_id: string | null;
  rows: Array<Record<string, unknown>> | null;
  total: number | null;
};

type Log = {
  clientId: string | null;
  consumer: string | null;
  provider: string | null;
  grantId: string | null;
  resourceId: string | null;
  code: string | null;
  purpose: string | null;
  fields: string[];
  rows: number;
};

const withHeaders = (e: AppError, headers: Record<string, string>) => Object.assign(e, { headers });

/** A fixed one-minute window per client, in this process. */
function rateWindow() {
  const windows = new Map<string, { start: number; count: number }>();
  return (clientId: string, perMinute: number) => {
    const now = Date.now();
    const w = windows.get(clientId);
    if (!w || now - w.start >= 60_000) {
      windows.set(clientId, { start: now, count: 1 });
      return 0;
    }
    w.count += 1;
    return w.count > perMinute ? Math.ceil((w.start + 60_000 - now) / 1000) : 0;
  };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);
const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function createGateway(deps: SharingDeps, oidc: Oidc) {
  const overRate = rateWindow();
  const seenItems = new Map<string, { versionId: string; items: DataItem[] }>();

  /** SQL for the caller's `filter.<key>=a,b`: blind indexes on sensitive items, values otherwise. */
  function filterConditions(call: GatewayCall, items: Map<string, DataItem>) {
    const out = [];
    for (const [name, raw] of Object.entries(call.query)) {
      if (!name.startsWith('filter.')) continue;
      const key = name.slice('filter.'.length);
      const item = items.get(key);
      const values = list(single(raw));
      // refused after the statement, once the client and grant are known
      if (!item || values.length === 0 || values.length > 100) continue;
      out.push(
        item.sensitivity === 'general'
          ? sql`d.data ->> ${key} = any(${values})`
          : sql`d.idx ->> ${key} = any(${values.map((v) => deps.cipher.blindIndex(v))})`,
      );
    }
    return out;
  }

  async function answer(call: GatewayCall, log: Log): Promise<object> {
    const m = /^Bearer ([\w.~+/-]+=*)$/.exec(call.authorization ?? '');
    const clientId = m?.[1] ? await oidc.verify(m[1]) : null;
    if (!clientId) throw grantErrors.tokenRequired();
    const code = call.code.replace('-', '/');
    const now = deps.clock.now();
    const today = beijingDay(now);
    const page = Math.max(1, Math.min(100_000, Number.parseInt(single(call.query.page) ?? '1', 10) || 1));
    // The caller's filters are built from the resource's items as last seen (checked below against the
    // published version the statement reads; a stale guess is thrown away and the rows read again).
    const seen = seenItems.get(code);
    const callerFilters = seen ? filterConditions(call, new Map(seen.items.map((i) => [i.key, i]))) : null;
    // One statement: the client, the resource's published items, the live grant, today's usage and —
    // when the items are known — the page of rows under the grant's own row filter and the caller's.
    const found = (
      await sql<Lookup>`select c.department_id, c.is_enabled, c.rate_per_minute, r.id as resource_id,
          r.department_id as provider_id, r.published_version_id as version_id, v.name as resource_name,
          v.items, gg.g as grant, u.calls as used, p.rows, p.total
        from sharing.system_client c
        left join sharing.resource r on r.code = ${code}
        left join sharing.resource_version v on v.id = r.published_version_id
        left join lateral (select to_jsonb(g) as g from sharing.share_grant g
          where g.resource_id = r.id and g.consumer_department_id = c.department_id and g.state = 'active'
            and (g.expires_at is null or g.expires_at > ${now})
          order by g.created_at desc limit 1) gg on true
        left join sharing.grant_usage u on u.grant_id = (gg.g ->> 'id')::uuid and u.day = ${today}
        left join lateral (select jsonb_agg(x.data order by x.row_no) as rows, max(x.total)::int as total
          from (select d.data, d.row_no, count(*) over () as total from sharing.data_row d
            where ${callerFilters ? sql`true` : sql`false`} and gg.g is not null and d.resource_id = r.id
              and not exists (select 1 from jsonb_array_elements(gg.g -> 'row_filter') f
                where not (case when (f ->> 'isSensitive')::boolean
                  then coalesce(d.idx ->> (f ->> 'key'), '') in (select jsonb_array_elements_text(f -> 'idx'))
                  else coalesce(d.data ->> (f ->> 'key'), '') in (select jsonb_array_elements_text(f -> 'values'))
                  end))
              ${callerFilters && callerFilters.length > 0 ? sql`and ${sql.join(callerFilters, sql` and `)}` : sql``}
            order by d.row_no limit ${GATEWAY_PAGE} offset ${(page - 1) * GATEWAY_PAGE}) x) p on true
        where c.client_id = ${clientId}`.execute(deps.db)
    ).rows[0];
    if (!found?.is_enabled) throw grantErrors.tokenRequired('接入系统已停用');
    log.clientId = clientId;
    log.consumer = found.department_id;
    const wait = overRate(clientId, found.rate_per_minute);
    if (wait > 0) throw withHeaders(grantErrors.rate(), { 'Retry-After': String(wait) });
    log.code = code;
    if (!found.resource_id || !found.items) throw grantErrors.resourceNotFound(code);
    const resource = { id: found.resource_id, name: found.resource_name ?? '', items: found.items };
    log.resourceId = resource.id;
    log.provider = found.provider_id;
    const grant = found.grant;
    if (!grant) throw grantErrors.noGrant();
    log.grantId = grant.id;
    log.purpose = grant.purpose;
    if (grant.daily_quota !== null && (found.used ?? 0) >= grant.daily_quota) {
      const midnight = Date.parse(`${today}T16:00:00Z`);
      const retry = Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
      throw withHeaders(grantErrors.quota(`每日 ${grant.daily_quota} 次`), { 'Retry-After': String(retry) });
    }

    const asked = list(single(call.query.fields));
    const fields = asked.length > 0 ? [...new Set(asked)] : grant.fields;
    const beyond = fields.filter((f) => !grant.fields.includes(f));
    if (beyond.length > 0) throw grantErrors.beyondGrant(`未授权的信息项：${beyond.join('、')}`);
    log.fields = fields;
    const items = new Map(resource.items.map((i) => [i.key, i]));

    // the caller's filters: only on granted items, never on a masked one
    for (const [name, raw] of Object.entries(call.query)) {
      if (!name.startsWith('filter.')) continue;
      const key = name.slice('filter.'.length);
      const item = items.get(key);
      if (!item || !grant.fields.includes(key))
        throw grantErrors.beyondGrant(`不能按未授权的信息项「${key}」过滤`);
      const count = list(single(raw)).length;
      if (count === 0 || count > 100) throw grantErrors.beyondGrant(`过滤条件「${key}」无效`);
      if (item.sensitivity !== 'general' && !grant.unmasked.includes(key))
        throw grantErrors.beyondGrant(`不能按脱敏信息项「${key}」过滤`);
    }
    let rows: Array<{ data: Record<string, unknown> }>;
    let total: number;
    if (seen && seen.versionId === found.version_id) {
      rows = (found.rows ?? []).map((data) => ({ data }));
      total = found.total ?? 0;
    } else {
      seenItems.set(code, { versionId: found.version_id ?? '', items: resource.items });
      const conditions = [sql`resource_id = ${resource.id}`];
      for (const f of grant.row_filter)
        conditions.push(
          f.isSensitive ? sql`idx ->> ${f.key} = any(${f.idx})` : sql`data ->> ${f.key} = any(${f.values})`,
        );
      conditions.push(...filterConditions(call, items));
      const read = await sql<{ data: Record<string, unknown>; total: number }>`select data,
        count(*) over ()::int as total from sharing.data_row d where ${sql.join(conditions, sql` and `)}
        order by row_no limit ${GATEWAY_PAGE} offset ${(page - 1) * GATEWAY_PAGE}`.execute(deps.db);
      rows = read.rows;
      total = read.rows[0]?.total ?? 0;
    }
    const unmasked = new Set(grant.unmasked);
    const out = rows.map(({ data }) => {
      const row: Record<string, unknown> = {};
      for (const key of fields) {
        const item = items.get(key);
        const value = data[key];
        if (value === null || value === undefined || !item) row[key] = null;
        else if (item.sensitivity === 'general') row[key] = value;
        else {
          const plain = deps.cipher.decrypt(String(value));
          row[key] = unmasked.has(key) ? plain : MASKS[item.sensitivity as keyof typeof MASKS](plain);
        }
      }
      return row;
    });
    log.rows = out.length;
    return {
      resource: { code, name: resource.name },
      grantId: grant.id,
      fields,
      masked: fields.filter((k) => items.get(k)?.sensitivity !== 'general' && !unmasked.has(k)),
      page,
      pageSize: GATEWAY_PAGE,
      total,
      rows: out,
    };
  }

  // Group commit: calls arriving while a batch is written wait for the next one; each call answers only
  // after its own log row (and usage count) is committed, so no answered call goes unlogged.
  let pending: Array<{ row: object; done: (error?: unknown) => void }> = [];
  let isFlushing = false;
  async function flush() {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await sql`with x as (select * from jsonb_to_recordset(${JSON.stringify(batch.map((b) => b.row))}::jsonb)
            as x(id uuid, at timestamptz, client_id text, consumer uuid, provider uuid, grant_id uuid,
              resource_id uuid, code text, purpose text, fields text[], row_count int, status int,
              error_code text, latency real, day date)),
          logged as (insert into sharing.call_log (id, at, client_id, consumer_department_id,
              provider_department_id, grant_id, resource_id, resource_code, purpose, fields, row_count, status,
              error_code, latency_ms)
            select id, at, client_id, consumer, provider, grant_id, resource_id, code, purpose, fields, row_count,
              status, error_code, latency from x)
          insert into sharing.grant_usage (grant_id, day, calls)
            select grant_id, day, count(*)::int from x where grant_id is not null and status = 200
            group by grant_id, day
          on conflict (grant_id, day) do update set calls = sharing.grant_usage.calls + excluded.calls`.execute(
          deps.db,
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    isFlushing = false;
  }
  function writeLog(log: Log, status: number, errorCode: string | null, started: number) {
    const now = deps.clock.now();
    const row = {
      id: newId(),
      at: now.toISOString(),
      client_id: log.clientId,
      consumer: log.consumer,
      provider: log.provider,
      grant_id: log.grantId,
      resource_id: log.resourceId,
      code: log.code,
      purpose: log.purpose,
      fields: log.fields,
      row_count: log.rows,
      status,
      error_code: errorCode,
      latency: performance.now() - started,
      day: beijingDay(now),
    };
    return new Promise<void>((resolve, reject) => {
      pending.push({ row, done: (error) => (error ? reject(error) : resolve()) });
      if (!isFlushing) {
        isFlushing = true;
        void flush();
      }
    });
  }

  return {
    async call(call: GatewayCall): Promise<GatewayAnswer> {
      const started = performance.now();
      const log: Log = {
        clientId: null,
        consumer: null,
        provider: null,
        grantId: null,
        resourceId: null,
        code: null,
        purpose: null,
        fields: [],
        rows: 0,
      };
      try {
        const body = await answer(call, log);
        await writeLog(log, 200, null, started);
        return { status: 200, body };
      } catch (error) {
        if (!isAppError(error)) throw error;
        await writeLog(log, error.status, error.code, started);
        return { status: error.status, error, headers: error.headers };
      }
    },
  };
}
export type Gateway = ReturnType<typeof createGateway>;
