// Staff accounts, managed by the system administrator. The system admin and the auditor are never
// the same account (三员分立), and no admin changes their own roles or disables themselves.
import { hash } from '@node-rs/argon2';
import type { RequestContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import type { StaffRole } from '../../../platform/roles.ts';
import { passwordProblem } from '../../../platform/standards/password.ts';
import type { IdentityDeps } from '../deps.ts';
import { identityErrors } from '../errors.ts';
import type { StaffView } from '../schema.ts';
import * as store from '../store.ts';
import { normalizeUsername } from './login.ts';

export type StaffInput = {
  username: string;
  name: string;
  departmentId: string | null;
  divisionCode: string;
  roles: StaffRole[];
  password: string;
};
export type StaffPatch = Partial<Omit<StaffInput, 'username' | 'password'>> & { isDisabled?: boolean };

async function checkPlacement(
  d: IdentityDeps,
  p: { departmentId?: string | null; divisionCode?: string; roles?: StaffRole[] },
) {
  if (p.roles?.includes('sys_admin') && p.roles.includes('auditor')) throw identityErrors.roleConflict();
  if (p.departmentId && (await d.org.departmentName(p.departmentId)) === null)
    throw identityErrors.unknownDepartment();
  if (p.divisionCode && !(await d.org.divisionExists(p.divisionCode))) throw identityErrors.unknownDivision();
}

export async function listStaff(d: IdentityDeps): Promise<StaffView[]> {
  const now = d.clock.now();
  return (await store.listStaff(d.db)).map((r) => ({
    id: r.account_id,
    username: r.username,
    name: r.name,
    departmentId: r.department_id,
    divisionCode: r.division_code,
    roles: r.roles,
    isDisabled: r.is_disabled,
    isLocked: r.locked_until !== null && r.locked_until > now,
    hasTotp: r.totp_secret_enc !== null,
  }));
}

async function viewOf(d: IdentityDeps, id: string): Promise<StaffView> {
  const found = (await listStaff(d)).find((s) => s.id === id);
  if (!found) throw identityErrors.staffNotFound();
  return found;
}

export async function createStaff(
  d: IdentityDeps,
  ctx: RequestContext,
  input: StaffInput,
): Promise<StaffView> {
  await checkPlacement(d, input);
  const username = normalizeUsername(input.username);
  const weak = passwordProblem(input.password, 'staff', [username]);
  if (weak) throw identityErrors.weakPassword(weak, [{ path: 'body.password', message: weak }]);
  const passwordHash = await hash(input.password);
  const id = newId();
  await inTransaction(d.db, async (tx) => {
    if (await store.findStaffByUsername(tx, username)) throw identityErrors.usernameTaken();
    const now = d.clock.now();
    await store.insertAccount(tx, { id: id, kind: 'staff', passwordHash, now });
    await store.insertStaff(tx, {
      account_id: id,
      username,
      name: input.name.trim(),
      department_id: input.departmentId,
      division_code: input.divisionCode,
      roles: [...new Set(input.roles)],
    });
    await emit(tx, 'identity.staff.created', { accountId: id, roles: input.roles });
    await d.audit.record(tx, ctx, {
      action: 'identity.staff.create',
      subjectType: 'account',
      subjectId: id,
      summary: {
        username,
        roles: input.roles,
        departmentId: input.departmentId,
        divisionCode: input.divisionCode,
      },
    });
  });
  return viewOf(d, id);
}

export async function updateStaff(
  d: IdentityDeps,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  patch: StaffPatch,
) {
  const before = await store.findStaff(d.db, id);
  if (!before) throw identityErrors.staffNotFound();
  if (id === actor.accountId && (patch.roles || patch.isDisabled)) throw identityErrors.selfRoleChange();
  await checkPlacement(d, patch);
  await inTransaction(d.db, async (tx) => {
    const { isDisabled, ...staffChanges } = patch;
    const changes = Object.fromEntries(
      Object.entries({
        name: staffChanges.name,
        department_id: staffChanges.departmentId,
        division_code: staffChanges.divisionCode,
        roles: staffChanges.roles ? [...new Set(staffChanges.roles)] : undefined,
      }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(changes).length > 0) await store.updateStaff(tx, id, changes);
    if (isDisabled !== undefined) await store.updateAccount(tx, id, { is_disabled: isDisabled });
    // new roles or a disabled account take effect at once: their sessions end
    if (patch.roles || isDisabled) await store.revokeSessions(tx, id, d.clock.now());
    await emit(tx, 'identity.staff.updated', { accountId: id, roles: patch.roles ?? before.roles });
    await d.audit.record(tx, ctx, {
      action: patch.roles ? 'identity.staff.roles' : 'identity.staff.update',
      subjectType: 'account',
      subjectId: id,
      summary: { before: { roles: before.roles, departmentId: before.department_id }, after: patch },
    });
  });
  d.sessions.forgetAccount(id);
  return viewOf(d, id);
}

export async function unlockStaff(d: IdentityDeps, ctx: RequestContext, id: string) {
  if (!(await store.findStaff(d.db, id))) throw identityErrors.staffNotFound();
  await inTransaction(d.db, async (tx) => {
    await store.updateAccount(tx, id, { failed_attempts: 0, locked_until: null });
    await d.audit.record(tx, ctx, { action: 'identity.staff.unlock', subjectType: 'account', subjectId: id });
  });
  return viewOf(d, id);
}
