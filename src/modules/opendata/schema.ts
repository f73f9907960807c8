// Request and response shapes of the opendata module (数据开放); pure zod, shared with the web.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);
const ItemKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** How one data item is opened: as is, left out, masked, or generalised. */
export const Rule = z
  .object({
    rule: z.enum(['keep', 'drop', 'mask', 'generalise']),
    /** generalise: date → year | year-month; number → band (needs width); address → county */
    to: z.enum(['year', 'year-month', 'band', 'county']).optional(),
    /** the band width for numbers, e.g. 10 → 20–30 */
    width: z.number().positive().max(1e12).optional(),
  })
  .strict();
export type Rule = z.infer<typeof Rule>;

export const License = z.enum(['cc-by-4.0', 'cc0-1.0']);
export type License = z.infer<typeof License>;

export const PublishInput = z
  .object({
    resourceId: z.uuid(),
    /** per item key; an item not named is dropped */
    rules: z.record(ItemKey, Rule),
    /** items whose counts per value the dataset offers (small counts suppressed) */
    aggregates: z.array(ItemKey).max(5).default([]),
    /** small-count threshold: a count below k is not shown */
    k: z.int().min(2).max(100).default(5),
    license: License.default('cc-by-4.0'),
    tags: z.array(Text(20)).max(10).default([]),
  })
  .strict();
export type PublishInput = z.infer<typeof PublishInput>;
export const UnpublishBody = z.object({ reason: Text(500) }).strict();

const OpenType = z.enum(['unconditional', 'conditional', 'none']);
export const SourceView = z.object({
  resourceId: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  departmentName: z.string(),
  openType: OpenType,
  openConditions: z.string().nullable(),
  hasData: z.boolean(),
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      type: z.string(),
      sensitivity: z.enum(['id-number', 'phone', 'name', 'general']),
    }),
  ),
  dataset: z
    .object({
      name: z.string(),
      state: z.enum(['published', 'unpublished']),
      rules: z.record(z.string(), Rule),
      aggregates: z.array(z.string()),
      k: z.number(),
      license: License,
      tags: z.array(z.string()),
    })
    .nullable(),
});
export type SourceView = z.infer<typeof SourceView>;
export const SourceList = z.object({ items: z.array(SourceView) });

export const Column = z.object({ key: z.string(), name: z.string(), type: z.string(), rule: z.string() });
export type Column = z.infer<typeof Column>;
export const Aggregate = z.object({
  itemKey: z.string(),
  itemName: z.string(),
  k: z.number(),
  groups: z.array(
    z.object({
      value: z.string(),
      /** null: fewer than k (or suppressed so that it cannot be worked out from the others) */
      count: z.number().nullable(),
      isSuppressed: z.boolean(),
    }),
  ),
});
export type Aggregate = z.infer<typeof Aggregate>;

export const DatasetView = z.object({
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  resourceCode: z.string().nullable(),
  organization: z.object({ name: z.string(), title: z.string() }),
  tags: z.array(z.string()),
  openType: z.enum(['unconditional', 'conditional']),
  openConditions: z.string().nullable(),
  updateCycle: z.string(),
  license: z.object({ id: License, title: z.string(), url: z.string() }),
  columns: z.array(Column),
  rowCount: z.number(),
  aggregates: z.array(Aggregate),
  publishedAt: z.string(),
  modifiedAt: z.string(),
  downloads: z.object({ csv: z.string(), json: z.string(), api: z.string() }),
});
export type DatasetView = z.infer<typeof DatasetView>;
export const AdminDatasetView = DatasetView.extend({
  state: z.enum(['published', 'unpublished']),
  unpublishReason: z.string().nullable(),
  publishedByName: z.string(),
});
export type AdminDatasetView = z.infer<typeof AdminDatasetView>;

export const DatasetSummary = DatasetView.pick({
  name: true,
  title: true,
  notes: true,
  organization: true,
  tags: true,
  openType: true,
  rowCount: true,
  modifiedAt: true,
});
export type DatasetSummary = z.infer<typeof DatasetSummary>;
export const DatasetList = z.object({
  items: z.array(DatasetSummary),
  total: z.number(),
  page: z.number(),
});

export const ListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type ListQuery = z.infer<typeof ListQuery>;
export const NameParams = z.object({ name: z.string().regex(/^[a-z0-9_-]{2,100}$/) }).strict();
export const RowsQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    size: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type RowsQuery = z.infer<typeof RowsQuery>;
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof Cell>;
export const RowsView = z.object({
  name: z.string(),
  total: z.number(),
  page: z.number(),
  size: z.number(),
  columns: z.array(Column),
  rows: z.array(z.record(z.string(), Cell)),
});
export type RowsView = z.infer<typeof RowsView>;

// ── the CKAN Action API (field names as CKAN's) ──
const CkanResource = z.object({
  id: z.string(),
  package_id: z.string(),
  url: z.string(),
  format: z.string(),
  mimetype: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number(),
  created: z.string(),
  last_modified: z.string(),
  state: z.string(),
});
export const CkanPackage = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  url: z.string(),
  state: z.string(),
  private: z.boolean(),
  type: z.string(),
  license_id: z.string(),
  license_title: z.string(),
  license_url: z.string(),
  metadata_created: z.string(),
  metadata_modified: z.string(),
  owner_org: z.string(),
  organization: z.object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    type: z.string(),
    is_organization: z.boolean(),
    state: z.string(),
  }),
  tags: z.array(z.object({ name: z.string(), display_name: z.string(), state: z.string() })),
  num_tags: z.number(),
  resources: z.array(CkanResource),
  num_resources: z.number(),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
});
export const ckanEnvelope = <T extends z.ZodType>(result: T) =>
  z.object({ help: z.string(), success: z.literal(true), result });
export const CkanSearchResult = z.object({
  count: z.number(),
  sort: z.string(),
  facets: z.record(z.string(), z.unknown()),
  search_facets: z.record(z.string(), z.unknown()),
  results: z.array(CkanPackage),
});
const Int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** CKAN clients send other parameters too (callback, _); they are ignored, not refused. */
export const PackageListQuery = z.object({
  limit: Int(1, 1000).default(1000),
  offset: Int(0, 1_000_000).default(0),
});
export const PackageShowQuery = z.object({ id: z.string().trim().min(1).max(100) });
export const PackageSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  fq: z
    .string()
    .trim()
    .max(200)
    .regex(/^(organization:"?[\w-]+"?)?$/, '只支持 organization:<name>')
    .optional(),
  rows: Int(0, 1000).default(10),
  start: Int(0, 1_000_000).default(0),
  sort: z.string().max(100).optional(),
});
