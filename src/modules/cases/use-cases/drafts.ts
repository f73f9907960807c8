// Drafts (草稿): the wizard autosaves here, so the applicant continues on another device. Only the
// owner sees a draft; submitting the case deletes it. The draft is encrypted at rest (it may hold a
// phone number) and, being the applicant's own scratch pad, not audited.
import type { RequestContext } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import type { DraftInput, DraftView } from '../schema.ts';
import * as store from '../store.ts';
import { actorIn } from './common.ts';

const view = (deps: CasesDeps, r: store.DraftRow): DraftView => ({
  id: r.id,
  implementationId: r.implementation_id,
  content: JSON.parse(deps.cipher.decrypt(r.content_enc)) as DraftInput,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

async function ownDraft(deps: CasesDeps, accountId: string, id: string) {
  const found = await store.findDraft(deps.db, id);
  if (!found || found.account_id !== accountId) throw caseErrors.draftNotFound();
  return found;
}

export async function saveDraft(deps: CasesDeps, ctx: RequestContext, id: string | null, input: DraftInput) {
  const actor = actorIn(ctx);
  await deps.catalog.getGuide(input.implementationId);
  const now = deps.clock.now();
  const existing = id ? await ownDraft(deps, actor.accountId, id) : null;
  const row: store.DraftRow = {
    id: existing?.id ?? newId(),
    account_id: actor.accountId,
    enterprise_id: actor.enterpriseId,
    implementation_id: input.implementationId,
    content_enc: deps.cipher.encrypt(JSON.stringify(input)),
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  await store.upsertDraft(deps.db, row);
  return view(deps, row);
}

export async function listDrafts(deps: CasesDeps, ctx: RequestContext) {
  return { items: (await store.draftsOf(deps.db, actorIn(ctx).accountId)).map((r) => view(deps, r)) };
}

export async function getDraft(deps: CasesDeps, ctx: RequestContext, id: string) {
  return view(deps, await ownDraft(deps, actorIn(ctx).accountId, id));
}

export async function deleteDraft(deps: CasesDeps, ctx: RequestContext, id: string) {
  await ownDraft(deps, actorIn(ctx).accountId, id);
  await store.deleteDraft(deps.db, id);
}
