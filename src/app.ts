// The composition root: opens the platform, creates every module in floor order, wires the ports
// between them and registers their routes. Nothing else constructs modules.

import { auditRoutes, createAudit } from './modules/audit/index.ts';
import { catalogRoutes, createCatalog, createCatalogSearch, searchRoutes } from './modules/catalog/index.ts';
import { createFiles, filesRoutes } from './modules/files/index.ts';
import { createIdentity, identityRoutes } from './modules/identity/index.ts';
import { createNotify, notifyRoutes } from './modules/notify/index.ts';
import { createOrg, orgRoutes } from './modules/org/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createFieldCipher } from './platform/crypto.ts';
import type { Database } from './platform/db/index.ts';
import type { PlatformDeps } from './platform/deps.ts';
import { createHttpServer } from './platform/http/server.ts';
import { hasWebBuild, registerWeb } from './platform/http/web.ts';

export type AppOptions = { config: Config; database: Database; clock?: Clock; logLevel?: string };

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
  const search = createCatalogSearch({ db: deps.db, audit });
  const catalog = createCatalog({ db: deps.db, clock, audit, org, search });
  return { deps, audit, files, notify, org, identity, catalog, search };
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
  if (hasWebBuild()) await registerWeb(app);
  return { app, modules };
}
