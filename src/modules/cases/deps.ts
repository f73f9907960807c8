// What the cases module needs from outside: platform (db, clock, field cipher), audit, the catalog
// (published versions), identity (applicants), workflow (review steps) and the files and notify ports.
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import type { AuditModule } from '../audit/index.ts';
import type { CatalogModule } from '../catalog/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgModule } from '../org/index.ts';
import type { WorkflowModule } from '../workflow/index.ts';

export type Recipient = { kind: 'citizen' | 'staff'; id: string };

/** The files module as cases uses it: uploads become the case's once claimed in its transaction. */
export type FileLink = { id: string; name: string; size: number; mediaType: string; url: string };

export type FilesPort = {
  /** The files with a download link (≤ 5 min) made for `accountId`; unknown ids are left out. */
  describe(fileIds: string[], accountId: string): Promise<FileLink[]>;
  /** Throws a 4xx when a file is missing or was not uploaded by `uploader`. */
  claim(
    tx: Tx,
    fileIds: string[],
    uploader: Recipient,
    owner: { type: string; id: string },
  ): Promise<unknown>;
};

/** In-app notification inside the caller's transaction. */
export type NotifyPort = {
  send(
    tx: Executor,
    message: { recipient: Recipient; kind: string; title: string; body: string; link: string },
  ): Promise<void>;
};

/** The licenses module as cases uses it (wired in app.ts): 免提交 with a held e-license. */
export type LicensePort = {
  /** Checks holder, type and status and records the use authorisation in `tx`; throws a 4xx otherwise. */
  authorizeUse(
    tx: Tx,
    input: {
      licenseId: string;
      licenseTypeName: string;
      materialName: string;
      holder: { kind: 'citizen' | 'enterprise'; accountId: string | null; enterpriseId: string | null };
      grantedBy: string;
      caseId: string;
      caseNo: string;
      departmentId: string;
    },
  ): Promise<void>;
};

export type CasesDeps = {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditModule;
  /** the notices' font and the public address their QR code links to */
  config: Pick<Config, 'pdfFontPath' | 'publicUrl'>;
  catalog: Pick<CatalogModule, 'getGuide' | 'getPublicVersion' | 'bundles'>;
  identity: Pick<IdentityModule, 'applicantOf' | 'lookupCitizen'>;
  org: Pick<OrgModule, 'getDepartment'>;
  workflow: WorkflowModule;
  files: FilesPort;
  notify: NotifyPort;
  licenses: LicensePort;
};
