import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CasesModule } from '../cases/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { NotifyModule } from '../notify/index.ts';

export type NotifyPort = Pick<NotifyModule, 'send'>;

/** The active staff accounts of one department with their roles (read outside any transaction). */
export type StaffPort = Pick<IdentityModule, 'departmentStaff'>;

export type InteractionDeps = PlatformDeps & {
  audit: AuditModule;
  cases: Pick<CasesModule, 'serviceEvents'>;
  /** optional: without them nobody is told, the orders still open */
  notify?: NotifyPort;
  staff?: StaffPort;
};
