// Shared by the conformance tests: the route table of a built app, the people who call it, and how a
// declared access level turns into the set of callers it lets through.

import { systemContext } from '../../src/platform/context.ts';
import type { Actor } from '../../src/platform/http/access.ts';
import { decideAccess } from '../../src/platform/http/access.ts';
import { type RouteRecord, routesOf } from '../../src/platform/http/server.ts';
import { STAFF_ROLES, type StaffRole } from '../../src/platform/roles.ts';
import type { TestApp } from '../support/app.ts';
import { STAFF_PASSWORD, sessionCookie, signUpCitizen, staffSession } from '../support/auth.ts';

/** Who calls: nobody, a citizen, a sys_admin still owing the TOTP step, and staff of each one role. */
export type Principal = 'anon' | 'citizen' | 'mfa_pending' | StaffRole;
export const SIGNED_IN: readonly Exclude<Principal, 'anon'>[] = ['citizen', 'mfa_pending', ...STAFF_ROLES];

/** The codes the access gate answers with; any other answer means the request got past it. */
export const GATE_CODES = new Set(['AUTH_REQUIRED', 'FORBIDDEN']);

export const PLACEHOLDER_ID = '0190a000-0000-7000-8000-000000000000';

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** A URL that reaches the route: path parameters filled with a harmless placeholder. */
export function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z_]\w*/g, PLACEHOLDER_ID).replace(/\*$/, 'conformance-probe');
}

/** Every route the app declares, HEAD twins of GET routes included. */
export const allRoutes = (t: TestApp): readonly RouteRecord[] => routesOf(t.app);

/** Routes as a reviewer thinks of them: no automatic HEAD twins. */
export function declaredRoutes(t: TestApp): RouteRecord[] {
  const routes = allRoutes(t);
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes.filter((r) => !(r.method === 'HEAD' && gets.has(r.url)));
}

function syntheticActor(principal: Exclude<Principal, 'anon'>): Actor {
  const isStaff = principal !== 'citizen';
  return {
    kind: isStaff ? 'staff' : 'citizen',
    accountId: 'x',
    sessionId: 'x',
    displayName: 'x',
    roles: principal === 'mfa_pending' ? ['sys_admin'] : isStaff ? [principal] : [],
    departmentId: null,
    divisionCode: null,
    enterpriseId: null,
    isMfaComplete: principal !== 'mfa_pending',
    csrfToken: 'x',
  };
}

/** The signed-in callers a declared access level lets through, by the platform's own rule. */
export function allowedBy(route: RouteRecord): Exclude<Principal, 'anon'>[] {
  return SIGNED_IN.filter((p) => decideAccess(route.access, syntheticActor(p)) === 'ok');
}

export type Sessions = Record<Principal, Record<string, string>>;

/** One session per principal, created once. Requests carry the cookie but never the CSRF token. */
export async function createSessions(t: TestApp): Promise<Sessions> {
  const citizen = await signUpCitizen(t);
  const sessions: Partial<Sessions> = { anon: {}, citizen: { cookie: citizen.cookie } };
  for (const role of STAFF_ROLES) sessions[role] = { cookie: (await staffSession(t, [role])).cookie };
  await t.modules.identity.createStaff(systemContext(), {
    username: 'pending.admin',
    name: '待验证管理员',
    departmentId: null,
    divisionCode: '411500',
    roles: ['sys_admin'],
    password: STAFF_PASSWORD,
  });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { kind: 'staff', username: 'pending.admin', password: STAFF_PASSWORD },
  });
  sessions.mfa_pending = { cookie: sessionCookie(login) };
  return sessions as Sessions;
}

/** Sign-in headers with the CSRF token, for tests that must get past the gate and the CSRF check. */
export async function writerSession(t: TestApp, principal: Exclude<Principal, 'anon'>) {
  if (principal === 'citizen') return (await signUpCitizen(t)).headers;
  if (principal === 'mfa_pending') throw new Error('no writer session for a pending login');
  return (await staffSession(t, [principal])).headers;
}
