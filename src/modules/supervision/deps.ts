// What the supervision module needs from outside: platform (db, clock), audit, and cases (the clock
// facts of cases and the ids of open ones). Org and notify are not needed yet.
import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CasesModule } from '../cases/index.ts';

export type SupervisionDeps = PlatformDeps & {
  audit: AuditModule;
  cases: Pick<CasesModule, 'clockFacts' | 'openCaseIds'>;
};
