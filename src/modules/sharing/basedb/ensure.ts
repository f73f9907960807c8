// Registers and publishes the four base databases (基础库) as resources of 信阳市数据局, once: through
// the catalog's own verbs (audited, with events), acted by the platform's base-database account, which
// is 数据局's data officer and reviewer for this purpose only. Safe to run on every start, on several
// nodes at once: a resource found by name is linked and finished (submitted, published), never
// registered twice (the look and the registration run under the base database's advisory lock).
// Then queues a full rebuild of each, which writes only what changed.
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
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

async function findByName(db: Executor, departmentId: string, name: string) {
  for (let page = 1; page < 100; page++) {
    const found = await sharingStore.listOwn(db, departmentId, undefined, page);
    const hit = found.items.find((r) => r.v.name === name);
    if (hit) return hit;
    if (found.items.length < sharingStore.PAGE) return null;
  }
  return null;
}

async function ensureOne(deps: SharingDeps, ctx: RequestContext, departmentId: string, kind: BaseKind) {
  const input = BASE_RESOURCES[kind];
  let id = await store.resourceOf(deps.db, kind);
  if (!id) {
    // nodes starting at once: looked for and registered under the base database's lock, so the
    // first registers and links it and the others wait and find it linked
    const register = await catalog.registration(deps, ctx, input);
    id = await deps.db.transaction().execute(async (tx) => {
      await store.lockKind(tx, kind);
      const linked = await store.resourceOf(tx, kind);
      if (linked) return linked;
      const found = await findByName(tx, departmentId, input.name);
      const registered = found?.id ?? (await register(tx)).id;
      await store.linkResource(tx, kind, registered);
      return registered;
    });
  }
  const r = await sharingStore.getResource(deps.db, id);
  // published once: later versions are edited and reviewed by people like any resource
  if (!r?.working_version_id || r.published_version_id) return 0;
  // another node starting at once may submit or publish it meanwhile: its move counts as done
  const moved = async () => {
    const again = await sharingStore.getResource(deps.db, id);
    const v = again?.working_version_id
      ? await sharingStore.getVersion(deps.db, again.working_version_id)
      : null;
    return again?.published_version_id ? 'published' : v?.state === 'submitted' ? 'submitted' : null;
  };
  const working = await sharingStore.getVersion(deps.db, r.working_version_id);
  if (working?.state === 'draft' || working?.state === 'rejected')
    await catalog.submit(deps, ctx, id).catch(async (error) => {
      if (!(await moved())) throw error;
    });
  try {
    await catalog.approve(deps, ctx, id);
  } catch (error) {
    if ((await moved()) === 'published') return 0;
    throw error;
  }
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
