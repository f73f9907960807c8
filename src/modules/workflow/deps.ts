// What the workflow module needs from outside: the database and clock, audit (every change recorded),
// the catalog (which department owns an implementation) and identity (staff for reassignment).
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CatalogModule } from '../catalog/index.ts';
import type { IdentityModule } from '../identity/index.ts';

export type WorkflowDeps = {
  db: Db;
  clock: Clock;
  audit: AuditModule;
  catalog: Pick<CatalogModule, 'getGuide'>;
  identity: Pick<IdentityModule, 'listStaff'>;
};
