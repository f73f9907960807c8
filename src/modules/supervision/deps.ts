// What the supervision module needs from outside: platform (db, clock), audit, cases (the clock facts of
// cases, the ids of open ones, a case's facts for the masked applicant name), notify (in-app messages to
// the department on a new order and to the supervisor on an answer, written in the order's transaction)
// and the staff of a department (who receives an order), both wired in app.ts.
import type { Executor } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { StaffRole } from '../../platform/roles.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CasesModule } from '../cases/index.ts';

/** In-app notification inside the caller's transaction. */
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

/** The active staff accounts of one department with their roles. */
export type StaffPort = {
  departmentStaff(departmentId: string): Promise<Array<{ id: string; roles: readonly StaffRole[] }>>;
};

export type SupervisionDeps = PlatformDeps & {
  audit: AuditModule;
  cases: Pick<CasesModule, 'clockFacts' | 'openCaseIds' | 'facts'>;
  notify: NotifyPort;
  staff: StaffPort;
};
