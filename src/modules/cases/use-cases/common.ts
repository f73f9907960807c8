// The frame every case verb runs in: one transaction, the case row locked, outsiders told "not found",
// the verb's own checks and writes, and the fresh view returned after commit.
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { actorIn } from '../../../platform/oversight.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors, illegalTransition } from '../errors.ts';
import { canSee } from '../policy.ts';
import type { CaseState, CaseView } from '../schema.ts';
import * as store from '../store.ts';
import { toCaseView } from '../views.ts';

export { actorIn };

/** The case if the actor may see it; otherwise the same 404 as for a case that does not exist. */
export async function visibleCase(db: Parameters<typeof store.findCase>[0], actor: Actor, id: string) {
  const found = await store.findCase(db, id);
  if (!found || !canSee(actor, found)) throw caseErrors.notFound();
  return found;
}

export async function withCase(
  deps: CasesDeps,
  ctx: RequestContext,
  caseId: string,
  verb: (tx: Tx, c: store.CaseRow, actor: Actor) => Promise<void>,
): Promise<CaseView> {
  const actor = actorIn(ctx);
  await deps.db.transaction().execute(async (tx) => {
    const c = await store.lockCase(tx, caseId);
    if (!c || !canSee(actor, c)) throw caseErrors.notFound();
    await verb(tx, c, actor);
  });
  return toCaseView(deps, await visibleCase(deps.db, actor, caseId), actor);
}

export function requireState(c: store.CaseRow, states: readonly CaseState[], action: string) {
  if (!states.includes(c.state)) throw illegalTransition(c.state, action);
}

export function requireRole(allowed: boolean) {
  if (!allowed) throw caseErrors.notAllowed();
}
