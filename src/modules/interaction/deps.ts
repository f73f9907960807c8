// What the interaction module needs from outside: platform (db, clock, config for the link key),
// audit, cases (the service events of a case), and — wired in app.ts — notify (in-app messages written
// in the caller's transaction: the department's heads on a new rectification order, the applicant on
// the department's reply and on closing) and the staff of a department (who receives an order).
import type { Executor } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { StaffRole } from '../../platform/roles.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CasesModule } from '../cases/index.ts';

export type NotifyPort = {
  send(
    tx: Executor,
    message: {
      recipient: { kind: 'citizen' | 'staff'; id: string };
      kind: string;
      title: string;
      body: string;
      link: string;
    },
  ): Promise<void>;
};

/** The active staff accounts of one department with their roles (read outside any transaction). */
export type StaffPort = {
  departmentStaff(departmentId: string): Promise<Array<{ id: string; roles: readonly StaffRole[] }>>;
};

export type InteractionDeps = PlatformDeps & {
  audit: AuditModule;
  cases: Pick<CasesModule, 'serviceEvents'>;
  /** optional: without them nobody is told, the orders still open */
  notify?: NotifyPort;
  staff?: StaffPort;
};
