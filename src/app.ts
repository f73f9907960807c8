// The composition root: opens the platform, creates every module in floor order, wires the ports
// between them and registers their routes. Nothing else constructs modules.

import { analyticsRoutes, createAnalytics } from './modules/analytics/index.ts';
import { auditRoutes, createAudit } from './modules/audit/index.ts';
import { applicantRoutes, createCases, seedDemoCases, staffRoutes } from './modules/cases/index.ts';
import {
  catalogRoutes,
  createCatalog,
  createCatalogSearch,
  inspectZip,
  searchRoutes,
} from './modules/catalog/index.ts';
import { createFiles, filesRoutes } from './modules/files/index.ts';
import { createIdentity, identityRoutes } from './modules/identity/index.ts';
import { createInteraction, interactionRoutes } from './modules/interaction/index.ts';
import { createLicenses, licensesRoutes } from './modules/licenses/index.ts';
import { createNotify, notifyRoutes } from './modules/notify/index.ts';
import { createOpendata, opendataRoutes } from './modules/opendata/index.ts';
import { createOrg, orgRoutes } from './modules/org/index.ts';
import { createPerformance, performanceRoutes } from './modules/performance/index.ts';
import { createSeals, sealsRoutes } from './modules/seals/index.ts';
import { createBaseDb, createSharing, sharingRoutes } from './modules/sharing/index.ts';
import { createSupervision, supervisionRoutes } from './modules/supervision/index.ts';
import { createWorkflow, workflowRoutes } from './modules/workflow/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createFieldCipher } from './platform/crypto.ts';
import type { Database } from './platform/db/index.ts';
import type { PlatformDeps } from './platform/deps.ts';
import { dispatchPending, type EventHandler } from './platform/events.ts';
import { createHttpServer } from './platform/http/server.ts';
import { hasWebBuild, registerWeb } from './platform/http/web.ts';
import { runAll, startBackground } from './platform/jobs.ts';

export type AppOptions = {
  config: Config;
  database: Database;
  clock?: Clock;
  logLevel?: string;
  /** run the background loop (outbox events, license issuing) every second: `serve` does; tests call runJobs */
  background?: boolean;
};

/** The outbox handlers of several modules, per event type in the order given. */
function mergeHandlers(...sets: Array<Record<string, EventHandler[]>>): Record<string, EventHandler[]> {
  const all: Record<string, EventHandler[]> = {};
  for (const set of sets)
    for (const [type, list] of Object.entries(set)) all[type] = [...(all[type] ?? []), ...list];
  return all;
}

export function createModules(config: Config, database: Database, clock: Clock = systemClock) {
  const deps: PlatformDeps = { db: database.db, clock, cipher: createFieldCipher(config.fieldKey), config };
  const audit = createAudit(deps);
  const files = createFiles(deps, { audit });
  const notify = createNotify(deps);
  const org = createOrg(deps, { audit });
  const identity = createIdentity({
    ...deps,
    audit,
    org: {
      departmentName: async (id) => (await org.getDepartment(id))?.name ?? null,
      divisionExists: (code) => org.divisionExists(code),
    },
  });
  const seals = createSeals(deps, {
    audit,
    org,
    staffDepartmentOf: async (accountId) =>
      (await identity.listStaff()).find((s) => s.id === accountId)?.departmentId ?? null,
  });
  const search = createCatalogSearch({ db: deps.db, audit });
  const catalog = createCatalog({ db: deps.db, clock, audit, org, search });
  const casesAt = (at: Clock) =>
    createCases({
      ...deps,
      clock: at,
      audit,
      catalog,
      identity,
      org,
      workflow: createWorkflow({ db: deps.db, clock: at, audit, catalog, identity }),
      files: {
        describe: async (fileIds, accountId) =>
          (await files.getMany(fileIds)).map((f) => ({
            id: f.id,
            name: f.name,
            size: f.size,
            mediaType: f.mediaType,
            url: files.createDownloadLink(f.id, accountId).url,
          })),
        claim: (tx, fileIds, uploader, owner) => files.claim(tx, fileIds, owner, { uploadedBy: uploader }),
      },
      notify: {
        send: async (tx, message) => {
          await notify.send(tx, message);
        },
      },
      // licenses sits a floor above cases: called through this port, created just below
      licenses: { authorizeUse: (tx, input) => licenses.authorizeUse(tx, input) },
    });
  const cases = casesAt(clock);
  const licenses = createLicenses({
    ...deps,
    audit,
    org,
    catalog,
    cases,
    seals,
    files: {
      storeBytes: (ctx, input, tx) => files.storeBytes(ctx, input, tx),
      readBytes: async (fileId) => new Uint8Array(await (await files.read(fileId)).bytes()),
    },
    notify: {
      send: async (tx, message) => {
        await notify.send(tx, message);
      },
    },
  });
  const supervision = createSupervision({
    ...deps,
    audit,
    cases,
    notify,
    staff: identity,
  });
  const interaction = createInteraction({
    ...deps,
    audit,
    cases,
    notify,
    staff: identity,
  });
  // performance (floor 12) reads cases, supervision and interaction's ratings (好差评) through its port
  const performance = createPerformance({
    ...deps,
    cases,
    supervision,
    ratings: { ratingFacts: (q) => interaction.ratingFacts(q) },
  });
  const sharing = createSharing({ ...deps, audit, org, inspectZip });
  const opendata = createOpendata({ ...deps, audit, sharing });
  // base databases (基础库): sharing resources kept current from identity, licenses and org's doors
  const basedb = createBaseDb(
    { ...deps, audit, org, inspectZip },
    {
      sources: {
        populationRecords: (q) => identity.populationRecords(q),
        legalPersonRecords: (q) => identity.legalPersonRecords(q),
        licenseRecords: (q) => licenses.licenseRecords(q),
        listDivisions: (parent) => org.listDivisions(parent),
      },
      findDepartment: (division, kind) => org.findDepartment(division, kind),
    },
  );
  const analytics = createAnalytics({ ...deps, cases, org });
  const handlers = mergeHandlers(
    licenses.handlers,
    supervision.handlers,
    opendata.handlers,
    analytics.handlers,
    sharing.exchange.handlers,
    basedb.handlers,
  );
  /** The platform's background work: deliver outbox events, then each module's queue (licenses to issue,
   * cases to evaluate and count, datasets to rebuild, webhooks to deliver); a job that throws is logged
   * with its name and the others still run (runAll). */
  const runJobs = () =>
    runAll([
      { name: 'outbox', run: () => dispatchPending(deps.db, handlers) },
      { name: 'licenses', run: () => licenses.issuePending() },
      { name: 'supervision', run: () => supervision.runPending() },
      { name: 'analytics', run: () => analytics.runPending() },
      { name: 'opendata', run: () => opendata.runPending() },
      { name: 'basedb', run: () => basedb.runPending() },
      { name: 'exchange', run: () => sharing.exchange.deliverPending() },
    ]);
  const workflow = createWorkflow({ db: deps.db, clock, audit, catalog, identity });
  /** Demo cases in every state, filed and worked on a clock walking through past working days. */
  const seedCases = async () =>
    seedDemoCases(
      {
        db: deps.db,
        now: clock.now(),
        casesAt,
        storeFile: async (ctx, name, bytes) => (await files.storeBytes(ctx, { name, bytes })).id,
        people: await identity.demoActors(),
      },
      (code) => catalog.demoImplementationId(code),
    );
  /** Demo ratings by 张三 and 李四 of their demo cases' service events (after seedCases). */
  const seedRatings = async () => {
    const people = await identity.demoActors();
    return interaction.seedDemo([people.zhangsan, people.lisi], async (actor) =>
      (await cases.myCases(actor, { page: 1, pageSize: 100 })).items.map((c) => c.id),
    );
  };
  return {
    deps,
    audit,
    files,
    notify,
    org,
    identity,
    seals,
    catalog,
    search,
    workflow,
    cases,
    licenses,
    supervision,
    sharing,
    basedb,
    opendata,
    interaction,
    performance,
    analytics,
    seedCases,
    seedRatings,
    runJobs,
  };
}
export type Modules = ReturnType<typeof createModules>;

export async function buildApp(options: AppOptions) {
  const modules = createModules(options.config, options.database, options.clock);
  const app = await createHttpServer({
    authenticate: modules.identity.authenticate,
    isReady: options.database.ping,
    logLevel: options.logLevel ?? options.config.logLevel,
    trustProxy: options.config.trustProxy,
  });
  await app.register(auditRoutes(modules.audit));
  await app.register(filesRoutes(modules.files));
  await app.register(notifyRoutes(modules.notify));
  await app.register(orgRoutes(modules.org));
  await app.register(identityRoutes(modules.identity));
  await app.register(catalogRoutes(modules.catalog));
  await app.register(searchRoutes(modules.search));
  await app.register(workflowRoutes(modules.workflow));
  await app.register(applicantRoutes(modules.cases, options.config.authRateLimitPerMinute));
  await app.register(staffRoutes(modules.cases));
  await app.register(sealsRoutes(modules.seals));
  await app.register(licensesRoutes(modules.licenses, options.config.authRateLimitPerMinute));
  await app.register(supervisionRoutes(modules.supervision));
  await app.register(sharingRoutes(modules.sharing));
  await app.register(opendataRoutes(modules.opendata));
  await app.register(performanceRoutes(modules.performance));
  await app.register(analyticsRoutes(modules.analytics));
  await app.register(interactionRoutes(modules.interaction, options.config.authRateLimitPerMinute));
  if (options.background) {
    const loop = startBackground(modules.runJobs, {
      intervalMs: 1000,
      onError: (error) => app.log.error({ err: error }, 'background jobs failed'),
    });
    app.addHook('onClose', () => loop.stop());
  }
  if (hasWebBuild()) await registerWeb(app);
  return { app, modules };
}
