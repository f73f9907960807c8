// What the licenses module needs from outside: platform, audit, org (departments and their codes),
// catalog (the item's result license), cases (the facts of a concluded case), files (the signed PDF),
// notify, and the seals port (signing and verifying with the issuing department's seal).
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CasesModule } from '../cases/index.ts';
import type { CatalogModule } from '../catalog/index.ts';
import type { OrgModule } from '../org/index.ts';

export type SealState =
  | 'applied'
  | 'approved'
  | 'rejected'
  | 'made'
  | 'filed'
  | 'issued'
  | 'lost'
  | 'destroyed';
export type SealRef = {
  id: string;
  departmentId: string;
  name: string;
  code: string;
  state: SealState;
  lostAt: Date | string | null;
  destroyedAt: Date | string | null;
};

/** The seals module as licenses uses it (same floor; wired in app.ts). */
export type SealsPort = {
  signingSealOf(db: Executor, departmentId: string): Promise<(SealRef & { imagePng: Uint8Array }) | null>;
  signPdf(
    tx: Executor,
    ctx: RequestContext,
    input: { sealId: string; departmentId: string; pdf: Uint8Array; reason: string; location: string },
  ): Promise<Uint8Array>;
  signData(
    tx: Executor,
    ctx: RequestContext,
    input: { sealId: string; departmentId: string; data: Uint8Array },
  ): Promise<{ algorithm: 'SM2-SM3'; signature: string; signedAt: Date }>;
  verifyData(
    db: Executor,
    input: { sealId: string; data: Uint8Array; signature: string; signedAt: Date },
  ): Promise<{ isValid: boolean; problem: string | null; seal: SealRef | null }>;
  verifyPdf(
    db: Executor,
    pdf: Uint8Array,
  ): Promise<{
    hasSignature: boolean;
    isIntact: boolean;
    isSignatureValid: boolean;
    isIssuedByPlatform: boolean;
    seal: SealRef | null;
    signedAt: Date | null;
    problem: string | null;
  }>;
};

export type FilesPort = {
  storeBytes(
    ctx: RequestContext,
    input: { name: string; bytes: Uint8Array },
    tx?: Executor,
  ): Promise<{ id: string }>;
  readBytes(fileId: string): Promise<Uint8Array>;
};

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

export type LicensesDeps = {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  config: Pick<Config, 'pdfFontPath' | 'publicUrl' | 'port'>;
  audit: Pick<AuditModule, 'record'>;
  org: Pick<OrgModule, 'getDepartment' | 'findDepartment' | 'listDepartments'>;
  catalog: Pick<CatalogModule, 'getPublicVersion'>;
  cases: Pick<CasesModule, 'facts'>;
  seals: SealsPort;
  files: FilesPort;
  notify: NotifyPort;
};
