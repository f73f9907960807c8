// Identity request and response shapes (pure zod; the web front end imports these too).
import { z } from 'zod';
import { STAFF_ROLES } from '../../platform/roles.ts';

export const StaffRoleSchema = z.enum(STAFF_ROLES);

const password = z.string().min(1).max(128);
const day = z.iso.date();

export const RegisterBody = z
  .object({
    realName: z.string().trim().min(2).max(30),
    idNumber: z.string().min(15).max(24),
    phone: z.string().min(11).max(20),
    password,
  })
  .strict();

export const LoginBody = z
  .object({ kind: z.enum(['citizen', 'staff']), username: z.string().min(1).max(64), password })
  .strict();

export const TotpBody = z.object({ code: z.string().regex(/^\d{6}$/, '应为 6 位数字') }).strict();

export const PasswordBody = z.object({ currentPassword: password, newPassword: password }).strict();

export const ActingBody = z.object({ enterpriseId: z.uuid().nullable() }).strict();

export const EnterpriseBody = z
  .object({ uscc: z.string().min(18).max(24), name: z.string().trim().min(2).max(100) })
  .strict();

export const MandateBody = z
  .object({
    agentIdNumber: z.string().min(15).max(24),
    agentName: z.string().trim().min(2).max(30),
    scope: z.enum(['all', 'items']),
    itemCodes: z.array(z.string().min(1).max(40)).max(200).default([]),
    validUntil: day,
  })
  .strict()
  .refine((m) => m.scope === 'all' || m.itemCodes.length > 0, {
    message: '按事项授权时至少列出一个事项编码',
    path: ['itemCodes'],
  });

export const StaffCreateBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(32)
      .regex(/^[A-Za-z0-9_.-]+$/, '只能包含字母、数字和 _ . -'),
    name: z.string().trim().min(2).max(30),
    departmentId: z.uuid().nullable(),
    divisionCode: z.string().regex(/^\d{6}(\d{3})?$/, '应为 6 位或 9 位行政区划代码'),
    roles: z.array(StaffRoleSchema).min(1).max(10),
    password,
  })
  .strict();

export const StaffPatchBody = z
  .object({
    name: z.string().trim().min(2).max(30).optional(),
    departmentId: z.uuid().nullable().optional(),
    divisionCode: z
      .string()
      .regex(/^\d{6}(\d{3})?$/)
      .optional(),
    roles: z.array(StaffRoleSchema).min(1).max(10).optional(),
    isDisabled: z.boolean().optional(),
  })
  .strict();

export const IdParams = z.object({ id: z.uuid() }).strict();
export const MandateParams = z.object({ id: z.uuid(), mandateId: z.uuid() }).strict();
export const UnmaskBody = z.object({ purpose: z.string().trim().min(4).max(200) }).strict();

const Relation = z.enum(['legal_rep', 'agent']);

export const EnterpriseView = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  relation: Relation,
  isChecksumFlagged: z.boolean(),
});
export type EnterpriseView = z.infer<typeof EnterpriseView>;

export const MeView = z.object({
  accountId: z.string(),
  kind: z.enum(['citizen', 'staff']),
  displayName: z.string(),
  roles: z.array(StaffRoleSchema),
  isMfaComplete: z.boolean(),
  hasTotp: z.boolean(),
  csrfToken: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  divisionCode: z.string().nullable(),
  acting: EnterpriseView.nullable(),
  enterprises: z.array(EnterpriseView),
});
export type MeView = z.infer<typeof MeView>;

export const LoginView = z.object({ next: z.enum(['done', 'totp', 'totp-enrol']), me: MeView });
export const EnrolView = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });

export const MandateView = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  agentName: z.string(),
  agentIdNumberMasked: z.string(),
  scope: z.enum(['all', 'items']),
  itemCodes: z.array(z.string()),
  validUntil: z.string(),
  status: z.enum(['active', 'expired', 'revoked']),
  createdAt: z.string(),
});
export type MandateView = z.infer<typeof MandateView>;

export const StaffView = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  divisionCode: z.string(),
  roles: z.array(StaffRoleSchema),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  hasTotp: z.boolean(),
});
export type StaffView = z.infer<typeof StaffView>;

export const FlaggedEnterpriseView = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export const ClearFlagBody = z.object({ note: z.string().trim().min(4).max(200) }).strict();

export const RoleView = z.object({ role: StaffRoleSchema, label: z.string(), needsTotp: z.boolean() });
export const UnmaskView = z.object({ idNumber: z.string(), phone: z.string() });
export const CitizenLookupQuery = z.object({ idNumber: z.string().min(15).max(24) }).strict();
export const CitizenView = z.object({
  id: z.string(),
  realName: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
});
