// Signing in: password, then (for staff who have or need it) a TOTP code. Every path counts failures
// on the account row under a row lock, locks after 5 for 15 minutes, and answers with one generic
// error while locked — even for the right password — so a locked account reveals nothing.
import { hash, verify } from '@node-rs/argon2';
import type { RequestContext } from '../../../platform/context.ts';
import { type Executor, inTransaction } from '../../../platform/db/index.ts';
import { needsTotp } from '../../../platform/roles.ts';
import { normalizeIdNumber } from '../../../platform/standards/id-number.ts';
import { isValidPhone, normalizePhone } from '../../../platform/standards/phone.ts';
import { type IdentityDeps, LOCK_MS, MAX_FAILED_ATTEMPTS } from '../deps.ts';
import { identityErrors } from '../errors.ts';
import * as store from '../store.ts';
import { openSession } from './sessions.ts';

const DUMMY_HASH = hash('yiwang-no-such-account');

export type LoginInput = { kind: 'citizen' | 'staff'; username: string; password: string };
export type LoginOutcome = { token: string; next: 'done' | 'totp' | 'totp-enrol' };

/** Staff usernames compare after NFKC folding (full-width letters), trimming and lower-casing. */
export const normalizeUsername = (raw: string): string => raw.normalize('NFKC').trim().toLowerCase();

async function findAccountId(d: IdentityDeps, input: LoginInput): Promise<string | null> {
  if (input.kind === 'staff') {
    return (await store.findStaffByUsername(d.db, normalizeUsername(input.username)))?.account_id ?? null;
  }
  const isPhone = isValidPhone(input.username);
  const column = isPhone ? 'phone_hash' : 'id_number_hash';
  const value = isPhone ? normalizePhone(input.username) : normalizeIdNumber(input.username);
  return (await store.findCitizenByHash(d.db, column, d.cipher.blindIndex(value)))?.account_id ?? null;
}

export async function login(d: IdentityDeps, ctx: RequestContext, input: LoginInput): Promise<LoginOutcome> {
  const accountId = await findAccountId(d, input);
  if (!accountId) {
    await verify(await DUMMY_HASH, input.password).catch(() => false); // same time as a real check
    await inTransaction(d.db, (tx) =>
      d.audit.record(tx, ctx, {
        action: 'auth.login',
        outcome: 'failure',
        summary: { kind: input.kind, reason: 'unknown' },
      }),
    );
    throw identityErrors.loginFailed();
  }
  const account = await store.findAccount(d.db, accountId);
  const isPasswordRight = account
    ? await verify(account.password_hash, input.password).catch(() => false)
    : false;
  const outcome = await inTransaction(d.db, async (tx) => {
    const checked = await checkAttempt(d, tx, ctx, accountId, isPasswordRight, 'auth.login');
    if (!checked) return null;
    const staff = checked.kind === 'staff' ? await store.findStaff(tx, accountId) : undefined;
    const hasTotp = checked.totp_secret_enc !== null;
    const next = staff && (hasTotp || needsTotp(staff.roles)) ? (hasTotp ? 'totp' : 'totp-enrol') : 'done';
    const { token } = await openSession(tx, d.clock.now(), accountId, next === 'done');
    await d.audit.record(tx, ctx, {
      action: 'auth.login',
      actorId: accountId,
      subjectType: 'account',
      subjectId: accountId,
      summary: { kind: checked.kind, next },
    });
    return { token, next } as const;
  });
  if (!outcome) throw identityErrors.loginFailed();
  return outcome;
}

/**
 * Inside the caller's transaction: locks the account row, refuses while disabled or locked, counts a
 * wrong credential (locking at the 5th), and resets the count on success. Returns the account on
 * success; null after recording the failure (the caller throws once the transaction has committed).
 */
export async function checkAttempt(
  d: IdentityDeps,
  tx: Executor,
  ctx: RequestContext,
  accountId: string,
  isCredentialRight: boolean,
  action: string,
): Promise<store.AccountRow | null> {
  const account = await store.lockAccount(tx, accountId);
  if (!account) return null;
  const now = d.clock.now();
  const isLocked = account.locked_until !== null && account.locked_until > now;
  const lockExpired = account.locked_until !== null && account.locked_until <= now;
  if (isCredentialRight && !isLocked && !account.is_disabled) {
    if (account.failed_attempts > 0 || account.locked_until) {
      await store.updateAccount(tx, accountId, { failed_attempts: 0, locked_until: null });
    }
    return account;
  }
  const failures = (lockExpired ? 0 : account.failed_attempts) + 1;
  const locksNow = !isLocked && failures >= MAX_FAILED_ATTEMPTS;
  await store.updateAccount(tx, accountId, {
    failed_attempts: failures,
    locked_until: locksNow ? new Date(now.getTime() + LOCK_MS) : lockExpired ? null : account.locked_until,
  });
  const reason = account.is_disabled ? 'disabled' : isLocked ? 'locked' : 'credential';
  await d.audit.record(tx, ctx, {
    action,
    actorId: accountId,
    outcome: 'failure',
    subjectType: 'account',
    subjectId: accountId,
    summary: { reason, failures },
  });
  if (locksNow) {
    await d.audit.record(tx, ctx, {
      action: 'auth.lock',
      actorId: accountId,
      subjectType: 'account',
      subjectId: accountId,
      summary: { until: new Date(now.getTime() + LOCK_MS).toISOString() },
    });
  }
  return null;
}
