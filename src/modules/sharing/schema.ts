// Request and response shapes of the sharing module's catalog and mounting (GB/T 21063 metadata,
// STANDARDS §8); pure zod, shared with the web.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Digits = (min: number, max: number) =>
  z.string().regex(new RegExp(`^\\d{${min},${max}}$`), `应为 ${min === max ? min : `${min}–${max}`} 位数字`);

/** 资源属性 (类): 基础 1 / 主题 2 / 部门 3. */
export const Attribute = z.enum(['basic', 'theme', 'department']);
export type Attribute = z.infer<typeof Attribute>;
/** 共享类型 / 开放属性. */
export const ShareType = z.enum(['unconditional', 'conditional', 'none']);
export type ShareType = z.infer<typeof ShareType>;
/** 共享方式: 共享平台方式 / 邮件方式 / 介质方式. */
export const ShareMethod = z.enum(['platform', 'email', 'media']);
/** 信息资源格式. */
export const ResourceFormat = z.enum([
  '电子文件',
  '电子表格',
  '数据库',
  '图形图像',
  '流媒体',
  '自描述格式',
  '服务接口',
]);
/** 更新周期. */
export const UpdateCycle = z.enum([
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
  'irregular',
]);
export type UpdateCycle = z.infer<typeof UpdateCycle>;
/** 信息项数据类型: 字符C 数值N 货币Y 日期D 日期时间T 逻辑L 备注M 通用G 双精度B 整型I 浮点F. */
export const ItemType = z.enum(['C', 'N', 'Y', 'D', 'T', 'L', 'M', 'G', 'B', 'I', 'F']);
export type ItemType = z.infer<typeof ItemType>;
/** 敏感级别: 身份证号 / 手机号 / 姓名 are encrypted at rest and masked; 一般 is stored as is. */
export const Sensitivity = z.enum(['id-number', 'phone', 'name', 'general']);
export type Sensitivity = z.infer<typeof Sensitivity>;

export const ItemRules = z
  .object({
    /** a JavaScript regular expression the whole value must match */
    pattern: z.string().min(1).max(200).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** 代码表: the allowed values */
    codes: z.array(Text(50)).min(1).max(500).optional(),
    isUnique: z.boolean().optional(),
    /** a national check: GB 32100 统一社会信用代码, GB 11643 公民身份号码, a mainland mobile number */
    check: z.enum(['uscc', 'id-number', 'phone']).optional(),
    /** referential: the value must be a value of another published resource's item */
    references: z
      .object({ resourceCode: Text(40), itemKey: Text(40) })
      .strict()
      .optional(),
  })
  .strict();
export type ItemRules = z.infer<typeof ItemRules>;

export const DataItem = z
  .object({
    name: Text(50),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '英文名应为小写字母开头的字母、数字、下划线，≤ 40 位'),
    type: ItemType,
    length: z.int().min(1).max(4000).optional(),
    description: z.string().trim().max(500).default(''),
    sensitivity: Sensitivity.default('general'),
    isRequired: z.boolean().default(false),
    rules: ItemRules.default({}),
  })
  .strict();
export type DataItem = z.infer<typeof DataItem>;

export const QualityRules = z
  .object({
    /** timeliness: rows whose date item is older than maxAgeDays (default: the update cycle) are stale */
    freshness: z
      .object({ itemKey: Text(40), maxAgeDays: z.int().min(1).max(3660).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type QualityRules = z.infer<typeof QualityRules>;

const Node = (code: z.ZodString) => z.object({ code, name: Text(50) }).strict();

export const ResourceInput = z
  .object({
    name: Text(100),
    summary: Text(2000),
    classification: z
      .object({
        attribute: Attribute,
        /** 项: 2 digits; for 基础 and 主题 one of the guide's list (the name is then taken from it) */
        xiang: z.object({ code: Digits(2, 2), name: Text(50).optional() }).strict(),
        mu: Node(Digits(3, 3)),
        ximu: Node(Digits(1, 6)).optional(),
      })
      .strict(),
    format: ResourceFormat,
    shareType: ShareType,
    shareConditions: z.string().trim().max(1000).optional(),
    /** 不予共享的法律、行政法规或党中央、国务院政策依据 */
    shareBasis: z.string().trim().max(1000).optional(),
    shareMethod: ShareMethod,
    openType: ShareType,
    openConditions: z.string().trim().max(1000).optional(),
    updateCycle: UpdateCycle,
    relatedCodes: z.array(Text(40)).max(20).default([]),
    items: z.array(DataItem).min(1).max(200),
    quality: QualityRules.default({}),
  })
  .strict();
export type ResourceInput = z.infer<typeof ResourceInput>;

export const VersionState = z.enum(['draft', 'submitted', 'rejected', 'published', 'superseded']);
export type VersionState = z.infer<typeof VersionState>;

export const ApiMount = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(500),
    method: z.enum(['GET', 'POST']),
    /** how a caller authenticates (e.g. 'OAuth2 客户端凭证'); never a secret */
    authentication: Text(200),
    responseFormat: z.enum(['JSON', 'XML']),
    description: z.string().trim().max(1000).default(''),
  })
  .strict();
export type ApiMount = z.infer<typeof ApiMount>;

export const ResourceView = z.object({
  id: z.string(),
  code: z.string().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  departmentCode: z.string(),
  versionId: z.string(),
  version: z.number(),
  state: VersionState,
  name: z.string(),
  summary: z.string(),
  classification: z.object({
    attribute: Attribute,
    attributeName: z.string(),
    xiang: z.object({ code: z.string(), name: z.string() }),
    mu: z.object({ code: z.string(), name: z.string() }),
    ximu: z.object({ code: z.string(), name: z.string() }).nullable(),
  }),
  format: z.string(),
  shareType: ShareType,
  shareConditions: z.string().nullable(),
  shareBasis: z.string().nullable(),
  shareMethod: z.string(),
  openType: ShareType,
  openConditions: z.string().nullable(),
  updateCycle: UpdateCycle,
  relatedCodes: z.array(z.string()),
  items: z.array(DataItem),
  quality: QualityRules,
  publishedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** the published version's number while a newer one is edited or reviewed */
  publishedVersion: z.number().nullable(),
  mountKind: z.enum(['none', 'file', 'api']),
  apiMount: ApiMount.nullable(),
  currentLoadId: z.string().nullable(),
});
export type ResourceView = z.infer<typeof ResourceView>;

export const ResourceSummary = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  departmentName: z.string(),
  attribute: Attribute,
  shareType: ShareType,
  openType: ShareType,
  updateCycle: UpdateCycle,
  version: z.number(),
  state: VersionState,
  publishedAt: z.string().nullable(),
  mountKind: z.enum(['none', 'file', 'api']),
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;
export const ResourceList = z.object({
  items: z.array(ResourceSummary),
  total: z.number(),
  page: z.number(),
});

export const IdParams = z.object({ id: z.uuid() }).strict();
export const LoadParams = z.object({ id: z.uuid(), loadId: z.uuid() }).strict();
export const RejectBody = z.object({ reason: Text(1000) }).strict();
export const CatalogQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    attribute: Attribute.optional(),
    xiang: Digits(2, 2).optional(),
    mu: Digits(3, 3).optional(),
    departmentId: z.uuid().optional(),
    shareType: ShareType.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type CatalogQuery = z.infer<typeof CatalogQuery>;
export const MineQuery = z
  .object({ state: VersionState.optional(), page: z.coerce.number().int().min(1).max(10_000).default(1) })
  .strict();
export type MineQuery = z.infer<typeof MineQuery>;

/** The catalog tree: 类 → 项 → 目 (three fixed levels; OpenAPI has no recursive schema here). */
const TreeLeaf = z.object({ key: z.string(), label: z.string(), count: z.number() });
export type TreeLeaf = z.infer<typeof TreeLeaf>;
const TreeMid = TreeLeaf.extend({ children: z.array(TreeLeaf) });
export type TreeMid = z.infer<typeof TreeMid>;
const TreeTop = TreeLeaf.extend({ children: z.array(TreeMid) });
export type TreeTop = z.infer<typeof TreeTop>;
export const Tree = z.object({ byClassification: z.array(TreeTop), byDepartment: z.array(TreeLeaf) });

// ── mounting and quality ──
export const UploadQuery = z.object({ filename: Text(200) }).strict();
export const Problem = z.object({
  /** 1-based data row (the header is row 0 for CSV/XLSX; JSON counts array elements from 1); null: whole file */
  row: z.number().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;
export const QualityReport = z.object({
  format: z.string().nullable(),
  rows: z.number(),
  acceptedRows: z.number(),
  rejectedRows: z.number(),
  /** share of required cells filled, 0–1 */
  completeness: z.number().nullable(),
  /** share of rows passing every rule, 0–1 */
  validity: z.number().nullable(),
  /** share of rows whose unique keys are not repeated, 0–1 */
  uniqueness: z.number().nullable(),
  /** share of rows fresh against the freshness rule, 0–1 (null: no freshness rule) */
  timeliness: z.number().nullable(),
  /** the previous accepted load and whether this one came within the update cycle */
  previousLoadAt: z.string().nullable(),
  isOnSchedule: z.boolean().nullable(),
  /** problems with the file itself (type, encoding, header): nothing was read */
  fileProblems: z.array(Problem),
  /** problems of rows (at most 1000 listed; `problemCount` has them all) */
  problems: z.array(Problem),
  problemCount: z.number(),
  /** not a rejection: stale rows and the like */
  warnings: z.array(Problem),
});
export type QualityReport = z.infer<typeof QualityReport>;
export const LoadView = z.object({
  id: z.string(),
  resourceId: z.string(),
  version: z.number(),
  status: z.enum(['accepted', 'refused']),
  fileName: z.string(),
  loadedByName: z.string(),
  createdAt: z.string(),
  report: QualityReport,
});
export type LoadView = z.infer<typeof LoadView>;
export const LoadList = z.object({
  items: z.array(LoadView.omit({ report: true }).extend({ rows: z.number(), rejectedRows: z.number() })),
});
export const RowsQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).strict();
export const RowsView = z.object({
  loadId: z.string().nullable(),
  total: z.number(),
  page: z.number(),
  columns: z.array(z.object({ key: z.string(), name: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

// subscriptions, deliveries and dead letters (decision 0014), for the web pages
export {
  CreatedSubscription,
  DeadLetterList,
  DeliveryList,
  SubscriberList,
  SubscriptionList,
  SubscriptionView,
} from './exchange/schema.ts';
// requests, grants, system clients and the call log (decision 0013), for the web pages
export {
  ClientCreated,
  ClientView,
  GrantView,
  LogList,
  RequestView,
  StatsView,
} from './grants/schema.ts';
// 数据质量看板, for the web page
export { BoardDepartment, BoardResource, BoardStatus, QualityBoard } from './quality-board/schema.ts';
