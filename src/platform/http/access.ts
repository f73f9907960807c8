// Who is calling, and what each route lets through. Every route declares `config.access`; a route
// without one is refused at start-up (deny by default). Identity fills the Authenticator port.
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../context.ts';
import type { StaffRole } from '../roles.ts';

export type { StaffRole } from '../roles.ts';

export type Actor = {
  kind: 'citizen' | 'staff';
  accountId: string;
  sessionId: string;
  displayName: string;
  roles: StaffRole[];
  departmentId: string | null;
  divisionCode: string | null;
  /** the enterprise a citizen is acting for (法人 or 经办人), if any */
  enterpriseId: string | null;
  /** false while a staff login still waits for its TOTP step */
  isMfaComplete: boolean;
  csrfToken: string;
};

/**
 * public: anyone · mfa-pending: a signed-in session that still owes its TOTP step ·
 * user: any fully signed-in account · citizen / staff: that kind · roles: staff holding one of them
 */
export type Access = 'public' | 'mfa-pending' | 'user' | 'citizen' | 'staff' | { roles: StaffRole[] };

export type Authenticator = (req: FastifyRequest) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type AccessDecision = 'ok' | 'unauthenticated' | 'forbidden';

export function decideAccess(access: Access, actor: Actor | null): AccessDecision {
  if (access === 'public') return 'ok';
  if (!actor) return 'unauthenticated';
  if (access === 'mfa-pending') return 'ok';
  if (!actor.isMfaComplete) return 'unauthenticated';
  if (access === 'user') return 'ok';
  if (access === 'citizen') return actor.kind === 'citizen' ? 'ok' : 'forbidden';
  if (access === 'staff') return actor.kind === 'staff' ? 'ok' : 'forbidden';
  if (actor.kind !== 'staff') return 'forbidden';
  return access.roles.some((r) => actor.roles.includes(r)) ? 'ok' : 'forbidden';
}

/** The actor of a route that required one; throws if the route was public. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('route has no actor: check its access level');
  return req.actor;
}

/** The service-layer context of a request: actor, request id and client address. */
export function contextOf(req: FastifyRequest): RequestContext {
  return { actor: req.actor, requestId: String(req.id), ip: req.ip };
}
