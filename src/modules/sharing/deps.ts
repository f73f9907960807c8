// What the sharing module needs from outside: platform (db, clock, field cipher), audit, org (the
// provider department's name and code) and a zip-bomb guard for uploaded .xlsx files (catalog's).
import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type { OrgModule } from '../org/index.ts';
import type { ZipInspector } from './parse.ts';

export type SharingDeps = PlatformDeps & {
  audit: Pick<AuditModule, 'record'>;
  org: Pick<OrgModule, 'getDepartment'>;
  inspectZip: ZipInspector;
};
