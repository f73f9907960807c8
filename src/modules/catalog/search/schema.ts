// HTTP shapes of catalog search (pure zod; the web imports them through ../schema.ts).
import { z } from 'zod';

export const SearchRequest = z
  .object({
    q: z.string().max(1000, '检索词不能超过 1000 个字符').default(''),
    division: z
      .string()
      .regex(/^\d{6}(\d{3})?$/, '应为 6 位或 9 位行政区划代码')
      .optional(),
    department: z.uuid().optional(),
    theme: z.string().max(40).optional(),
    serves: z.string().max(20).optional(),
    itemType: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    onlineDepth: z.coerce.number().int().min(1).max(4).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

const Segment = z.object({ text: z.string(), isMatch: z.boolean() });
const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }));

export const SearchHitView = z.object({
  implementationId: z.string(),
  versionId: z.string(),
  itemId: z.string(),
  divisionCode: z.string(),
  level: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  name: z.string(),
  nameSegments: z.array(Segment),
  itemType: z.object({ code: z.string(), label: z.string() }),
  serves: z.array(z.string()),
  themes: z.array(z.string()),
  onlineDepth: z.number(),
  isInstant: z.boolean(),
});
export type SearchHitView = z.infer<typeof SearchHitView>;

export const SearchResponse = z.object({
  query: z.string(),
  isTruncated: z.boolean(),
  tokens: z.array(z.string()),
  corrections: z.array(z.string()),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  hits: z.array(SearchHitView),
  facets: z.object({
    departments: Facet,
    themes: Facet,
    serves: Facet,
    itemTypes: Facet,
    onlineDepths: Facet,
  }),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const SuggestRequest = z.object({ q: z.string().max(100).default('') }).strict();
export const SuggestResponse = z.array(
  z.object({ text: z.string(), kind: z.enum(['item', 'keyword', 'synonym']), itemId: z.string().nullable() }),
);

export const SynonymBody = z
  .object({
    term: z.string().trim().min(1).max(20),
    expansions: z.array(z.string().trim().min(1).max(20)).min(1).max(20),
  })
  .strict();
export const SynonymParams = z.object({ term: z.string().min(1).max(20) }).strict();
export const SynonymList = z.array(
  z.object({ term: z.string(), expansions: z.array(z.string()), updatedAt: z.string() }),
);
