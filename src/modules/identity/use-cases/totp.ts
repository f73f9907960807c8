// TOTP second factor: enrolment (a pending secret confirmed by its first code) and verification.
// A code is accepted once per time step; wrong codes count toward the same lockout as passwords.
// A successful step rotates the session token (a new session id once the login is complete).
import QRCode from 'qrcode';
import type { RequestContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { matchTotp, newTotpSecret, otpauthUri } from '../../../platform/totp.ts';
import type { IdentityDeps } from '../deps.ts';
import { identityErrors } from '../errors.ts';
import * as store from '../store.ts';
import { checkAttempt } from './login.ts';
import { openSession } from './sessions.ts';

export async function enrolTotp(d: IdentityDeps, ctx: RequestContext, actor: Actor) {
  const account = await store.findAccount(d.db, actor.accountId);
  if (!account) throw identityErrors.staffNotFound();
  if (account.totp_secret_enc) throw identityErrors.totpAlreadyEnrolled();
  const secret = newTotpSecret();
  const staff = await store.findStaff(d.db, actor.accountId);
  const label = staff?.username ?? actor.displayName;
  await inTransaction(d.db, async (tx) => {
    await store.updateAccount(tx, actor.accountId, { totp_pending_enc: d.cipher.encrypt(secret) });
    await d.audit.record(tx, ctx, {
      action: 'auth.totp.enrol-start',
      subjectType: 'account',
      subjectId: actor.accountId,
    });
  });
  const uri = otpauthUri(secret, label);
  return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export async function verifyTotp(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  code: string,
): Promise<{ token: string | null }> {
  const account = await store.findAccount(d.db, actor.accountId);
  const encrypted = account?.totp_pending_enc ?? account?.totp_secret_enc;
  if (!account || !encrypted) throw identityErrors.totpNotEnrolling();
  const step = matchTotp(d.cipher.decrypt(encrypted), code, d.clock.now());
  const result = await inTransaction(d.db, async (tx) => {
    const fresh = await store.lockAccount(tx, actor.accountId);
    const isFresh = step !== null && (fresh?.totp_last_step ?? -1) < step;
    const checked = await checkAttempt(d, tx, ctx, actor.accountId, isFresh, 'auth.totp');
    if (!checked || step === null) return null;
    const isEnrolling = checked.totp_pending_enc !== null;
    await store.updateAccount(tx, actor.accountId, {
      totp_last_step: step,
      ...(isEnrolling ? { totp_secret_enc: checked.totp_pending_enc, totp_pending_enc: null } : {}),
    });
    await d.audit.record(tx, ctx, {
      action: isEnrolling ? 'auth.totp.enrol' : 'auth.totp',
      subjectType: 'account',
      subjectId: actor.accountId,
    });
    if (actor.isMfaComplete) return { token: null };
    await store.revokeSessions(tx, actor.accountId, d.clock.now());
    return { token: (await openSession(tx, d.clock.now(), actor.accountId, true)).token };
  });
  d.sessions.forgetAccount(actor.accountId);
  if (!result) throw identityErrors.totpFailed();
  return result;
}
