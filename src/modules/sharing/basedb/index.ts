// sharing's base databases (基础库, decision 0015): 人口, 法人, 电子证照 and 行政区划 registered as
// 信阳市数据局's resources (基础信息资源) and kept current from the owning modules' events: the outbox
// handlers only queue keys, the job reads the doors (identity, licenses, org, wired in app.ts as
// BaseSources) and upserts/deletes rows by key with a load, an audit entry and `sharing.data-loaded`.
import type { Tx } from '../../../platform/db/index.ts';
import type { OutboxEvent } from '../../../platform/events.ts';
import type { SharingDeps } from '../deps.ts';
import type { BaseKind } from './definitions.ts';
import { ensureBaseResources, type ProviderFinder } from './ensure.ts';
import { refreshPending } from './refresh.ts';
import type { BaseSources } from './sources.ts';
import * as store from './store.ts';

export { BASE_KINDS, BASE_RESOURCES, type BaseKind } from './definitions.ts';
export type { BaseSources } from './sources.ts';

export type BaseDbPorts = { sources: BaseSources; findDepartment: ProviderFinder };

/** An outbox handler queueing the key found in the payload (in the dispatcher's transaction). */
const queueFrom =
  (deps: SharingDeps, kind: BaseKind, field: string) => async (event: OutboxEvent, tx: Tx) => {
    const key = event.payload[field];
    if (typeof key === 'string') await store.enqueue(tx, kind, [key], deps.clock.now());
  };

export function createBaseDb(deps: SharingDeps, ports: BaseDbPorts) {
  return {
    /** Registers and publishes the base databases once and queues a full rebuild (seed and start). */
    ensure: () => ensureBaseResources(deps, ports.findDepartment),
    /** The job (`runJobs`); `sources` may be replaced for one run (tests, a rebuild from elsewhere). */
    runPending: (sources: BaseSources = ports.sources) => refreshPending(deps, sources),
    /** Queues a full rebuild of one base database. */
    rebuild: (kind: BaseKind) =>
      deps.db.transaction().execute((tx) => store.enqueue(tx, kind, ['*'], deps.clock.now())),
    /** The resource holding a base database, if registered. */
    resourceOf: (kind: BaseKind) => store.resourceOf(deps.db, kind),
    handlers: {
      'identity.citizen.registered': [queueFrom(deps, 'population', 'accountId')],
      'identity.enterprise.opened': [queueFrom(deps, 'legal-person', 'enterpriseId')],
      'identity.enterprise.flag-cleared': [queueFrom(deps, 'legal-person', 'enterpriseId')],
      'license.issued': [queueFrom(deps, 'license', 'licenseId')],
      'license.status-changed': [queueFrom(deps, 'license', 'licenseId')],
    },
  };
}
export type BaseDbModule = ReturnType<typeof createBaseDb>;
