// The search sub-module's shapes. The indexed document (SearchDoc) and the port are declared by the
// catalog in ../deps.ts; these are what search answers.
import type { HighlightSegment } from './tokenize.ts';

export type { SearchDoc, SearchIndexPort } from '../deps.ts';
export type { HighlightSegment } from './tokenize.ts';

export type SearchQuery = {
  /** what the person typed; blank lists everything that passes the filters */
  q?: string;
  /** only implementations in this division (市/县/乡 code) */
  divisionCode?: string;
  departmentId?: string;
  theme?: string;
  /** 服务对象, e.g. 自然人 / 法人 */
  serves?: string;
  /** 事项类型 code (A.1), e.g. '01' */
  itemType?: string;
  /** online depth at least this (1–4) */
  minOnlineDepth?: number;
  /** 1-based */
  page?: number;
  /** 1–50, default 10 */
  pageSize?: number;
};

export type SearchHit = {
  implementationId: string;
  versionId: string;
  itemId: string;
  divisionCode: string;
  level: string;
  departmentId: string;
  departmentName: string;
  name: string;
  /** the name cut into segments; `isMatch` segments matched the query (render them as <mark>) */
  nameHighlighted: HighlightSegment[];
  itemType: { code: string; label: string };
  serves: string[];
  themes: string[];
  onlineDepth: number;
  isInstant: boolean;
  score: number;
};

export type FacetCount = { value: string; label: string; count: number };

export type SearchFacets = {
  departments: FacetCount[];
  themes: FacetCount[];
  serves: FacetCount[];
  itemTypes: FacetCount[];
  onlineDepths: FacetCount[];
};

export type SearchResult = {
  /** the query as searched: NFKC, trimmed, at most MAX_QUERY_CHARS */
  query: string;
  /** the query was longer than MAX_QUERY_CHARS and was cut */
  isTruncated: boolean;
  /** the words searched for (stop words removed) */
  tokens: string[];
  /** index words added because the query looked like a misspelling of them */
  corrections: string[];
  /** matching items (one per item: its best implementation, the division's when filtered) */
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: SearchFacets;
};

export type Suggestion = { text: string; kind: 'item' | 'keyword' | 'synonym'; itemId: string | null };

export type SynonymInput = { term: string; expansions: string[] };
export type SynonymView = SynonymInput & { updatedAt: string };
