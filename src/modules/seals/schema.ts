// Seal request and response shapes (pure zod, shared with the web front end).
import { z } from 'zod';

export const SEAL_KINDS = ['official', 'approval', 'business'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];
/** 公章, 行政审批专用章, 业务专用章 */
export const SEAL_KIND_LABELS: Record<SealKind, string> = {
  official: '公章',
  approval: '行政审批专用章',
  business: '业务专用章',
};
/** the two digits after the division code in a seal code */
export const SEAL_KIND_CODES: Record<SealKind, string> = { official: '01', approval: '02', business: '03' };

export const SEAL_STATES = [
  'applied',
  'approved',
  'rejected',
  'made',
  'filed',
  'issued',
  'lost',
  'destroyed',
] as const;
export type SealState = (typeof SEAL_STATES)[number];

export const SealIdParams = z.object({ id: z.uuid() }).strict();
export const AuthorizationParams = z.object({ id: z.uuid(), authId: z.uuid() }).strict();

export const SealQuery = z
  .object({ state: z.enum(SEAL_STATES).optional(), departmentId: z.uuid().optional() })
  .strict();

const Reason = z.string().trim().min(2).max(500);

/** 申请: the department admin's own department; the name defaults to department name + kind label. */
export const ApplyBody = z
  .object({
    kind: z.enum(SEAL_KINDS),
    name: z.string().trim().min(2).max(60).optional(),
    reason: Reason,
    validityYears: z.number().int().min(1).max(10).default(5),
  })
  .strict();
export type ApplyInput = z.infer<typeof ApplyBody>;

export const ReviewBody = z.object({ approve: z.boolean(), reason: Reason }).strict();
export const NoteBody = z
  .object({ note: z.string().trim().max(500).optional() })
  .strict()
  .default({});
export const ReasonBody = z.object({ reason: Reason }).strict();
export const AuthorizeBody = z
  .object({ accountId: z.uuid(), until: z.iso.datetime({ offset: true }) })
  .strict();

export const SealPublicView = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  name: z.string(),
  kind: z.enum(SEAL_KINDS),
  code: z.string(),
  state: z.enum(SEAL_STATES),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  lostAt: z.string().nullable(),
  destroyedAt: z.string().nullable(),
});
export type SealPublicView = z.infer<typeof SealPublicView>;

export const SealStepView = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorName: z.string(),
  note: z.string(),
  at: z.string(),
});
export const SealAuthorizationView = z.object({
  id: z.string(),
  accountId: z.string(),
  until: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type SealAuthorizationView = z.infer<typeof SealAuthorizationView>;

export const SealView = SealPublicView.extend({
  reason: z.string(),
  validityYears: z.number().int(),
  certificateSerial: z.string().nullable(),
  hasImage: z.boolean(),
  createdAt: z.string(),
  steps: z.array(SealStepView),
  authorizations: z.array(SealAuthorizationView),
});
export type SealView = z.infer<typeof SealView>;
export const SealList = z.object({ items: z.array(SealPublicView) });

/** What outside verifiers need: no private material. */
export const SealPublicKeys = SealPublicView.extend({
  sm2PublicKeyPem: z.string().nullable(),
  certificatePem: z.string().nullable(),
});
