// What the seals verbs need: the platform, audit, and the org (and optionally identity) functions the
// composition root hands in.
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { AuditModule } from '../audit/index.ts';
import type { DepartmentView } from '../org/index.ts';

export type SealsPorts = {
  audit: Pick<AuditModule, 'record'>;
  org: {
    getDepartment(id: string, db?: Executor): Promise<DepartmentView | null>;
    listDepartments(divisionCode?: string): Promise<DepartmentView[]>;
  };
  /** The department of a staff account (null: none or not staff); unset: authorisations are not checked. */
  staffDepartmentOf?: (accountId: string) => Promise<string | null>;
};

export type SealsDeps = SealsPorts & {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  config: Pick<Config, 'pdfFontPath'>;
};
