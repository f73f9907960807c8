// Sessions: opaque random tokens in an httpOnly cookie; the database keeps only their hash.
// A session expires after 30 minutes idle or 12 hours in all; password-only staff sessions after 10.
import { createHash, randomBytes } from 'node:crypto';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, type IdentityDeps, MFA_PENDING_TIMEOUT_MS } from '../deps.ts';
import { SESSION_CACHE_TTL_MS, type SessionFacts } from '../session-cache.ts';
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

/** What the session query already knows beyond the Actor, kept for `me` so it needs no second lookup. */
const factsOf = new WeakMap<Actor, SessionFacts>();
export const sessionFacts = (actor: Actor): SessionFacts | undefined => factsOf.get(actor);

/**
 * The actor behind a session token, or null when the token is unknown, revoked or expired. One query:
 * the session, its account, staff or citizen row, and whether the acting enterprise is still allowed.
 */
export async function resolveSession(d: IdentityDeps, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const now = d.clock.now();
  const cached = d.sessions.get(tokenHash, now.getTime());
  if (cached) {
    factsOf.set(cached.actor, cached.facts);
    return cached.actor;
  }
  const today = shanghaiDate(now);
  const row = await store
    .q(d.db)
    .selectFrom('identity.session as s')
    .innerJoin('identity.account as a', 'a.id', 's.account_id')
    .leftJoin('identity.staff as st', 'st.account_id', 's.account_id')
    .leftJoin('identity.citizen as c', 'c.account_id', 's.account_id')
    .select(['s.id', 's.account_id', 's.csrf_token', 's.is_mfa_complete', 's.acting_enterprise_id'])
    .select([
      's.created_at',
      's.last_seen_at',
      's.revoked_at',
      'a.kind',
      'a.is_disabled',
      'a.totp_secret_enc',
    ])
    .select(['st.name as staff_name', 'st.roles', 'st.department_id', 'st.division_code'])
    .select(['c.real_name', 'c.id_number_enc', 'c.phone_enc'])
    .select((eb) =>
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('identity.enterprise as e')
              .select('e.id')
              .whereRef('e.id', '=', 's.acting_enterprise_id')
              .whereRef('e.legal_rep_account_id', '=', 's.account_id'),
          ),
          eb.exists(
            eb
              .selectFrom('identity.mandate as m')
              .select('m.id')
              .whereRef('m.enterprise_id', '=', 's.acting_enterprise_id')
              .whereRef('m.agent_account_id', '=', 's.account_id')
              .where('m.revoked_at', 'is', null)
              .where('m.valid_until', '>=', today),
          ),
        ])
        .as('is_acting_allowed'),
    )
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.is_disabled) return null;
  const lifetime = row.is_mfa_complete ? ABSOLUTE_TIMEOUT_MS : MFA_PENDING_TIMEOUT_MS;
  const idle = now.getTime() - row.last_seen_at.getTime();
  if (idle > IDLE_TIMEOUT_MS || now.getTime() - row.created_at.getTime() > lifetime) return null;
  const isSeenNow = idle > 60_000;
  if (isSeenNow) await store.updateSession(d.db, tokenHash, { last_seen_at: now });
  const lastSeen = isSeenNow ? now.getTime() : row.last_seen_at.getTime();
  const expiresAt = Math.min(row.created_at.getTime() + lifetime, lastSeen + IDLE_TIMEOUT_MS);
  const actor: Actor = {
    kind: row.kind,
    accountId: row.account_id,
    sessionId: row.id,
    displayName: (row.kind === 'staff' ? row.staff_name : row.real_name) ?? '',
    roles: row.roles ?? [],
    departmentId: row.department_id ?? null,
    divisionCode: row.division_code ?? null,
    enterpriseId: row.acting_enterprise_id && row.is_acting_allowed ? row.acting_enterprise_id : null,
    isMfaComplete: row.is_mfa_complete,
    csrfToken: row.csrf_token,
  };
  const facts = {
    hasTotp: row.totp_secret_enc !== null,
    idNumberEnc: row.id_number_enc,
    phoneEnc: row.phone_enc,
  };
  factsOf.set(actor, facts);
  d.sessions.put(tokenHash, actor, facts, Math.min(now.getTime() + SESSION_CACHE_TTL_MS, expiresAt));
  return actor;
}

export async function relationTo(
  db: Executor,
  accountId: string,
  enterpriseId: string,
  now: Date,
): Promise<'legal_rep' | 'agent' | null> {
  const rows = await store.enterprisesOf(db, accountId, shanghaiDate(now));
  return rows.find((e) => e.id === enterpriseId)?.relation ?? null;
}
