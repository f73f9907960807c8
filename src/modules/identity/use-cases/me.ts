// The signed-in account as it sees itself, and staff access to a citizen's personal data:
// masked by default; unmasking needs a stated purpose and is audited.
import type { RequestContext } from '../../../platform/context.ts';
import { maskIdNumber, maskPhone } from '../../../platform/crypto.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { normalizeIdNumber } from '../../../platform/standards/id-number.ts';
import type { IdentityDeps } from '../deps.ts';
import { identityErrors } from '../errors.ts';
import type { MeView } from '../schema.ts';
import type { SessionFacts } from '../session-cache.ts';
import * as store from '../store.ts';
import { myEnterprises } from './enterprises.ts';
import { sessionFacts } from './sessions.ts';

export async function me(d: IdentityDeps, actor: Actor): Promise<MeView> {
  const facts = sessionFacts(actor) ?? (await factsFromStore(d, actor.accountId));
  const base = {
    accountId: actor.accountId,
    kind: actor.kind,
    displayName: actor.displayName,
    roles: actor.roles,
    isMfaComplete: actor.isMfaComplete,
    hasTotp: facts.hasTotp,
    csrfToken: actor.csrfToken,
  };
  if (actor.kind === 'staff') {
    const departmentName = actor.departmentId ? await d.org.departmentName(actor.departmentId) : null;
    return {
      ...base,
      idNumberMasked: null,
      phoneMasked: null,
      department:
        actor.departmentId && departmentName ? { id: actor.departmentId, name: departmentName } : null,
      divisionCode: actor.divisionCode,
      acting: null,
      enterprises: [],
    };
  }
  // kept with the cached session: enterprise and mandate changes forget the sessions they affect
  facts.enterprises ??= await myEnterprises(d, actor.accountId);
  const enterprises = facts.enterprises;
  return {
    ...base,
    idNumberMasked: facts.idNumberEnc ? maskIdNumber(d.cipher.decrypt(facts.idNumberEnc)) : null,
    phoneMasked: facts.phoneEnc ? maskPhone(d.cipher.decrypt(facts.phoneEnc)) : null,
    department: null,
    divisionCode: null,
    acting: enterprises.find((e) => e.id === actor.enterpriseId) ?? null,
    enterprises,
  };
}

async function factsFromStore(d: IdentityDeps, accountId: string): Promise<SessionFacts> {
  const account = await store.findAccount(d.db, accountId);
  const citizen = await store.findCitizen(d.db, accountId);
  return {
    hasTotp: Boolean(account?.totp_secret_enc),
    idNumberEnc: citizen?.id_number_enc ?? null,
    phoneEnc: citizen?.phone_enc ?? null,
  };
}

export async function lookupCitizen(d: IdentityDeps, idNumber: string) {
  const row = await store.findCitizenByHash(
    d.db,
    'id_number_hash',
    d.cipher.blindIndex(normalizeIdNumber(idNumber)),
  );
  if (!row) throw identityErrors.citizenNotFound();
  return {
    id: row.account_id,
    realName: row.real_name,
    idNumberMasked: maskIdNumber(d.cipher.decrypt(row.id_number_enc)),
    phoneMasked: maskPhone(d.cipher.decrypt(row.phone_enc)),
  };
}

export async function unmaskCitizen(
  d: IdentityDeps,
  ctx: RequestContext,
  citizenId: string,
  purpose: string,
) {
  const row = await store.findCitizen(d.db, citizenId);
  if (!row) throw identityErrors.citizenNotFound();
  await inTransaction(d.db, (tx) =>
    d.audit.record(tx, ctx, {
      action: 'identity.pii.unmask',
      subjectType: 'citizen',
      subjectId: citizenId,
      summary: { purpose },
    }),
  );
  return { idNumber: d.cipher.decrypt(row.id_number_enc), phone: d.cipher.decrypt(row.phone_enc) };
}
