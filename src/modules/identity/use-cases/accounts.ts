// Citizen registration, logout and password change.
import { hash, verify } from '@node-rs/argon2';
import type { RequestContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import {
  ID_NUMBER_MESSAGES,
  idNumberProblem,
  normalizeIdNumber,
} from '../../../platform/standards/id-number.ts';
import { passwordProblem } from '../../../platform/standards/password.ts';
import { isValidPhone, normalizePhone, PHONE_MESSAGE } from '../../../platform/standards/phone.ts';
import type { IdentityDeps } from '../deps.ts';
import { identityErrors } from '../errors.ts';
import * as store from '../store.ts';
import { hashToken, openSession } from './sessions.ts';

export type RegisterInput = { realName: string; idNumber: string; phone: string; password: string };

export async function registerCitizen(d: IdentityDeps, ctx: RequestContext, input: RegisterInput) {
  const idNumber = normalizeIdNumber(input.idNumber);
  const phone = normalizePhone(input.phone);
  const idProblem = idNumberProblem(idNumber, d.clock.now());
  if (idProblem)
    throw identityErrors.invalidIdNumber(ID_NUMBER_MESSAGES[idProblem], [
      { path: 'body.idNumber', message: ID_NUMBER_MESSAGES[idProblem] },
    ]);
  if (!isValidPhone(phone))
    throw identityErrors.invalidPhone(PHONE_MESSAGE, [{ path: 'body.phone', message: PHONE_MESSAGE }]);
  const weak = passwordProblem(input.password, 'citizen', [idNumber, phone, idNumber.slice(-6)]);
  if (weak) throw identityErrors.weakPassword(weak, [{ path: 'body.password', message: weak }]);
  const idHash = d.cipher.blindIndex(idNumber);
  const phoneHash = d.cipher.blindIndex(phone);
  const passwordHash = await hash(input.password);
  return inTransaction(d.db, async (tx) => {
    if (await store.findCitizenByHash(tx, 'id_number_hash', idHash)) throw identityErrors.idNumberTaken();
    if (await store.findCitizenByHash(tx, 'phone_hash', phoneHash)) throw identityErrors.phoneTaken();
    const now = d.clock.now();
    const accountId = newId();
    await store.insertAccount(tx, { id: accountId, kind: 'citizen', passwordHash, now });
    await store.insertCitizen(tx, {
      account_id: accountId,
      real_name: input.realName.trim(),
      id_number_enc: d.cipher.encrypt(idNumber),
      id_number_hash: idHash,
      phone_enc: d.cipher.encrypt(phone),
      phone_hash: phoneHash,
      real_name_level: 1,
    });
    await emit(tx, 'identity.citizen.registered', { accountId });
    await d.audit.record(tx, ctx, {
      action: 'identity.citizen.register',
      actorId: accountId,
      actorName: input.realName,
      subjectType: 'account',
      subjectId: accountId,
    });
    const { token } = await openSession(tx, now, accountId, true);
    return { accountId, token };
  });
}

export async function logout(d: IdentityDeps, ctx: RequestContext, actor: Actor, token: string) {
  await inTransaction(d.db, async (tx) => {
    await store.updateSession(tx, hashToken(token), { revoked_at: d.clock.now() });
    await d.audit.record(tx, ctx, {
      action: 'auth.logout',
      subjectType: 'session',
      subjectId: actor.sessionId,
    });
  });
  d.sessions.forgetAccount(actor.accountId);
}

/** Changes the password and revokes every other session of the account. */
export async function changePassword(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
) {
  const account = await store.findAccount(d.db, actor.accountId);
  if (!account || !(await verify(account.password_hash, input.currentPassword).catch(() => false))) {
    throw identityErrors.wrongPassword(undefined, [
      { path: 'body.currentPassword', message: '当前密码不正确' },
    ]);
  }
  const weak = passwordProblem(input.newPassword, actor.kind, []);
  if (weak) throw identityErrors.weakPassword(weak, [{ path: 'body.newPassword', message: weak }]);
  const passwordHash = await hash(input.newPassword);
  await inTransaction(d.db, async (tx) => {
    const now = d.clock.now();
    await store.updateAccount(tx, actor.accountId, { password_hash: passwordHash, password_changed_at: now });
    await store.revokeSessions(tx, actor.accountId, now, hashToken(token));
    await d.audit.record(tx, ctx, {
      action: 'auth.password.change',
      subjectType: 'account',
      subjectId: actor.accountId,
    });
  });
  d.sessions.forgetAccount(actor.accountId);
}
