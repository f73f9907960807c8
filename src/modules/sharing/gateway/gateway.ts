// The sharing gateway: bearer token (a JWT of the platform's OpenID provider) → system client →
// department → its live grant on the resource → exactly the granted fields and rows, sensitive items
// masked unless the grant unmasks them. A caller cannot widen a grant: asking for fields outside it, or
// filtering on an item outside it or on a masked item, is 403 (a filter on a masked value would let a
// caller confirm the value). A resource whose published version is 不予共享 serves no grant (403).
// Quota per grant per Beijing day, reserved atomically once the answer is ready, and a rate per client
// per minute → 429. Every call — answered, refused or failed — is logged with its latency.
//
// Per call, once warm: the verified token → client and the (client, resource) policy — the client, the
// published version with its items and share type, the live grant — are kept in this process. This
// process forgets every policy at once when it revokes a grant, disables a client or publishes a
// version (`forget`), so such a change takes effect on its next call. For a change made by another
// node, the statement that reads the rows re-checks, at most LIVE_MS after the last check, that the
// client is enabled, the grant active and unexpired and the published version the one the policy was
// read with; when that fails it returns no rows and the call is decided on the policy read afresh.
// So another node's revocation takes effect within LIVE_MS (decision 0013).

import { sql } from '../../../platform/db/index.ts';
import { isDatabaseUnavailable } from '../../../platform/db/pg-errors.ts';
import { type AppError, errors, isAppError } from '../../../platform/errors.ts';
import type { SharingDeps } from '../deps.ts';
import { grantErrors } from '../grants/errors.ts';
import { MASKS, type StoredFilter } from '../grants/rows.ts';
import { beijingDay } from '../grants/service.ts';
import type { DataItem } from '../schema.ts';
import { expiring, expiryOf, rateWindow } from './caches.ts';
import { createCallLog, type Log } from './call-log.ts';
import type { Oidc } from './oidc.ts';

export const GATEWAY_PAGE = 100;
/** How long a verified token and a policy are reused in this process (the policy is re-checked per call). */
const TOKEN_TTL_MS = 60_000;
const POLICY_TTL_MS = 30_000;
/** How long a cached policy is trusted without re-checking it in the rows' statement. */
export const LIVE_MS = 1_000;

export type GatewayCall = {
  authorization: string | undefined;
  code: string;
  query: Record<string, string | string[] | undefined>;
};
export type GatewayAnswer =
  | { status: 200; body: object }
  | { status: number; error: AppError; headers?: Record<string, string>; cause?: unknown };

type Lookup = {
  department_id: string;
  is_enabled: boolean;
  rate_per_minute: number;
  resource_id: string | null;
  provider_id: string | null;
  version_id: string | null;
  resource_name: string | null;
  share_type: string | null;
  items: DataItem[] | null;
  grant_id: string | null;
  purpose: string | null;
  fields: string[] | null;
  row_filter: StoredFilter[] | null;
  unmasked: string[] | null;
  daily_quota: number | null;
  expires_at: Date | null;
};

/** What a client may read of a resource, as last read from the database. */
type Policy = {
  clientId: string;
  departmentId: string;
  ratePerMinute: number;
  resource: { id: string; providerId: string; versionId: string; name: string; items: Map<string, DataItem> };
  grant: {
    id: string;
    purpose: string;
    fields: string[];
    rowFilter: StoredFilter[];
    unmasked: Set<string>;
    dailyQuota: number | null;
    /** ms since the epoch; checked against the clock on every call */
    expiresAt: number | null;
  };
  /** when the policy was last found live (ms since the epoch) */
  checkedAt: number;
  until: number;
};

const withHeaders = (e: AppError, headers: Record<string, string>) => Object.assign(e, { headers });

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);
const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function createGateway(deps: SharingDeps, oidc: Oidc) {
  const overRate = rateWindow();
  const tokens = expiring<{ clientId: string; until: number }>();
  const policies = expiring<Policy>();
  /** how many times `forget` ran: a call keeps the policy it read only when this did not move */
  let forgotten = 0;

  async function clientOf(authorization: string | undefined) {
    const m = /^Bearer ([\w.~+/-]+=*)$/.exec(authorization ?? '');
    const token = m?.[1];
    if (!token) return null;
    const known = tokens.get(token);
    if (known) return known.clientId;
    const clientId = await oidc.verify(token);
    if (clientId)
      tokens.set(token, { clientId, until: Math.min(expiryOf(token), Date.now() + TOKEN_TTL_MS) });
    return clientId;
  }

  /** The client, the resource's published version and the client department's live grant on it. */
  async function readPolicy(clientId: string, code: string, now: Date, log: Log, isCounted: boolean) {
    const found = (
      await sql<Lookup>`select c.department_id, c.is_enabled, c.rate_per_minute, r.id as resource_id,
          r.department_id as provider_id, r.published_version_id as version_id, v.name as resource_name,
          v.share_type, v.items, g.id as grant_id, g.purpose, g.fields, g.row_filter, g.unmasked, g.daily_quota,
          g.expires_at
        from sharing.system_client c
        left join sharing.resource r on r.code = ${code}
        left join sharing.resource_version v on v.id = r.published_version_id
        left join lateral (select * from sharing.share_grant g
          where g.resource_id = r.id and g.consumer_department_id = c.department_id and g.state = 'active'
            and (g.expires_at is null or g.expires_at > ${now})
          order by g.created_at desc limit 1) g on true
        where c.client_id = ${clientId}`.execute(deps.db)
    ).rows[0];
    if (!found?.is_enabled) throw grantErrors.tokenRequired('接入系统已停用');
    log.clientId = clientId;
    log.consumer = found.department_id;
    const wait = isCounted ? overRate(clientId, found.rate_per_minute) : 0;
    if (wait > 0) throw withHeaders(grantErrors.rate(), { 'Retry-After': String(wait) });
    log.code = code;
    if (!found.resource_id || !found.version_id || !found.items) throw grantErrors.resourceNotFound(code);
    log.resourceId = found.resource_id;
    log.provider = found.provider_id;
    if (!found.grant_id) throw grantErrors.noGrant();
    log.grantId = found.grant_id;
    log.purpose = found.purpose;
    if (found.share_type === 'none') throw grantErrors.notShared();
    const policy: Policy = {
      clientId,
      departmentId: found.department_id,
      ratePerMinute: found.rate_per_minute,
      resource: {
        id: found.resource_id,
        providerId: found.provider_id ?? '',
        versionId: found.version_id,
        name: found.resource_name ?? '',
        items: new Map(found.items.map((i) => [i.key, i])),
      },
      grant: {
        id: found.grant_id,
        purpose: found.purpose ?? '',
        fields: found.fields ?? [],
        rowFilter: found.row_filter ?? [],
        unmasked: new Set(found.unmasked ?? []),
        dailyQuota: found.daily_quota,
        expiresAt: found.expires_at ? new Date(found.expires_at).getTime() : null,
      },
      checkedAt: Date.now(),
      until: Date.now() + POLICY_TTL_MS,
    };
    return policy;
  }

  /**
   * The page of rows under the grant's row filter and the caller's. With `isChecked`, read only while
   * the policy is live (init plans, evaluated once), and an empty page is null: the policy may be
   * stale, and the caller reads it again. The total is counted only when the page does not tell it.
   */
  async function readRows(
    p: Policy,
    filters: ReturnType<typeof sql>[],
    page: number,
    now: Date,
    isChecked: boolean,
  ) {
    const conditions = [sql`d.resource_id = ${p.resource.id}`];
    for (const f of p.grant.rowFilter)
      conditions.push(
        f.isSensitive
          ? sql`coalesce(d.idx ->> ${f.key}, '') = any(${f.idx})`
          : sql`coalesce(d.data ->> ${f.key}, '') = any(${f.values})`,
      );
    conditions.push(...filters);
    const where = sql.join(conditions, sql` and `);
    const offset = (page - 1) * GATEWAY_PAGE;
    const live = sql`(select g.state = 'active' and (g.expires_at is null or g.expires_at > ${now})
          from sharing.share_grant g where g.id = ${p.grant.id})
        and (select r.published_version_id = ${p.resource.versionId} from sharing.resource r
          where r.id = ${p.resource.id})
        and (select c.is_enabled from sharing.system_client c where c.client_id = ${p.clientId}) and`;
    const { rows } = await sql<{ data: Record<string, unknown> }>`select d.data from sharing.data_row d
      where ${isChecked ? live : sql``} ${where}
      order by d.row_no limit ${GATEWAY_PAGE} offset ${offset}`.execute(deps.db);
    if (isChecked && rows.length === 0) return null;
    if (isChecked) p.checkedAt = Date.now();
    if (rows.length < GATEWAY_PAGE && (rows.length > 0 || page === 1))
      return { rows, total: offset + rows.length };
    const count = await sql<{ n: number }>`select count(*)::int as n from sharing.data_row d
      where ${where}`.execute(deps.db);
    return { rows, total: count.rows[0]?.n ?? 0 };
  }

  /** Takes one call of today's quota, atomically; false when it is used up. */
  async function reserve(grantId: string, quota: number, today: string) {
    const { rows } = await sql<{ calls: number }>`insert into sharing.grant_usage as u (grant_id, day, calls)
      select ${grantId}::uuid, ${today}::date, 1 where ${quota}::int > 0
      on conflict (grant_id, day) do update set calls = u.calls + 1 where u.calls < ${quota}::int
      returning u.calls`.execute(deps.db);
    return rows.length === 1;
  }

  function quotaError(quota: number, today: string, now: Date) {
    const midnight = Date.parse(`${today}T16:00:00Z`);
    const retry = Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
    return withHeaders(grantErrors.quota(`每日 ${quota} 次`), { 'Retry-After': String(retry) });
  }

  async function answer(call: GatewayCall, log: Log, isRetry = false): Promise<object> {
    const clientId = await clientOf(call.authorization);
    if (!clientId) throw grantErrors.tokenRequired();
    const code = call.code.replace('-', '/');
    const now = deps.clock.now();
    const today = beijingDay(now);
    const page = Math.max(1, Math.min(100_000, Number.parseInt(single(call.query.page) ?? '1', 10) || 1));
    const key = `${clientId} ${code}`;
    let p = isRetry ? undefined : policies.get(key);
    const isFresh = !p;
    if (p) {
      log.clientId = clientId;
      log.consumer = p.departmentId;
      const wait = overRate(clientId, p.ratePerMinute);
      if (wait > 0) throw withHeaders(grantErrors.rate(), { 'Retry-After': String(wait) });
      log.code = code;
      log.resourceId = p.resource.id;
      log.provider = p.resource.providerId;
      log.grantId = p.grant.id;
      log.purpose = p.grant.purpose;
    } else p = await readPolicy(clientId, code, now, log, !isRetry);
    const { grant, resource } = p;
    if (grant.expiresAt !== null && grant.expiresAt <= now.getTime()) {
      policies.delete(key);
      throw grantErrors.noGrant();
    }
    const quota = grant.dailyQuota;

    const asked = list(single(call.query.fields));
    const fields = asked.length > 0 ? [...new Set(asked)] : grant.fields;
    const beyond = fields.filter((f) => !grant.fields.includes(f));
    if (beyond.length > 0) throw grantErrors.beyondGrant(`未授权的信息项：${beyond.join('、')}`);
    log.fields = fields;

    // the caller's filters: only on granted items, never on a masked one
    const filters: ReturnType<typeof sql>[] = [];
    for (const [name, raw] of Object.entries(call.query)) {
      if (!name.startsWith('filter.')) continue;
      const k = name.slice('filter.'.length);
      const item = resource.items.get(k);
      if (!item || !grant.fields.includes(k))
        throw grantErrors.beyondGrant(`不能按未授权的信息项「${k}」过滤`);
      const values = list(single(raw));
      if (values.length === 0 || values.length > 100) throw grantErrors.beyondGrant(`过滤条件「${k}」无效`);
      // the database's text cannot hold a NUL; other control characters name no stored value either
      if (values.some((v) => [...v].some((c) => c < ' ')))
        throw grantErrors.badFilter(`过滤条件「${k}」含有控制字符`);
      if (item.sensitivity !== 'general' && !grant.unmasked.has(k))
        throw grantErrors.beyondGrant(`不能按脱敏信息项「${k}」过滤`);
      filters.push(
        item.sensitivity === 'general'
          ? sql`d.data ->> ${k} = any(${values})`
          : sql`d.idx ->> ${k} = any(${values.map((v) => deps.cipher.blindIndex(v))})`,
      );
    }
    const generation = forgotten;
    const read = await readRows(p, filters, page, now, !isFresh && Date.now() - p.checkedAt >= LIVE_MS);
    if (!read) {
      // an empty page or a stale policy: read the policy again and decide the call on it
      policies.delete(key);
      log.grantId = null;
      log.purpose = null;
      return answer(call, log, true);
    }
    // a policy read before this process forgot them all (a revocation meanwhile) is not kept
    if (generation === forgotten) policies.set(key, p);

    const out = read.rows.map(({ data }) => {
      const row: Record<string, unknown> = {};
      for (const k of fields) {
        const item = resource.items.get(k);
        const value = data[k];
        if (value === null || value === undefined || !item) row[k] = null;
        else if (item.sensitivity === 'general') row[k] = value;
        else {
          const plain = deps.cipher.decrypt(String(value));
          row[k] = grant.unmasked.has(k) ? plain : MASKS[item.sensitivity as keyof typeof MASKS](plain);
        }
      }
      return row;
    });
    // the quota is taken last, once the answer is ready: a refused or failed call does not use it
    if (quota !== null && !(await reserve(grant.id, quota, today))) throw quotaError(quota, today, now);
    log.rows = out.length;
    return {
      resource: { code, name: resource.name },
      grantId: grant.id,
      fields,
      masked: fields.filter(
        (k) => resource.items.get(k)?.sensitivity !== 'general' && !grant.unmasked.has(k),
      ),
      page,
      pageSize: GATEWAY_PAGE,
      total: read.total,
      rows: out,
    };
  }

  const writeLog = createCallLog(deps);

  return {
    /** Drops every cached policy: this process just changed a grant, a client or a published version. */
    forget() {
      forgotten += 1;
      policies.clear();
    },
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
      } catch (caught) {
        // anything unexpected (a value that cannot be decrypted, a database error) is answered as a
        // problem and logged as an error like any refusal, so the provider sees it in the statistics
        const error = isAppError(caught)
          ? caught
          : isDatabaseUnavailable(caught)
            ? errors.unavailable()
            : grantErrors.failed();
        const cause = isAppError(caught) ? undefined : caught;
        try {
          await writeLog(log, error.status, error.code, started);
        } catch (logError) {
          return { status: error.status, error, headers: error.headers, cause: cause ?? logError };
        }
        return { status: error.status, error, headers: error.headers, cause };
      }
    },
  };
}
export type Gateway = ReturnType<typeof createGateway>;
