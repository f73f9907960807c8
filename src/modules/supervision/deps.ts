import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CasesModule } from '../cases/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { NotifyModule } from '../notify/index.ts';

/** In-app notification inside the caller's transaction. */
export type NotifyPort = Pick<NotifyModule, 'send'>;

/** The active staff accounts of one department with their roles. */
export type StaffPort = Pick<IdentityModule, 'departmentStaff'>;

export type SupervisionDeps = PlatformDeps & {
  audit: AuditModule;
  cases: Pick<CasesModule, 'clockFacts' | 'openCaseIds' | 'facts'>;
  notify: NotifyPort;
  staff: StaffPort;
};
