// catalog search: Chinese full-text search over published implementations (jieba tokens in weighted
// tsvectors, synonyms, pg_trgm for typos and partial words), suggestions, and the synonym table the
// service office edits. Owns catalog.search_doc, catalog.search_term and catalog.synonym. The catalog
// feeds it through SearchIndexPort inside its publishing transaction; calls audit for synonym edits.
import type { RequestContext } from '../../../platform/context.ts';
import type { Db, Executor } from '../../../platform/db/index.ts';
import { errors } from '../../../platform/errors.ts';
import type { AuditModule } from '../../audit/index.ts';
import type { SearchDoc, SearchIndexPort } from '../deps.ts';
import { answerCache } from './cache.ts';
import { searchErrors } from './errors.ts';
import { correctionTerms, prepareQuery, toSearchRow } from './pipeline.ts';
import type { RankedQuery } from './store.ts';
import * as store from './store.ts';
import { buildSynonymIndex, type SynonymIndex } from './synonyms.ts';
import { highlight, normaliseQuery } from './tokenize.ts';
import type { SearchHit, SearchQuery, SearchResult, Suggestion, SynonymInput, SynonymView } from './types.ts';

export { MAX_QUERY_CHARS } from './tokenize.ts';
export type * from './types.ts';

/** Synonyms are read at most this often per process; an edit here refreshes at once. */
const SYNONYM_TTL_MS = 30_000;
const MAX_PAGE_SIZE = 50;
const MAX_SUGGESTIONS = 8;

export type CatalogSearchDeps = {
  db: Db;
  audit: Pick<AuditModule, 'record'>;
  /** recent answers kept in memory (default 500; 0 turns the cache off) and for how long (30 s) */
  cache?: { maxEntries: number; ttlMs: number };
};

const clampInt = (value: number | undefined, min: number, max: number, fallback: number) =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.trunc(value)));

const toHit = (h: store.HitRow, terms: string[]): SearchHit => ({
  implementationId: h.implementation_id,
  versionId: h.version_id,
  itemId: h.item_id,
  divisionCode: h.division_code,
  level: h.level,
  departmentId: h.department_id,
  departmentName: h.department_name,
  name: h.name,
  nameHighlighted: highlight(h.name, terms),
  itemType: { code: h.item_type, label: h.item_type_label },
  serves: h.serves,
  themes: h.themes,
  onlineDepth: h.online_depth,
  isInstant: h.is_instant,
  score: Math.round(h.score * 1000) / 1000,
});

const toSynonymView = (row: store.SynonymDbRow): SynonymView => ({
  term: row.term,
  expansions: row.expansions,
  updatedAt: new Date(row.updated_at).toISOString(),
});

function requireOfficeAdmin(ctx: RequestContext): void {
  if (!ctx.actor) throw errors.unauthenticated();
  if (ctx.actor.kind !== 'staff' || !ctx.actor.roles.includes('office_admin')) throw errors.forbidden();
}

function cleanSynonym(input: SynonymInput): SynonymInput {
  const clean = (s: string) => normaliseQuery(s).text;
  const term = clean(input.term);
  const expansions = [...new Set(input.expansions.map(clean))].filter((e) => e !== '' && e !== term);
  const bad = (s: string) => Array.from(s).length > 20 || !/[\p{L}\p{N}]/u.test(s);
  if (term === '' || bad(term)) throw searchErrors.synonymInvalid('词语须为 1–20 个字且含文字');
  if (expansions.length === 0 || expansions.length > 20 || expansions.some(bad)) {
    throw searchErrors.synonymInvalid('须有 1–20 个同义词，每个 1–20 个字且含文字');
  }
  return { term, expansions };
}

export function createCatalogSearch(deps: CatalogSearchDeps) {
  let synonymCache: { index: SynonymIndex; loadedAt: number } | null = null;
  const answers = answerCache<SearchResult>(
    deps.cache?.maxEntries ?? 500,
    deps.cache?.ttlMs ?? SYNONYM_TTL_MS,
  );
  const forget = () => {
    synonymCache = null;
    answers.clear();
  };
  async function synonyms(): Promise<SynonymIndex> {
    if (synonymCache && performance.now() - synonymCache.loadedAt < SYNONYM_TTL_MS) return synonymCache.index;
    const index = buildSynonymIndex(await store.listSynonyms(deps.db));
    synonymCache = { index, loadedAt: performance.now() };
    return index;
  }

  const port: SearchIndexPort = {
    /** The implementation's current published version replaces whatever was indexed for it. */
    async indexVersion(tx: Executor, doc: SearchDoc) {
      await store.upsertDoc(tx, toSearchRow(doc), correctionTerms(doc));
      answers.clear();
    },
    async removeImplementation(tx: Executor, implementationId: string) {
      await store.deleteDoc(tx, implementationId);
      answers.clear();
    },
  };

  return {
    ...port,

    /**
     * Public search: ranked items with highlighted names, facet counts over every match, one page.
     * When no item covers every typed word and the query resembles an index word (营业执找 →
     * 营业执照), the results are those of that word and `corrections` names it.
     */
    async search(query: SearchQuery): Promise<SearchResult> {
      const synonymIndex = await synonyms();
      const typed = prepareQuery(query.q, synonymIndex);
      const page = clampInt(query.page, 1, 1000, 1);
      const pageSize = clampInt(query.pageSize, 1, MAX_PAGE_SIZE, 10);
      const minOnlineDepth =
        query.minOnlineDepth === undefined ? undefined : clampInt(query.minOnlineDepth, 0, 4, 0);
      const { divisionCode, departmentId, theme, serves, itemType } = query;
      const key = JSON.stringify([
        typed.text,
        divisionCode,
        departmentId,
        theme,
        serves,
        itemType,
        minOnlineDepth,
        page,
        pageSize,
      ]);
      const cached = answers.get(key);
      if (cached) return cached;
      const run = (ranked: RankedQuery) =>
        store.searchDocs(
          deps.db,
          ranked,
          { ...query, minOnlineDepth },
          { limit: pageSize, offset: (page - 1) * pageSize },
        );
      let used = typed;
      let rows = await run(typed.ranked);
      let corrections: string[] = [];
      if (rows.corrections.length > 0) {
        const corrected = prepareQuery(rows.corrections.join(' '), synonymIndex);
        const again = await run({ ...corrected.ranked, allowCorrections: false });
        if (again.total > 0) [used, rows, corrections] = [corrected, again, rows.corrections];
      }
      const terms = used.highlightTerms;
      const result: SearchResult = {
        query: typed.text,
        isTruncated: typed.isTruncated,
        tokens: typed.tokens,
        corrections,
        total: rows.total,
        page,
        pageSize,
        hits: rows.hits.map((h) => toHit(h, terms)),
        facets: {
          departments: rows.departments,
          themes: rows.themes,
          serves: rows.serves,
          itemTypes: rows.item_types,
          onlineDepths: rows.online_depths,
        },
      };
      answers.set(key, result);
      return result;
    },

    /** Up to 8 completions while typing: item names, keywords and synonym terms containing the text. */
    async suggest(prefix: string): Promise<Suggestion[]> {
      const text = normaliseQuery(prefix).text.slice(0, 20);
      if (!/[\p{L}\p{N}]/u.test(text)) return [];
      const rows = await store.suggest(deps.db, text, MAX_SUGGESTIONS * 3);
      const seen = new Set<string>();
      const out: Suggestion[] = [];
      for (const row of rows) {
        if (seen.has(row.text) || out.length >= MAX_SUGGESTIONS) continue;
        seen.add(row.text);
        out.push({ text: row.text, kind: row.kind, itemId: row.item_id });
      }
      return out;
    },

    // ── synonyms (同义词), edited by the service office ──
    async listSynonyms(): Promise<SynonymView[]> {
      return (await store.listSynonyms(deps.db)).map(toSynonymView);
    },

    /** Creates or replaces a term's expansions (office_admin; audited). */
    async saveSynonym(ctx: RequestContext, input: SynonymInput): Promise<SynonymView> {
      requireOfficeAdmin(ctx);
      const clean = cleanSynonym(input);
      const saved = await deps.db.transaction().execute(async (tx) => {
        const before = await store.getSynonym(tx, clean.term);
        const row = await store.saveSynonym(tx, clean.term, clean.expansions);
        await deps.audit.record(tx, ctx, {
          action: 'catalog.synonym.save',
          subjectType: 'synonym',
          subjectId: clean.term,
          summary: { before: before?.expansions ?? null, after: clean.expansions },
        });
        return row;
      });
      forget();
      return toSynonymView(saved);
    },

    /** Removes a term (office_admin; audited). */
    async removeSynonym(ctx: RequestContext, term: string): Promise<void> {
      requireOfficeAdmin(ctx);
      const key = normaliseQuery(term).text;
      await deps.db.transaction().execute(async (tx) => {
        const before = await store.getSynonym(tx, key);
        if (!before || !(await store.deleteSynonym(tx, key))) throw searchErrors.synonymNotFound(key);
        await deps.audit.record(tx, ctx, {
          action: 'catalog.synonym.remove',
          subjectType: 'synonym',
          subjectId: key,
          summary: { before: before.expansions },
        });
      });
      forget();
    },
  };
}
export type CatalogSearch = ReturnType<typeof createCatalogSearch>;
