// Registers and publishes the four base databases (基础库) as resources of 信阳市数据局, once: through
// the catalog's own verbs (audited, with events), acted by the platform's base-database account, which
// is 数据局's data officer and reviewer for this purpose only. Safe to run on every start: a resource
// found by name is linked and finished (submitted, published), never registered twice. Then queues a
// full rebuild of each, which writes only what changed.
import type { RequestContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { SharingDeps } from '../deps.ts';
import * as sharingStore from '../store.ts';
import * as catalog from '../use-cases/catalog.ts';
import { BASE_KINDS, BASE_RESOURCES, type BaseKind } from './definitions.ts';
import * as store from './store.ts';

/** 信阳市数据局 (org's seed): the provider of every base database. */
export const PROVIDER = { divisionCode: '411500', kind: '数据局' } as const;
/** The account id base-database work is recorded under (no such sign-in account exists). */
export const BASEDB_ACCOUNT = '00000000-0000-4000-8000-00000000ba5e';

export type ProviderFinder = (divisionCode: string, kind: string) => Promise<{ id: string } | null>;

export function baseDbContext(departmentId: string, requestId = 'basedb'): RequestContext {
  const actor: Actor = {
    kind: 'staff',
    accountId: BASEDB_ACCOUNT,
    sessionId: requestId,
    displayName: '基础库同步',
    roles: ['data_officer', 'data_reviewer'],
    departmentId,
    divisionCode: PROVIDER.divisionCode,
    enterpriseId: null,
    isMfaComplete: true,
    csrfToken: '',
  };
  return { actor, requestId, ip: '127.0.0.1' };
}

async function findByName(deps: SharingDeps, departmentId: string, name: string) {
  for (let page = 1; page < 100; page++) {
    const found = await sharingStore.listOwn(deps.db, departmentId, undefined, page);
    const hit = found.items.find((r) => r.v.name === name);
    if (hit) return hit;
    if (found.items.length < sharingStore.PAGE) return null;
  }
  return null;
}

async function ensureOne(deps: SharingDeps, ctx: RequestContext, departmentId: string, kind: BaseKind) {
  const input = BASE_RESOURCES[kind];
  const linked = await store.resourceOf(deps.db, kind);
  const found = linked
    ? await sharingStore.getResource(deps.db, linked)
    : await findByName(deps, departmentId, input.name);
  const id = found?.id ?? (await catalog.register(deps, ctx, input)).id;
  if (!linked) await store.linkResource(deps.db, kind, id);
  const r = await sharingStore.getResource(deps.db, id);
  // published once: later versions are edited and reviewed by people like any resource
  if (!r?.working_version_id || r.published_version_id) return 0;
  const working = await sharingStore.getVersion(deps.db, r.working_version_id);
  if (working?.state === 'draft' || working?.state === 'rejected') await catalog.submit(deps, ctx, id);
  await catalog.approve(deps, ctx, id);
  return 1;
}

/** Returns how many base databases it published (0 when all were, or 数据局 does not exist). */
export async function ensureBaseResources(
  deps: SharingDeps,
  findDepartment: ProviderFinder,
): Promise<number> {
  const provider = await findDepartment(PROVIDER.divisionCode, PROVIDER.kind);
  if (!provider) return 0;
  const ctx = baseDbContext(provider.id);
  let published = 0;
  for (const kind of BASE_KINDS) published += await ensureOne(deps, ctx, provider.id, kind);
  await deps.db.transaction().execute(async (tx) => {
    for (const kind of BASE_KINDS) await store.enqueue(tx, kind, ['*'], deps.clock.now());
  });
  return published;
}
