// opendata (数据开放, floor 11, above sharing): datasets opened to the public by the data bureau from
// published sharing resources whose open attribute allows it, desensitised per data item (keep, drop,
// mask, generalise; small counts suppressed in aggregates); a snapshot rebuilt on publish and, queued,
// on every new accepted load; public list, pages, rows, CSV/JSON downloads, DCAT-AP JSON-LD and the CKAN
// Action API (decision 0012). Owns schema `opendata`. Calls audit and sharing (through its index).
import type { RequestContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { OpendataDeps } from './deps.ts';
import * as pub from './public.ts';
import type { ListQuery, PublishInput, RowsQuery } from './schema.ts';
import { seedOpendata } from './seed.ts';
import * as service from './service.ts';

export type { OpendataDeps } from './deps.ts';
export { opendataRoutes } from './routes.ts';
export type { DatasetView } from './schema.ts';

/**
 * The origin written into DCAT and CKAN links: the configured public URL (YIWANG_PUBLIC_URL), never the
 * request's Host header, which a client chooses (a spoofed Host would otherwise poison the links that
 * harvesters copy and caches keep).
 */
export const publicBaseOf = (config: OpendataDeps['config']) =>
  config.publicUrl ?? `http://localhost:${config.port || 3000}`;

export function createOpendata(deps: OpendataDeps) {
  const db: Db = deps.db;
  const base = publicBaseOf(deps.config);
  return {
    /** Event handlers for the outbox dispatcher: a new accepted load or a newly published version of the
     * resource (its open attribute or items may have changed) queues the dataset's rebuild. */
    handlers: {
      'sharing.data-loaded': [(event: OutboxEvent, tx: Tx) => service.onDataLoaded(deps, event, tx)],
      'sharing.resource-published': [(event: OutboxEvent, tx: Tx) => service.onDataLoaded(deps, event, tx)],
    },
    /** Rebuilds queued snapshots (the background loop, tests). */
    runPending: () => service.runPending(deps),
    // ── the data bureau ──
    publish: (ctx: RequestContext, input: PublishInput) => service.publish(deps, ctx, input),
    unpublish: (ctx: RequestContext, resourceId: string, reason: string) =>
      service.unpublish(deps, ctx, resourceId, reason),
    sources: (actor: Actor) => service.sources(deps, actor),
    adminGet: (actor: Actor, resourceId: string) => service.adminGet(deps, actor, resourceId),
    // ── the public ──
    list: (query: ListQuery) => pub.list(db, query),
    get: (name: string) => pub.get(db, name),
    rows: (name: string, query: RowsQuery) => pub.rows(db, name, query),
    csv: (name: string) => pub.csv(db, name),
    json: (name: string) => pub.json(db, name),
    /** the public origin of the links below */
    baseUrl: base,
    dcat: () => pub.dcat(db, base),
    packageList: (limit: number, offset: number) => pub.packageList(db, limit, offset),
    packageShow: (id: string) => pub.packageShow(db, id, base),
    packageSearch: (q: { q?: string; fq?: string; rows: number; start: number }) =>
      pub.packageSearch(db, q, base),
    /** Demo data: 法人基础信息 opened (ID number dropped, 成立日期 to year-month). */
    seedDemo: (databureau: Actor | null) => seedOpendata(deps, databureau),
  };
}
export type OpendataModule = ReturnType<typeof createOpendata>;
