// sharing (政务信息资源共享, floor 11): the department resource catalog (GB/T 21063 metadata, versions,
// register → submit → 数据局 review → publish), its tree and search, and mounting (目录挂接) of uploaded
// data checked by quality rules with a report per load, or of an API (metadata). Grants, the gateway,
// exchange and open data follow (decision 0011). Owns schema `sharing`. Calls audit and org.
import type { RequestContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { SharingDeps } from './deps.ts';
import { createExchange } from './exchange/index.ts';
import { createGrants } from './grants/index.ts';
import { qualityBoard } from './quality-board/board.ts';
import type { BoardQuery } from './quality-board/schema.ts';
import type { ApiMount, CatalogQuery, MineQuery, ResourceInput } from './schema.ts';
import { type SharingDemoPeople, seedSharing } from './seed.ts';
import * as browse from './use-cases/browse.ts';
import * as catalog from './use-cases/catalog.ts';
import * as mount from './use-cases/mount.ts';
import * as openData from './use-cases/open-source.ts';

export { type BaseDbModule, type BaseSources, createBaseDb } from './basedb/index.ts';
export type { SharingDeps } from './deps.ts';
export { sharingRoutes } from './routes.ts';
export type { LoadView, QualityReport, ResourceSummary, ResourceView } from './schema.ts';

export function createSharing(deps: SharingDeps) {
  const grants = createGrants(deps);
  return {
    // ── the catalog: data officers register, 数据局 reviews ──
    register: (ctx: RequestContext, input: ResourceInput) => catalog.register(deps, ctx, input),
    update: (ctx: RequestContext, id: string, input: ResourceInput) => catalog.update(deps, ctx, id, input),
    submit: (ctx: RequestContext, id: string) => catalog.submit(deps, ctx, id),
    // a newly published version may change the share type: the gateway forgets its cached policies
    approve: async (ctx: RequestContext, id: string) => {
      const view = await catalog.approve(deps, ctx, id);
      grants.gateway.forget();
      return view;
    },
    reject: (ctx: RequestContext, id: string, reason: string) => catalog.reject(deps, ctx, id, reason),
    get: (actor: Actor, id: string) => catalog.viewOf(deps.db, id, actor),
    listOwn: (actor: Actor, query: MineQuery) => catalog.listOwn(deps, actor, query),
    reviewQueue: (actor: Actor) => catalog.reviewQueue(deps, actor),
    // ── browsing (all staff) ──
    search: (query: CatalogQuery) => browse.search(deps, query),
    tree: () => browse.tree(deps),
    // ── mounting ──
    upload: (ctx: RequestContext, id: string, fileName: string, bytes: Buffer) =>
      mount.upload(deps, ctx, id, fileName, bytes),
    mountApi: (ctx: RequestContext, id: string, api: ApiMount) => mount.mountApi(deps, ctx, id, api),
    listLoads: (actor: Actor, id: string) => mount.listLoads(deps, actor, id),
    getLoad: (actor: Actor, id: string, loadId: string) => mount.getLoad(deps, actor, id, loadId),
    previewRows: (actor: Actor, id: string, page: number) => mount.previewRows(deps, actor, id, page),
    // ── 数据质量看板: the latest load's measures and the update cycle, per resource and department ──
    qualityBoard: (actor: Actor, query: BoardQuery) => qualityBoard(deps, actor, query),
    // ── for opendata (decision 0012): openable resources, one with its plain rows to desensitise ──
    openable: () => openData.openable(deps),
    openSource: (resourceId: string) => openData.openSource(deps, resourceId),
    /** Demo data: 法人基础信息 (with five enterprises mounted) and 社会保险参保登记信息, published. */
    seedDemo: (people: SharingDemoPeople) => seedSharing(deps, people),
    // ── exchange (decision 0014): subscriptions, signed webhook deliveries, pull ──
    exchange: createExchange(deps),
    // ── grants and the gateway (decision 0013): requests, grants, system clients, OIDC, /share/v1 ──
    grants,
  };
}
export type SharingModule = ReturnType<typeof createSharing>;
