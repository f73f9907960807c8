// "One thing" bundle (一件事) shapes: requests of the service office's editor and the public bundle guide
// with its merged material list and intake-form outline. Pure zod, shared with the web front end
// (re-exported by ../schema.ts).
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);
const DivisionCode = z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字');

/** Who a bundle is for, as the portal splits it. */
export const BundleAudience = z.enum(['个人', '法人']);
export type BundleAudience = z.infer<typeof BundleAudience>;
export const BundleState = z.enum(['draft', 'published']);
export type BundleState = z.infer<typeof BundleState>;
export const MIN_MEMBERS = 2;
export const MAX_MEMBERS = 20;

// ── requests ───────────────────────────────────────────────────────────────────────────────────────

export const BundleCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, '编码为 2–32 位大写字母、数字或连字符');

export const CreateBundleBody = z
  .object({
    code: BundleCode,
    name: Text(100),
    audience: BundleAudience,
    description: z.string().trim().max(2000).default(''),
    divisionCode: DivisionCode,
  })
  .strict();
export type CreateBundleInput = z.infer<typeof CreateBundleBody>;

export const UpdateBundleBody = z
  .object({
    name: Text(100).optional(),
    audience: BundleAudience.optional(),
    description: z.string().trim().max(2000).optional(),
    divisionCode: DivisionCode.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一个字段' });
export type UpdateBundleInput = z.infer<typeof UpdateBundleBody>;

export const MemberInput = z
  .object({
    itemId: z.uuid(),
    isRequired: z.boolean().default(true),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
/** The whole member list, in guide order; duplicates and unpublished items are refused by the service. */
export const SetMembersBody = z
  .object({ members: z.array(MemberInput).min(MIN_MEMBERS).max(MAX_MEMBERS) })
  .strict();
export type SetMembersInput = z.infer<typeof SetMembersBody>;

export const BundleReasonBody = z.object({ reason: Text(1000) }).strict();
export const BundleIdParams = z.object({ id: z.uuid() }).strict();
export const BundleListQuery = z
  .object({ audience: BundleAudience.optional(), division: DivisionCode.default('411500') })
  .strict();
export type BundleListQuery = z.infer<typeof BundleListQuery>;
export const BundleGuideQuery = z.object({ division: DivisionCode.default('411500') }).strict();

// ── views ──────────────────────────────────────────────────────────────────────────────────────────

export const BundleSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  audience: BundleAudience,
  description: z.string(),
  divisionCode: z.string(),
  memberCount: z.int(),
});
export type BundleSummary = z.infer<typeof BundleSummary>;
export const BundleList = z.object({ items: z.array(BundleSummary) });

export const MemberView = z.object({
  itemId: z.string(),
  name: z.string(),
  position: z.int(),
  isRequired: z.boolean(),
  note: z.string(),
});
export const AdminBundleView = BundleSummary.extend({
  state: BundleState,
  members: z.array(MemberView),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type AdminBundleView = z.infer<typeof AdminBundleView>;
export const AdminBundleList = z.object({ items: z.array(AdminBundleView.omit({ members: true })) });

/** Which member needs a merged material, in that member's own words. */
export const MaterialNeed = z.object({
  itemId: z.string(),
  itemName: z.string(),
  materialName: z.string(),
  form: z.enum(['原件', '复印件', '电子']),
  copies: z.int(),
  isRequired: z.boolean(),
});
export const MergedMaterial = z.object({
  /** the normalised name the material is asked under once */
  name: z.string(),
  /** the strongest form any member asks for: 原件 > 复印件 > 电子 */
  form: z.enum(['原件', '复印件', '电子']),
  copies: z.int(),
  /** required when a required member requires it */
  isRequired: z.boolean(),
  source: z.string(),
  /** the e-license that can replace it (免提交), if any member names one */
  licenseType: z.string().nullable(),
  /** the bracketed qualifiers stripped from the members' names, e.g. 委托他人代办时提供, 联网核验 */
  qualifiers: z.array(z.string()),
  notes: z.array(z.string()),
  neededBy: z.array(MaterialNeed),
});
export type MergedMaterial = z.infer<typeof MergedMaterial>;

export const FormSection = z.object({
  key: z.string(),
  label: z.string(),
  fields: z.array(z.object({ key: z.string(), label: z.string() })),
  /** false when only conditional materials or optional members call for it */
  isRequired: z.boolean(),
  neededBy: z.array(z.string()),
});
export const FormOutline = z.object({
  /** the fill-in forms (来源 在线填报/窗口领取) the merged intake replaces */
  forms: z.array(z.object({ itemId: z.string(), name: z.string() })),
  sections: z.array(FormSection),
});
export type FormOutline = z.infer<typeof FormOutline>;

export const BundleMemberGuide = MemberView.extend({
  /** the published implementation serving the division (its own, else the nearest level above) */
  implementation: z
    .object({
      id: z.string(),
      versionId: z.string(),
      divisionCode: z.string(),
      level: z.enum(['city', 'county', 'township']),
      department: z.object({ id: z.string(), name: z.string() }),
    })
    .nullable(),
  promisedLimitDays: z.int().nullable(),
  legalLimitDays: z.int().nullable(),
  visitsNeeded: z.int().nullable(),
  fee: z.object({ isCharged: z.boolean(), amountText: z.string().nullable() }).nullable(),
});
export const BundleGuide = BundleSummary.extend({
  division: z.string(),
  members: z.array(BundleMemberGuide),
  /** members are handled in parallel: the longest promised limit of the available members */
  promisedLimitDays: z.int().nullable(),
  /** one comprehensive window takes the whole bundle: the most visits any member needs */
  visitsNeeded: z.int(),
  fees: z.object({
    totalFen: z.int(),
    /** false when a charged member's amount is not a plain number of yuan */
    isComplete: z.boolean(),
    charged: z.array(z.object({ itemId: z.string(), name: z.string(), amountText: z.string().nullable() })),
  }),
  materials: z.array(MergedMaterial),
  formOutline: FormOutline,
});
export type BundleGuide = z.infer<typeof BundleGuide>;
