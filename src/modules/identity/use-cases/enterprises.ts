// 法人 accounts and 经办人 mandates. The citizen who opens an enterprise is its legal representative;
// they authorise agents for all items or listed items until a date, and may revoke at any time.
// A citizen acts for an enterprise by switching the session's acting identity.

import { shanghaiDate } from '../../../platform/clock.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { maskIdNumber } from '../../../platform/crypto.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { normalizeIdNumber } from '../../../platform/standards/id-number.ts';
import { parseUscc } from '../../../platform/standards/uscc.ts';
import type { IdentityDeps } from '../deps.ts';
import { identityErrors } from '../errors.ts';
import type { MandateView } from '../schema.ts';
import * as store from '../store.ts';
import { hashToken, relationTo } from './sessions.ts';

export async function openEnterprise(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  input: { uscc: string; name: string },
) {
  const uscc = input.uscc.normalize('NFKC').trim().toUpperCase();
  const parsed = parseUscc(uscc);
  if (!parsed.isWellFormed) {
    const message =
      '统一社会信用代码应为 18 位：第 1–2 位为登记管理部门和机构类别，第 3–8 位为行政区划码，不含 I、O、Z、S、V';
    throw identityErrors.invalidUscc(message, [{ path: 'body.uscc', message }]);
  }
  const result = await inTransaction(d.db, async (tx) => {
    if (await store.findEnterpriseByUscc(tx, uscc)) throw identityErrors.enterpriseTaken();
    const row: store.EnterpriseRow = {
      id: newId(),
      uscc,
      name: input.name.trim(),
      legal_rep_account_id: actor.accountId,
      is_checksum_flagged: !parsed.isChecksumValid,
      flag_cleared_by: null,
      flag_cleared_at: null,
      created_at: d.clock.now(),
    };
    await store.insertEnterprise(tx, row);
    await emit(tx, 'identity.enterprise.opened', { enterpriseId: row.id });
    await d.audit.record(tx, ctx, {
      action: 'identity.enterprise.open',
      subjectType: 'enterprise',
      subjectId: row.id,
      summary: { uscc, isChecksumFlagged: row.is_checksum_flagged },
    });
    return { ...enterpriseView(row, 'legal_rep') };
  });
  d.sessions.forgetAccount(actor.accountId);
  return result;
}

export function enterpriseView(row: store.EnterpriseRow, relation: 'legal_rep' | 'agent') {
  return { id: row.id, uscc: row.uscc, name: row.name, relation, isChecksumFlagged: row.is_checksum_flagged };
}

export async function myEnterprises(d: IdentityDeps, accountId: string) {
  const rows = await store.enterprisesOf(d.db, accountId, shanghaiDate(d.clock.now()));
  return rows.map((e) => enterpriseView(e, e.relation));
}

async function requireLegalRep(d: IdentityDeps, actor: Actor, enterpriseId: string) {
  const enterprise = await store.findEnterprise(d.db, enterpriseId);
  // someone else's enterprise looks exactly like a missing one
  if (!enterprise || enterprise.legal_rep_account_id !== actor.accountId)
    throw identityErrors.enterpriseNotFound();
  return enterprise;
}

export async function listMandates(
  d: IdentityDeps,
  actor: Actor,
  enterpriseId: string,
): Promise<MandateView[]> {
  await requireLegalRep(d, actor, enterpriseId);
  const today = shanghaiDate(d.clock.now());
  const rows = await store.listMandates(d.db, enterpriseId);
  return rows.map((r) => mandateView(r, r.real_name, maskIdNumber(d.cipher.decrypt(r.id_number_enc)), today));
}

function mandateView(r: store.MandateRow, agentName: string, idMasked: string, today: string): MandateView {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    agentName,
    agentIdNumberMasked: idMasked,
    scope: r.scope,
    itemCodes: r.item_codes,
    validUntil: r.valid_until,
    status: r.revoked_at ? 'revoked' : r.valid_until < today ? 'expired' : 'active',
    createdAt: r.created_at.toISOString(),
  };
}

export type MandateInput = {
  agentIdNumber: string;
  agentName: string;
  scope: 'all' | 'items';
  itemCodes: string[];
  validUntil: string;
};

export async function grantMandate(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  enterpriseId: string,
  input: MandateInput,
) {
  await requireLegalRep(d, actor, enterpriseId);
  const now = d.clock.now();
  const today = shanghaiDate(now);
  const limit = shanghaiDate(new Date(now.getTime() + 5 * 366 * 86_400_000));
  if (input.validUntil <= today || input.validUntil > limit) throw identityErrors.mandateDate();
  const idNumber = normalizeIdNumber(input.agentIdNumber);
  const agent = await store.findCitizenByHash(d.db, 'id_number_hash', d.cipher.blindIndex(idNumber));
  if (!agent || agent.real_name !== input.agentName.trim()) throw identityErrors.agentNotFound();
  const result = await inTransaction(d.db, async (tx) => {
    const row: store.MandateRow = {
      id: newId(),
      enterprise_id: enterpriseId,
      agent_account_id: agent.account_id,
      scope: input.scope,
      item_codes: input.scope === 'all' ? [] : [...new Set(input.itemCodes)],
      valid_until: input.validUntil,
      created_at: now,
      created_by: actor.accountId,
      revoked_at: null,
    };
    await store.insertMandate(tx, row);
    await emit(tx, 'identity.mandate.granted', { mandateId: row.id, enterpriseId });
    await d.audit.record(tx, ctx, {
      action: 'identity.mandate.grant',
      subjectType: 'mandate',
      subjectId: row.id,
      summary: {
        enterpriseId,
        agentAccountId: agent.account_id,
        scope: row.scope,
        validUntil: row.valid_until,
      },
    });
    return mandateView(row, agent.real_name, maskIdNumber(idNumber), today);
  });
  d.sessions.forgetAccount(agent.account_id);
  return result;
}

export async function revokeMandate(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  enterpriseId: string,
  mandateId: string,
) {
  await requireLegalRep(d, actor, enterpriseId);
  const result = await inTransaction(d.db, async (tx) => {
    const mandate = await store.lockMandate(tx, enterpriseId, mandateId);
    if (!mandate) throw identityErrors.mandateNotFound();
    const now = d.clock.now();
    if (!mandate.revoked_at) {
      await store.revokeMandate(tx, mandateId, now);
      await emit(tx, 'identity.mandate.revoked', { mandateId, enterpriseId });
      await d.audit.record(tx, ctx, {
        action: 'identity.mandate.revoke',
        subjectType: 'mandate',
        subjectId: mandateId,
        summary: { enterpriseId },
      });
    }
    const agent = await store.findCitizen(tx, mandate.agent_account_id);
    const masked = agent ? maskIdNumber(d.cipher.decrypt(agent.id_number_enc)) : '';
    const revoked = { ...mandate, revoked_at: mandate.revoked_at ?? now };
    const view = mandateView(revoked, agent?.real_name ?? '', masked, shanghaiDate(now));
    return { agentId: mandate.agent_account_id, view };
  });
  // the agent may be acting for the enterprise right now: re-check their sessions at once
  d.sessions.forgetAccount(result.agentId);
  return result.view;
}

/** Switches the session to act for an enterprise (or back to the person with null). */
export async function switchActing(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  token: string,
  enterpriseId: string | null,
) {
  if (enterpriseId && !(await relationTo(d.db, actor.accountId, enterpriseId, d.clock.now()))) {
    throw identityErrors.notRepresentative();
  }
  await inTransaction(d.db, async (tx) => {
    await store.updateSession(tx, hashToken(token), { acting_enterprise_id: enterpriseId });
    await d.audit.record(tx, ctx, {
      action: 'identity.acting.switch',
      subjectType: 'enterprise',
      subjectId: enterpriseId ?? '',
    });
  });
  d.sessions.forgetAccount(actor.accountId);
}

/** Enterprises whose credit code failed its checksum and wait for an officer's review. */
export async function listFlaggedEnterprises(d: IdentityDeps) {
  const rows = await store.flaggedEnterprises(d.db);
  return rows.map((r) => ({ id: r.id, uscc: r.uscc, name: r.name, createdAt: r.created_at.toISOString() }));
}

/**
 * An officer who checked a pre-standard (pilot-era) code against the registration certificate clears
 * the checksum flag. The note says what was checked; both are audited.
 */
export async function clearChecksumFlag(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  note: string,
) {
  const result = await inTransaction(d.db, async (tx) => {
    const enterprise = await store.lockEnterprise(tx, id);
    if (!enterprise) throw identityErrors.enterpriseNotFound();
    if (!enterprise.is_checksum_flagged) throw identityErrors.notFlagged();
    const now = d.clock.now();
    await store.clearFlag(tx, id, actor.accountId, now);
    await emit(tx, 'identity.enterprise.flag-cleared', { enterpriseId: id });
    await d.audit.record(tx, ctx, {
      action: 'identity.enterprise.clear-flag',
      subjectType: 'enterprise',
      subjectId: id,
      summary: { uscc: enterprise.uscc, note },
    });
    const view = {
      id,
      uscc: enterprise.uscc,
      name: enterprise.name,
      createdAt: enterprise.created_at.toISOString(),
    };
    return { legalRepId: enterprise.legal_rep_account_id, view };
  });
  // the legal representative's cached view of the enterprise shows the flag: refresh it
  d.sessions.forgetAccount(result.legalRepId);
  return result.view;
}
