// What the identity module needs from the platform and from lower modules (through ports).
import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type { SessionCache } from './session-cache.ts';

/** Filled by the composition root with the org module's functions (org is a lower floor). */
export type OrgPort = {
  departmentName(id: string): Promise<string | null>;
  divisionExists(code: string): Promise<boolean>;
};

export type IdentityDeps = PlatformDeps & { audit: AuditModule; org: OrgPort; sessions: SessionCache };

export const SESSION_COOKIE = 'yiwang_session';
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3600_000;
/** a password-only staff session must finish its TOTP step within this time */
export const MFA_PENDING_TIMEOUT_MS = 10 * 60_000;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60_000;
