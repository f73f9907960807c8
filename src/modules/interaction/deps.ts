// What the interaction module needs from outside: platform (db, clock, config for the link key),
// audit, and cases (the service events of a case).
import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CasesModule } from '../cases/index.ts';

export type InteractionDeps = PlatformDeps & {
  audit: AuditModule;
  cases: Pick<CasesModule, 'serviceEvents'>;
};
