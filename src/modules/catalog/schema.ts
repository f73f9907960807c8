// Catalog request/response shapes and the guide (办事指南) elements, pure zod shared with the web front end.
// Elements follow GB/T 39046 Table 4 and the national collection fields (STANDARDS §4).
import { z } from 'zod';
import type { ImportProblem, ImportSummary } from './excel/schema.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Lines = (max: number, count = 100) => z.array(Text(max)).max(count);

/** 事项类型, GB/T 39046 Table A.1. */
export const ITEM_TYPES = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
} as const;
export type ItemTypeCode = keyof typeof ITEM_TYPES;
export const ItemTypeCode = z.enum(Object.keys(ITEM_TYPES) as [ItemTypeCode, ...ItemTypeCode[]]);

/** 服务对象 as the portal splits it: A.4 code 1 自然人; codes 2–6 (法人 and other bodies) as 法人. */
export const Serves = z.enum(['自然人', '法人']);
/** 行使层级, A.2 codes 3–5 (the levels of one city). */
export const ExerciseLevel = z.enum(['市级', '县级', '乡级']);
export const LimitUnit = z.enum(['工作日', '日']);
/** 材料形式 and 来源渠道 as the seed writes them (no national value list was found, STANDARDS §4). */
export const MaterialForm = z.enum(['原件', '复印件', '电子']);

export const Material = z
  .object({
    name: Text(200),
    form: MaterialForm,
    copies: z.int().min(0).max(99),
    source: Text(50),
    isRequired: z.boolean(),
    /** the e-license that can replace it (免提交), by license type name */
    licenseType: Text(100).nullable(),
    note: z.string().trim().max(500),
    blankFormUrl: z.url().max(500).nullable(),
    sampleUrl: z.url().max(500).nullable(),
  })
  .strict();
export type Material = z.infer<typeof Material>;

export const Place = z
  .object({
    name: Text(100),
    windows: Lines(100, 20),
    address: z.string().trim().max(200),
    hours: z.string().trim().max(200),
  })
  .strict();
export const Phones = z
  .object({ consult: z.string().trim().max(50), complaint: z.string().trim().max(50) })
  .strict();
export const Fee = z
  .object({
    isCharged: z.boolean(),
    basis: z.string().trim().max(500).nullable(),
    amountText: z.string().trim().max(200).nullable(),
  })
  .strict();
export const Faq = z.object({ q: Text(300), a: Text(2000) }).strict();

const GuideShape = z
  .object({
    name: Text(200),
    itemType: z.object({ code: ItemTypeCode, label: Text(20) }).strict(),
    serves: z.array(Serves).min(1).max(2),
    level: z.array(ExerciseLevel).min(1).max(3),
    legalLimitDays: z.int().min(0).max(3650).nullable(),
    legalLimitUnit: LimitUnit.nullable(),
    promisedLimitDays: z.int().min(0).max(3650).nullable(),
    /** 办件类型 A.6: 即办件 (true) or 承诺件 */
    isInstant: z.boolean(),
    visitsNeeded: z.int().min(0).max(9),
    /** 网上办理深度 Ⅰ–Ⅳ */
    onlineDepth: z.int().min(1).max(4),
    fee: Fee,
    conditions: Lines(1000),
    materials: z.array(Material).max(100),
    legalBasis: Lines(500),
    resultName: Text(200).nullable(),
    resultLicense: Text(100).nullable(),
    processSteps: Lines(500, 30),
    places: z.array(Place).max(20),
    phones: Phones,
    faq: z.array(Faq).max(50),
    themes: Lines(20, 10),
    keywords: Lines(50, 30),
    localNotes: z.string().trim().max(2000),
  })
  .strict();
export type GuideContent = z.infer<typeof GuideShape>;
export type GuideElement = keyof GuideContent;
export const GUIDE_ELEMENTS = Object.keys(GuideShape.shape) as GuideElement[];

type LimitFields = Pick<GuideContent, 'legalLimitDays' | 'promisedLimitDays' | 'isInstant'>;

/** The time-limit rule, as field problems: promised ≤ legal; an instant item promises 0 or nothing. */
export function limitProblems(
  c: Partial<LimitFields>,
  prefix = '',
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const promised = c.promisedLimitDays ?? null;
  const legal = c.legalLimitDays ?? null;
  if (promised !== null && legal !== null && promised > legal) {
    problems.push({
      path: `${prefix}promisedLimitDays`,
      message: `承诺办结时限（${promised}）不得超过法定办结时限（${legal}）`,
    });
  }
  if (c.isInstant && promised !== null && promised !== 0) {
    problems.push({ path: `${prefix}promisedLimitDays`, message: '即办件的承诺办结时限只能为 0 或不填' });
  }
  return problems;
}

export const GuideContent = GuideShape.superRefine((c, ctx) => {
  for (const p of limitProblems(c)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
});

/** What a county or township may set for itself; everything else follows the city. */
export const Overrides = z
  .object({
    places: GuideShape.shape.places.optional(),
    phones: Phones.optional(),
    promisedLimitDays: GuideShape.shape.promisedLimitDays.optional(),
    localNotes: GuideShape.shape.localNotes.optional(),
  })
  .strict();
export type Overrides = z.infer<typeof Overrides>;
export const OVERRIDABLE = ['places', 'phones', 'promisedLimitDays', 'localNotes'] as const;

// ── views ──────────────────────────────────────────────────────────────────────────────────────────

export const VersionState = z.enum([
  'draft',
  'submitted',
  'approved',
  'rejected',
  'published',
  'superseded',
  'unpublished',
]);
export type VersionState = z.infer<typeof VersionState>;
export const ImplementationLevel = z.enum(['city', 'county', 'township']);
export type ImplementationLevel = z.infer<typeof ImplementationLevel>;

const DepartmentRef = z.object({ id: z.string(), name: z.string() });

export const ImplementationRef = z.object({
  implementationId: z.string(),
  itemId: z.string(),
  basicCode: z.string(),
  code: z.string(),
  divisionCode: z.string(),
  level: ImplementationLevel,
  parentId: z.string().nullable(),
  department: DepartmentRef,
});

export const VersionView = z.object({
  id: z.string(),
  versionNo: z.int(),
  state: VersionState,
  content: GuideShape,
  overrides: Overrides.nullable(),
  parentVersionId: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  unpublishReason: z.string().nullable(),
});
export type VersionView = z.infer<typeof VersionView>;

export const GuideView = ImplementationRef.extend({ version: VersionView });
export type GuideView = z.infer<typeof GuideView>;

export const ItemSummary = ImplementationRef.extend({
  versionId: z.string(),
  name: z.string(),
  itemType: GuideShape.shape.itemType,
  serves: GuideShape.shape.serves,
  onlineDepth: z.int(),
  isInstant: z.boolean(),
  promisedLimitDays: z.int().nullable(),
  visitsNeeded: z.int(),
  themes: z.array(z.string()),
});
export type ItemSummary = z.infer<typeof ItemSummary>;
export const ItemPage = z.object({
  items: z.array(ItemSummary),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

export const VersionSummary = VersionView.omit({ content: true, overrides: true });
export const HistoryView = z.object({ implementation: ImplementationRef, versions: z.array(VersionSummary) });

export const ElementChange = z.object({
  element: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});
export type ElementChange = z.infer<typeof ElementChange>;
export const DiffView = z.object({ from: z.string(), to: z.string(), changes: z.array(ElementChange) });
export const LevelDiffView = z.object({
  implementationId: z.string(),
  parentId: z.string(),
  changes: z.array(ElementChange),
});

export const RegionList = z.object({
  items: z.array(
    z.object({
      implementationId: z.string(),
      divisionCode: z.string(),
      level: ImplementationLevel,
      department: DepartmentRef,
    }),
  ),
});
export const ThemeList = z.object({
  items: z.array(z.object({ audience: z.enum(['个人', '法人']), theme: z.string(), count: z.int() })),
});
export const DepartmentCounts = z.object({
  items: z.array(DepartmentRef.extend({ count: z.int() })),
});
export const ReviewQueue = z.object({
  items: z.array(ImplementationRef.extend({ version: VersionSummary, name: z.string() })),
});

/** 事项管理: every implementation of the editor's department, published or not, with its open edit. */
export const EditorEntry = ImplementationRef.extend({
  /** name, type and limit of the newest version (an open edit shows what is being edited) */
  name: z.string(),
  itemType: GuideShape.shape.itemType.nullable(),
  isInstant: z.boolean(),
  promisedLimitDays: z.int().nullable(),
  /** the version the public reads now */
  live: z.object({ id: z.string(), versionNo: z.int(), publishedAt: z.string().nullable() }).nullable(),
  /** the edit in progress: draft, submitted, approved or rejected */
  open: z.object({ id: z.string(), versionNo: z.int(), state: VersionState }).nullable(),
  /** false for an implementation no version of which was ever published */
  wasPublished: z.boolean(),
});
export type EditorEntry = z.infer<typeof EditorEntry>;
export const EditorList = z.object({ items: z.array(EditorEntry) });

// ── requests ───────────────────────────────────────────────────────────────────────────────────────

export const DivisionCode = z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字');
export const ItemQuery = z
  .object({
    division: DivisionCode.default('411500'),
    department: z.uuid().optional(),
    serves: Serves.optional(),
    itemType: ItemTypeCode.optional(),
    theme: Text(20).optional(),
    onlineDepth: z.coerce.number().int().min(1).max(4).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ItemQuery = z.infer<typeof ItemQuery>;
export const DivisionQuery = z.object({ division: DivisionCode.default('411500') }).strict();
export const IdParams = z.object({ id: z.uuid() }).strict();
export const ItemIdParams = z.object({ itemId: z.uuid() }).strict();
export const DiffQuery = z.object({ from: z.uuid(), to: z.uuid() }).strict();

/** A city draft replaces the whole content; a derived draft replaces its overrides. */
export const UpdateDraftBody = z.union([
  z.object({ content: GuideContent }).strict(),
  z.object({ overrides: Overrides }).strict(),
]);
export type UpdateDraftInput = z.infer<typeof UpdateDraftBody>;
export const NoteBody = z.object({ note: Text(1000) }).strict();
export const OptionalNoteBody = z.object({ note: z.string().trim().max(1000).optional() }).strict();
export const ReasonBody = z.object({ reason: Text(1000) }).strict();

// "One thing" bundle shapes live beside the bundle code; the web imports them from here.
export * from './bundles/schema.ts';
// Search request and response shapes live beside the search code; the web imports them from here.
export * from './search/schema.ts';

// The Excel import's answers, for the web's import page (types only: a value re-export would be a
// cycle, since excel/schema.ts reads this file's DivisionCode).
export type ImportSummaryView = z.infer<typeof ImportSummary>;
export type ImportProblemView = z.infer<typeof ImportProblem>;
