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
import { beijingDay, type GrantRow, isLive, MASKS } from '../grants/service.ts';
import type { DataItem } from '../schema.ts';
import { clientRow } from './clients.ts';
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

  async function answer(call: GatewayCall, log: Log): Promise<object> {
    const m = /^Bearer ([\w.~+/-]+=*)$/.exec(call.authorization ?? '');
    const clientId = m?.[1] ? await oidc.verify(m[1]) : null;
    if (!clientId) throw grantErrors.tokenRequired();
    const client = await clientRow(deps, clientId);
    if (!client?.is_enabled) throw grantErrors.tokenRequired('接入系统已停用');
    log.clientId = clientId;
    log.consumer = client.department_id;
    const wait = overRate(clientId, client.rate_per_minute);
    if (wait > 0) throw withHeaders(grantErrors.rate(), { 'Retry-After': String(wait) });

    const code = call.code.replace('-', '/');
    log.code = code;
    const resource = (
      await sql<{ id: string; department_id: string; name: string; items: DataItem[] }>`select r.id,
        r.department_id, v.name, v.items from sharing.resource r
        join sharing.resource_version v on v.id = r.published_version_id where r.code = ${code}`.execute(
        deps.db,
      )
    ).rows[0];
    if (!resource) throw grantErrors.resourceNotFound(code);
    log.resourceId = resource.id;
    log.provider = resource.department_id;
    const now = deps.clock.now();
    const grants = (
      await sql<GrantRow>`select * from sharing.share_grant where resource_id = ${resource.id}
        and consumer_department_id = ${client.department_id} and state = 'active'
        order by created_at desc`.execute(deps.db)
    ).rows.filter((g) => isLive(g, now));
    const grant = grants[0];
    if (!grant) throw grantErrors.noGrant();
    log.grantId = grant.id;
    log.purpose = grant.purpose;

    const asked = list(single(call.query.fields));
    const fields = asked.length > 0 ? [...new Set(asked)] : grant.fields;
    const beyond = fields.filter((f) => !grant.fields.includes(f));
    if (beyond.length > 0) throw grantErrors.beyondGrant(`未授权的信息项：${beyond.join('、')}`);
    log.fields = fields;
    const items = new Map(resource.items.map((i) => [i.key, i]));

    const conditions = [sql`resource_id = ${resource.id}`];
    for (const f of grant.row_filter) {
      conditions.push(
        f.isSensitive ? sql`idx ->> ${f.key} = any(${f.idx})` : sql`data ->> ${f.key} = any(${f.values})`,
      );
    }
    for (const [name, raw] of Object.entries(call.query)) {
      if (!name.startsWith('filter.')) continue;
      const key = name.slice('filter.'.length);
      const item = items.get(key);
      if (!item || !grant.fields.includes(key))
        throw grantErrors.beyondGrant(`不能按未授权的信息项「${key}」过滤`);
      const values = list(single(raw));
      if (values.length === 0 || values.length > 100) throw grantErrors.beyondGrant(`过滤条件「${key}」无效`);
      if (item.sensitivity !== 'general') {
        if (!grant.unmasked.includes(key)) throw grantErrors.beyondGrant(`不能按脱敏信息项「${key}」过滤`);
        conditions.push(sql`idx ->> ${key} = any(${values.map((v) => deps.cipher.blindIndex(v))})`);
      } else conditions.push(sql`data ->> ${key} = any(${values})`);
    }
    const page = Math.max(1, Math.min(100_000, Number.parseInt(single(call.query.page) ?? '1', 10) || 1));

    if (grant.daily_quota !== null) {
      const used = (
        await sql<{ calls: number }>`select calls from sharing.grant_usage where grant_id = ${grant.id}
          and day = ${beijingDay(now)}`.execute(deps.db)
      ).rows[0];
      if ((used?.calls ?? 0) >= grant.daily_quota) {
        const midnight = Date.parse(`${beijingDay(now)}T16:00:00Z`);
        const wait = Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
        throw withHeaders(grantErrors.quota(`每日 ${grant.daily_quota} 次`), { 'Retry-After': String(wait) });
      }
    }

    const where = sql.join(conditions, sql` and `);
    const { rows } = await sql<{ data: Record<string, unknown>; total: number }>`select data,
      count(*) over ()::int as total from sharing.data_row where ${where} order by row_no
      limit ${GATEWAY_PAGE} offset ${(page - 1) * GATEWAY_PAGE}`.execute(deps.db);
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
      total: rows[0]?.total ?? 0,
      rows: out,
    };
  }

  async function writeLog(log: Log, status: number, errorCode: string | null, started: number) {
    const now = deps.clock.now();
    const latency = performance.now() - started;
    await deps.db.transaction().execute(async (tx) => {
      await sql`insert into sharing.call_log (id, at, client_id, consumer_department_id, provider_department_id,
        grant_id, resource_id, resource_code, purpose, fields, row_count, status, error_code, latency_ms)
        values (${newId()}, ${now}, ${log.clientId}, ${log.consumer}, ${log.provider}, ${log.grantId},
        ${log.resourceId}, ${log.code}, ${log.purpose}, ${log.fields}, ${log.rows}, ${status}, ${errorCode},
        ${latency})`.execute(tx);
      if (log.grantId && status === 200)
        await sql`insert into sharing.grant_usage (grant_id, day, calls) values (${log.grantId},
          ${beijingDay(now)}, 1) on conflict (grant_id, day) do update
          set calls = sharing.grant_usage.calls + 1`.execute(tx);
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
