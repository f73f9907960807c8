// "One thing" bundles (一件事) of the catalog: the service office defines and publishes sets of base items
// (e.g. 开办餐饮店 = 个体工商户设立登记 + 食品经营许可 + …); the public reads a bundle guide with one merged
// material list and the outline of one merged intake form. Owns catalog.bundle and catalog.bundle_member
// (migration 0003); reads the catalog's published implementations and org's divisions and departments.
import type { RequestContext } from '../../../platform/context.ts';
import type { CatalogDeps } from '../deps.ts';
import * as admin from './admin.ts';
import * as guide from './guide.ts';
import type { BundleListQuery, CreateBundleInput, SetMembersInput, UpdateBundleInput } from './schema.ts';

export { registerBundleRoutes } from './routes.ts';
export { seedBundles } from './seed.ts';

export function createBundles(deps: CatalogDeps) {
  return {
    // ── public ──
    list: (query: BundleListQuery) => guide.listPublic(deps, query),
    guide: (id: string, division: string) => guide.getGuide(deps, id, division),

    // ── the service office ──
    listForOffice: (ctx: RequestContext) => admin.listForOffice(deps, ctx),
    getForOffice: (ctx: RequestContext, id: string) => admin.getForOffice(deps, ctx, id),
    create: (ctx: RequestContext, input: CreateBundleInput) => admin.createBundle(deps, ctx, input),
    update: (ctx: RequestContext, id: string, input: UpdateBundleInput) =>
      admin.updateBundle(deps, ctx, id, input),
    setMembers: (ctx: RequestContext, id: string, input: SetMembersInput) =>
      admin.setMembers(deps, ctx, id, input),
    publish: (ctx: RequestContext, id: string) => admin.publishBundle(deps, ctx, id),
    unpublish: (ctx: RequestContext, id: string, reason: string) =>
      admin.unpublishBundle(deps, ctx, id, reason),
  };
}
export type BundlesModule = ReturnType<typeof createBundles>;
