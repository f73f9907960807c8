// identity: accounts of citizens, enterprises (法人, 经办人 mandates) and staff; passwords, TOTP,
// lockout, sessions, roles and data scopes; masked personal data. Owns schema `identity`.
// Calls audit (every change) and org (through the OrgPort: departments, divisions).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/http/access.ts';
import { type IdentityDeps, SESSION_COOKIE } from './deps.ts';
import { identityErrors } from './errors.ts';
import { adminRoutes } from './routes-admin.ts';
import { authRoutes } from './routes-auth.ts';
import { type DepartmentFinder, demoActors, seedDemoAccounts } from './seed.ts';
import { SessionCache } from './session-cache.ts';
import { changePassword, logout, type RegisterInput, registerCitizen } from './use-cases/accounts.ts';
import { applicantOf } from './use-cases/applicant.ts';
import * as baseRecords from './use-cases/base-records.ts';
import * as enterprises from './use-cases/enterprises.ts';
import { type LoginInput, login } from './use-cases/login.ts';
import { lookupCitizen, me, unmaskCitizen } from './use-cases/me.ts';
import { resolveSession } from './use-cases/sessions.ts';
import * as staff from './use-cases/staff.ts';
import { enrolTotp, verifyTotp } from './use-cases/totp.ts';

export type { OrgPort } from './deps.ts';
export { SESSION_COOKIE } from './deps.ts';
export type { DemoActors } from './seed.ts';
export type { ApplicantProfile } from './use-cases/applicant.ts';
export type { LegalPersonRecord, PopulationRecord, RecordQuery } from './use-cases/base-records.ts';
export type { StaffInput } from './use-cases/staff.ts';

export function createIdentity(deps: Omit<IdentityDeps, 'sessions'>) {
  const d: IdentityDeps = { ...deps, sessions: new SessionCache() };
  const identity = {
    config: d.config,
    /** The Authenticator the HTTP layer calls for every non-public request. */
    authenticate: (req: FastifyRequest): Promise<Actor | null> =>
      resolveSession(d, req.cookies[SESSION_COOKIE]),
    registerCitizen: (ctx: RequestContext, input: RegisterInput) => registerCitizen(d, ctx, input),
    login: (ctx: RequestContext, input: LoginInput) => login(d, ctx, input),
    enrolTotp: (ctx: RequestContext, actor: Actor) => enrolTotp(d, ctx, actor),
    verifyTotp: (ctx: RequestContext, actor: Actor, code: string) => verifyTotp(d, ctx, actor, code),
    logout: (ctx: RequestContext, actor: Actor, token: string) => logout(d, ctx, actor, token),
    changePassword: (
      ctx: RequestContext,
      actor: Actor,
      token: string,
      input: { currentPassword: string; newPassword: string },
    ) => changePassword(d, ctx, actor, token, input),
    me: (actor: Actor) => me(d, actor),
    async meByToken(token: string) {
      const actor = await resolveSession(d, token);
      if (!actor) throw identityErrors.loginFailed();
      return me(d, actor);
    },
    switchActing: (ctx: RequestContext, actor: Actor, token: string, enterpriseId: string | null) =>
      enterprises.switchActing(d, ctx, actor, token, enterpriseId),
    openEnterprise: (ctx: RequestContext, actor: Actor, input: { uscc: string; name: string }) =>
      enterprises.openEnterprise(d, ctx, actor, input),
    myEnterprises: (accountId: string) => enterprises.myEnterprises(d, accountId),
    listMandates: (actor: Actor, enterpriseId: string) => enterprises.listMandates(d, actor, enterpriseId),
    grantMandate: (
      ctx: RequestContext,
      actor: Actor,
      enterpriseId: string,
      input: enterprises.MandateInput,
    ) => enterprises.grantMandate(d, ctx, actor, enterpriseId, input),
    revokeMandate: (ctx: RequestContext, actor: Actor, enterpriseId: string, mandateId: string) =>
      enterprises.revokeMandate(d, ctx, actor, enterpriseId, mandateId),
    listFlaggedEnterprises: () => enterprises.listFlaggedEnterprises(d),
    clearChecksumFlag: (ctx: RequestContext, actor: Actor, id: string, note: string) =>
      enterprises.clearChecksumFlag(d, ctx, actor, id, note),
    listStaff: () => staff.listStaff(d),
    /** The active (not disabled) staff of one department — who receives its orders and notices. */
    departmentStaff: async (departmentId: string) =>
      (await staff.listStaff(d)).filter((s) => s.departmentId === departmentId && !s.isDisabled),
    createStaff: (ctx: RequestContext, input: staff.StaffInput) => staff.createStaff(d, ctx, input),
    updateStaff: (ctx: RequestContext, actor: Actor, id: string, patch: staff.StaffPatch) =>
      staff.updateStaff(d, ctx, actor, id, patch),
    unlockStaff: (ctx: RequestContext, id: string) => staff.unlockStaff(d, ctx, id),
    lookupCitizen: (idNumber: string) => lookupCitizen(d, idNumber),
    /** The applicant an application by this citizen is filed for (themselves or their enterprise). */
    applicantOf: (actor: Actor, basicCode: string) => applicantOf(d, actor, basicCode),
    unmaskCitizen: (ctx: RequestContext, citizenId: string, purpose: string) =>
      unmaskCitizen(d, ctx, citizenId, purpose),
    /** For sharing's base databases (基础库): citizens and enterprises with plain values, never for a response. */
    populationRecords: (q: baseRecords.RecordQuery) => baseRecords.populationRecords(d, q),
    legalPersonRecords: (q: baseRecords.RecordQuery) => baseRecords.legalPersonRecords(d, q),
    /** Demo accounts (idempotent); departments are found through the org module. */
    seedDemo: (findDepartment: DepartmentFinder) => seedDemoAccounts(d, findDepartment),
    /** The demo accounts as actors (null for any not seeded). */
    demoActors: () => demoActors(d),
  };
  return identity;
}
export type IdentityModule = ReturnType<typeof createIdentity>;

export function identityRoutes(identity: IdentityModule): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(identity));
    await app.register(adminRoutes(identity));
  };
}
export { DEMO_CITIZENS, demoAccountList } from './seed.ts';
