// What the catalog needs from outside: the database and clock, audit, org's departments/divisions/halls,
// and the search index port (filled by the search sub-module in app.ts; it indexes published versions).
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { AuditModule } from '../audit/index.ts';
import type { OrgModule } from '../org/index.ts';
import type { ImplementationLevel } from './schema.ts';

/** One published version as the search index sees it: its text fields and its filters. */
export type SearchDoc = {
  implementationId: string;
  versionId: string;
  itemId: string;
  divisionCode: string;
  level: ImplementationLevel;
  departmentId: string;
  departmentName: string;
  name: string;
  itemType: { code: string; label: string };
  serves: string[];
  themes: string[];
  keywords: string[];
  onlineDepth: number;
  isInstant: boolean;
  conditions: string[];
  materials: string[];
  resultName: string | null;
  legalBasis: string[];
};

/** Called inside the publishing transaction, so the index changes with the catalog or not at all. */
export type SearchIndexPort = {
  indexVersion(tx: Executor, doc: SearchDoc): Promise<void>;
  removeImplementation(tx: Executor, implementationId: string): Promise<void>;
};

/** Until search exists: index nothing. */
export const noSearchIndex: SearchIndexPort = {
  indexVersion: async () => {},
  removeImplementation: async () => {},
};

export type CatalogOrg = Pick<
  OrgModule,
  | 'getDepartment'
  | 'findDepartment'
  | 'listDepartments'
  | 'listCountyCodes'
  | 'listDivisions'
  | 'listHalls'
  | 'getDivision'
>;

export type CatalogDeps = {
  db: Db;
  clock: Clock;
  audit: Pick<AuditModule, 'record'>;
  org: CatalogOrg;
  search: SearchIndexPort;
};
