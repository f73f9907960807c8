// catalog: service items (政务服务事项) — the base catalog, per-department implementation lists for city,
// county and township, and the versioned guides (办事指南) with review and publishing (decision 0003).
// Owns schema `catalog`. Calls audit (every write recorded), org (departments, divisions, halls) and the
// search index through the SearchIndexPort that app.ts fills.
import { type RequestContext, systemContext } from '../../platform/context.ts';
import { createBundles, seedBundles } from './bundles/index.ts';
import type { CatalogDeps } from './deps.ts';
import * as excel from './excel/index.ts';
import type { ItemQuery, UpdateDraftInput } from './schema.ts';
import { planCatalogSeed, seedId, writeCatalogSeed } from './seed.ts';
import * as store from './store.ts';
import * as drafts from './use-cases/drafts.ts';
import * as publishing from './use-cases/publish.ts';
import * as reads from './use-cases/reads.ts';

export { type CatalogDeps, noSearchIndex, type SearchDoc, type SearchIndexPort } from './deps.ts';
/** The zip-bomb guard of .xlsx uploads, for other modules that read workbooks (sharing). */
export { inspectZip } from './excel/zip-guard.ts';
export { catalogRoutes } from './routes.ts';
export type { GuideContent, GuideView, ItemSummary, VersionView } from './schema.ts';
export { type CatalogSearch, createCatalogSearch } from './search/index.ts';
export { searchRoutes } from './search/routes.ts';

export function createCatalog(deps: CatalogDeps) {
  return {
    // ── public reads ──
    listItems: (query: ItemQuery) => reads.listItems(deps, query),
    getGuide: (implementationId: string) => reads.getGuide(deps, implementationId),
    getPublicVersion: (versionId: string) => reads.getPublicVersion(deps, versionId),
    regions: (itemId: string) => reads.regions(deps, itemId),
    themes: (division: string) => reads.themes(deps, division),
    departments: (division: string) => reads.departments(deps, division),

    // ── the editor (department admin) and the review desk (service office) ──
    getVersionForStaff: (ctx: RequestContext, id: string) => reads.getVersionForStaff(deps, ctx, id),
    history: (ctx: RequestContext, implementationId: string) => reads.history(deps, ctx, implementationId),
    diff: (ctx: RequestContext, from: string, to: string) => reads.diff(deps, ctx, from, to),
    levelDiff: (ctx: RequestContext, implementationId: string) =>
      reads.levelDiff(deps, ctx, implementationId),
    reviewQueue: (ctx: RequestContext) => reads.reviewQueue(deps, ctx),
    editorList: (ctx: RequestContext) => reads.editorList(deps, ctx),
    startDraft: (ctx: RequestContext, implementationId: string) =>
      drafts.startDraft(deps, ctx, implementationId),
    updateDraft: (ctx: RequestContext, versionId: string, input: UpdateDraftInput) =>
      drafts.updateDraft(deps, ctx, versionId, input),
    submitDraft: (ctx: RequestContext, versionId: string) => drafts.submitDraft(deps, ctx, versionId),
    approve: (ctx: RequestContext, versionId: string, note: string | null) =>
      drafts.review(deps, ctx, versionId, { isApproved: true, note }),
    reject: (ctx: RequestContext, versionId: string, note: string) =>
      drafts.review(deps, ctx, versionId, { isApproved: false, note }),
    publish: (ctx: RequestContext, versionId: string) => publishing.publish(deps, ctx, versionId),
    unpublish: (ctx: RequestContext, implementationId: string, reason: string) =>
      publishing.unpublish(deps, ctx, implementationId, reason),

    // ── the implementation list as Excel (excel/) ──
    exportList: (ctx: RequestContext, query: excel.ExportQuery) => excel.exportList(deps, ctx, query),
    importList: (ctx: RequestContext, bytes: Buffer) => excel.importList(deps, ctx, bytes),

    /** "One thing" bundles (一件事): bundles/. */
    bundles: createBundles(deps),

    /** The id of a demo implementation: a seed item's code (e.g. XY-SCJG-009) in a division. */
    demoImplementationId: (itemCode: string, division = '411500') =>
      seedId(`implementation:${itemCode}:${division}`),

    /** Published implementations per level (city, county, township). */
    counts: () => store.counts(deps.db),

    /**
     * Demo data (seed.ts): the 193 seed items published in 信阳市 and derived in its counties and sample
     * townships, and the demo bundles (bundles/seed.ts); one transaction, one audit entry when anything
     * was added. Needs org seeded. Idempotent.
     */
    async seedDemo(ctx: RequestContext = systemContext('seed')) {
      const plan = await planCatalogSeed(deps.org, deps.clock.now());
      return deps.db.transaction().execute(async (tx) => {
        const result = await writeCatalogSeed(tx, plan, (doc) => deps.search.indexVersion(tx, doc));
        const bundles = await seedBundles(tx, deps.clock.now());
        if (result.versions > 0 || bundles > 0) {
          await deps.audit.record(tx, ctx, {
            action: 'catalog.seed',
            subjectType: 'catalog',
            summary: { ...result, bundles },
          });
        }
        return result;
      });
    },
  };
}
export type CatalogModule = ReturnType<typeof createCatalog>;
