// Sessions: opaque random tokens in an httpOnly cookie; the database keeps only their hash.
// A session expires after 30 minutes idle or 12 hours in all; password-only staff sessions after 10.
import { createHash, randomBytes } from 'node:crypto';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, type IdentityDeps, MFA_PENDING_TIMEOUT_MS } from '../deps.ts';
import * as store from '../store.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function openSession(
  tx: Executor,
  now: Date,
  accountId: string,
  isMfaComplete: boolean,
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = newId();
  await store.insertSession(tx, {
    token_hash: hashToken(token),
    id: sessionId,
    account_id: accountId,
    csrf_token: randomBytes(24).toString('base64url'),
    is_mfa_complete: isMfaComplete,
    acting_enterprise_id: null,
    created_at: now,
    last_seen_at: now,
    revoked_at: null,
  });
  return { token, sessionId };
}

/** The actor behind a session token, or null when the token is unknown, revoked or expired. */
export async function resolveSession(d: IdentityDeps, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const row = await store
    .q(d.db)
    .selectFrom('identity.session as s')
    .innerJoin('identity.account as a', 'a.id', 's.account_id')
    .leftJoin('identity.staff as st', 'st.account_id', 's.account_id')
    .leftJoin('identity.citizen as c', 'c.account_id', 's.account_id')
    .select(['s.id', 's.account_id', 's.csrf_token', 's.is_mfa_complete', 's.acting_enterprise_id'])
    .select(['s.created_at', 's.last_seen_at', 's.revoked_at', 'a.kind', 'a.is_disabled'])
    .select(['st.name as staff_name', 'st.roles', 'st.department_id', 'st.division_code', 'c.real_name'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.is_disabled) return null;
  const now = d.clock.now().getTime();
  const lifetime = row.is_mfa_complete ? ABSOLUTE_TIMEOUT_MS : MFA_PENDING_TIMEOUT_MS;
  if (now - row.last_seen_at.getTime() > IDLE_TIMEOUT_MS || now - row.created_at.getTime() > lifetime)
    return null;
  if (now - row.last_seen_at.getTime() > 60_000) {
    await store.updateSession(d.db, tokenHash, { last_seen_at: new Date(now) });
  }
  const enterpriseId = row.acting_enterprise_id
    ? await actingStillAllowed(d, row.account_id, row.acting_enterprise_id)
    : null;
  return {
    kind: row.kind,
    accountId: row.account_id,
    sessionId: row.id,
    displayName: (row.kind === 'staff' ? row.staff_name : row.real_name) ?? '',
    roles: row.roles ?? [],
    departmentId: row.department_id ?? null,
    divisionCode: row.division_code ?? null,
    enterpriseId,
    isMfaComplete: row.is_mfa_complete,
    csrfToken: row.csrf_token,
  };
}

/** The enterprise id if the account is still its legal representative or holds a valid mandate. */
async function actingStillAllowed(
  d: IdentityDeps,
  accountId: string,
  enterpriseId: string,
): Promise<string | null> {
  const relation = await relationTo(d.db, accountId, enterpriseId, d.clock.now());
  return relation ? enterpriseId : null;
}

export async function relationTo(
  db: Executor,
  accountId: string,
  enterpriseId: string,
  now: Date,
): Promise<'legal_rep' | 'agent' | null> {
  const enterprise = await store.findEnterprise(db, enterpriseId);
  if (!enterprise) return null;
  if (enterprise.legal_rep_account_id === accountId) return 'legal_rep';
  const agentOf = await store.enterprisesOfAgent(db, accountId, shanghaiDate(now));
  return agentOf.some((e) => e.id === enterpriseId) ? 'agent' : null;
}
