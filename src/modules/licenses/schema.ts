// Request and response shapes of the licenses module; pure zod, shared with the web front end.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const LICENSE_STATUSES = [
  'valid',
  'suspended',
  'rescinded',
  'cancelled',
  'expired',
  'revoked',
] as const;
export const LicenseStatus = z.enum(LICENSE_STATUSES);
export type LicenseStatus = z.infer<typeof LicenseStatus>;
/** 证照状态 with the codes of the ministry spec (01 有效, 02 暂扣, 03 撤销, 04 注销, 05 失效, 07 吊销). */
export const LICENSE_STATUS_LABELS: Record<LicenseStatus, string> = {
  valid: '有效',
  suspended: '暂扣',
  rescinded: '撤销',
  cancelled: '注销',
  expired: '失效',
  revoked: '吊销',
};
export const LICENSE_STATUS_CODES: Record<LicenseStatus, string> = {
  valid: '01',
  suspended: '02',
  rescinded: '03',
  cancelled: '04',
  expired: '05',
  revoked: '07',
};
export const HOLDER_KIND_LABELS = { citizen: '自然人', enterprise: '法人' } as const;

export const LicenseTypeView = z.object({
  id: z.string(),
  typeCode: z.string(),
  name: z.string(),
  issuerKind: z.string(),
  holderKinds: z.array(z.enum(['citizen', 'enterprise'])),
  validityYears: z.number().nullable(),
  fields: z.array(z.string()),
  numberFormat: z.string().nullable(),
  notes: z.string(),
  isActive: z.boolean(),
  updatedAt: z.string(),
});
export type LicenseTypeView = z.infer<typeof LicenseTypeView>;
export const LicenseTypeList = z.object({ items: z.array(LicenseTypeView) });
export const LicenseTypeUpdate = z
  .object({
    validityYears: z.int().min(1).max(100).nullable().optional(),
    fields: z.array(Text(30)).min(1).max(30).optional(),
    isActive: z.boolean().optional(),
    notes: z.string().trim().max(500).optional(),
  })
  .strict();
export type LicenseTypeUpdate = z.infer<typeof LicenseTypeUpdate>;

export const PrintedField = z.object({ name: z.string(), value: z.string() });

/** A license as its holder and the issuing department see it (holder code masked). */
export const LicenseView = z.object({
  id: z.string(),
  identifier: z.string(),
  licenseNo: z.string(),
  typeName: z.string(),
  holderKind: z.enum(['citizen', 'enterprise']),
  holderName: z.string(),
  holderCodeType: z.string(),
  holderCodeMasked: z.string(),
  departmentName: z.string(),
  issuerCode: z.string(),
  caseNo: z.string().nullable(),
  fields: z.array(PrintedField),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  issuedAt: z.string(),
  status: LicenseStatus,
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  /** valid status, inside its validity, seal not lost */
  isUsable: z.boolean(),
  verifyUrl: z.string(),
});
export type LicenseView = z.infer<typeof LicenseView>;
export const LicenseList = z.object({ items: z.array(LicenseView) });
export const WalletQuery = z.object({ type: Text(100).optional() }).strict();
export const DepartmentLicenseQuery = z
  .object({ status: LicenseStatus.optional(), page: z.coerce.number().int().min(1).max(10_000).default(1) })
  .strict();

export const UseAuthorizationView = z.object({
  id: z.string(),
  caseNo: z.string(),
  materialName: z.string(),
  grantedAt: z.string(),
  validUntil: z.string(),
});
export const LicenseDetail = LicenseView.extend({ uses: z.array(UseAuthorizationView) });
export type LicenseDetail = z.infer<typeof LicenseDetail>;

export const StatusChangeBody = z
  .object({
    status: LicenseStatus,
    reason: Text(500),
  })
  .strict();
export type StatusChangeBody = z.infer<typeof StatusChangeBody>;

export const VerifyQuery = z.object({ identifier: Text(200) }).strict();
/** The public answer: enough to trust or distrust a license, holder masked. */
export const VerifyResult = z.object({
  identifier: z.string(),
  isValid: z.boolean(),
  verdict: z.string(),
  problems: z.array(z.string()),
  typeName: z.string(),
  licenseNo: z.string(),
  status: LicenseStatus,
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  issuer: z.string(),
  holderMasked: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  issuedAt: z.string(),
  seal: z.object({ id: z.string(), name: z.string(), code: z.string(), state: z.string() }).nullable(),
  /** the SM2 (SM3) signature over `signedData`, hex DER, checkable with openssl and the seal's public key */
  signature: z.object({
    algorithm: z.string(),
    value: z.string(),
    signedData: z.string(),
    isValid: z.boolean(),
  }),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const PdfVerifyResult = z.object({
  /** 一致: the genuine, unmodified file of a license the platform issued */
  verdict: z.enum(['一致', '不一致']),
  isGenuine: z.boolean(),
  problems: z.array(z.string()),
  license: VerifyResult.nullable(),
});
export type PdfVerifyResult = z.infer<typeof PdfVerifyResult>;

export const IdParams = z.object({ id: z.uuid() }).strict();
