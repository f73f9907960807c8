// The search API as the search page reads it (GET /api/catalog/search, /api/catalog/suggest). The
// search route has no zod schema in schema.ts yet, so the page names what it uses and reads both the
// contract's names (items, nameSegments) and the service's (hits, nameHighlighted).
export type Segment = { text: string; isMatch: boolean };
export type FacetCount = { value: string; label: string; count: number };
export type SearchHitView = {
  implementationId: string;
  name: string;
  nameSegments?: Segment[];
  nameHighlighted?: Segment[];
  departmentName?: string;
  department?: { name: string };
  itemType: { code: string; label: string };
  onlineDepth: number;
  isInstant: boolean;
  visitsNeeded?: number;
  promisedLimitDays?: number | null;
};
export type SearchFacets = {
  departments: FacetCount[];
  themes: FacetCount[];
  serves: FacetCount[];
  itemTypes: FacetCount[];
  onlineDepths: FacetCount[];
};
export type SearchAnswer = {
  query?: string;
  total: number;
  page: number;
  pageSize: number;
  items?: SearchHitView[];
  hits?: SearchHitView[];
  corrections?: string[];
  facets: SearchFacets;
};
export type SuggestAnswer =
  | { items: { text: string; kind: string; itemId: string | null }[] }
  | { text: string }[];

/** The query parameters the page keeps in its URL, in the order they are shown. */
export const FILTERS = [
  { param: 'serves', facet: 'serves', title: '服务对象' },
  { param: 'theme', facet: 'themes', title: '主题' },
  { param: 'department', facet: 'departments', title: '部门' },
  { param: 'itemType', facet: 'itemTypes', title: '事项类型' },
  { param: 'onlineDepth', facet: 'onlineDepths', title: '网上办理深度' },
] as const satisfies readonly { param: string; facet: keyof SearchFacets; title: string }[];

export const hitsOf = (a: SearchAnswer) => a.items ?? a.hits ?? [];
export const segmentsOf = (h: SearchHitView): Segment[] =>
  h.nameSegments ?? h.nameHighlighted ?? [{ text: h.name, isMatch: false }];
export const suggestionsOf = (a: SuggestAnswer | null): string[] =>
  !a ? [] : (Array.isArray(a) ? a : a.items).map((s) => s.text);
