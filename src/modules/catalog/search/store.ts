// The only SQL of catalog search: catalog.search_doc, catalog.search_term, catalog.synonym.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../../platform/db/index.ts';

export type SearchDocRow = {
  implementation_id: string;
  version_id: string;
  item_id: string;
  division_code: string;
  level: string;
  department_id: string;
  department_name: string;
  item_type: string;
  item_type_label: string;
  serves: string[];
  themes: string[];
  keywords: string[];
  online_depth: number;
  is_instant: boolean;
  name: string;
  name_tokens: string;
  keyword_tokens: string;
  body_tokens: string;
  extra_tokens: string;
};

export async function upsertDoc(db: Executor, row: SearchDocRow, terms: string[]): Promise<void> {
  const document = sql`setweight(to_tsvector('simple', ${row.name_tokens}::text), 'A')
    || setweight(to_tsvector('simple', ${row.keyword_tokens}::text), 'B')
    || setweight(to_tsvector('simple', ${row.body_tokens}::text), 'C')
    || setweight(to_tsvector('simple', ${row.extra_tokens}::text), 'D')`;
  await sql`
    insert into catalog.search_doc (implementation_id, version_id, item_id, division_code, level,
      department_id, department_name, item_type, item_type_label, serves, themes, keywords, online_depth,
      is_instant, name, document)
    values (${row.implementation_id}, ${row.version_id}, ${row.item_id}, ${row.division_code}, ${row.level},
      ${row.department_id}, ${row.department_name}, ${row.item_type}, ${row.item_type_label},
      ${row.serves}::text[], ${row.themes}::text[], ${row.keywords}::text[], ${row.online_depth},
      ${row.is_instant}, ${row.name}, ${document})
    on conflict (implementation_id) do update set
      version_id = excluded.version_id, item_id = excluded.item_id, division_code = excluded.division_code,
      level = excluded.level, department_id = excluded.department_id,
      department_name = excluded.department_name, item_type = excluded.item_type,
      item_type_label = excluded.item_type_label, serves = excluded.serves, themes = excluded.themes,
      keywords = excluded.keywords, online_depth = excluded.online_depth, is_instant = excluded.is_instant,
      name = excluded.name, document = excluded.document, indexed_at = now()`.execute(db);
  if (terms.length > 0) {
    await sql`insert into catalog.search_term (term) select unnest(${terms}::text[])
      on conflict (term) do nothing`.execute(db);
  }
}

export async function deleteDoc(db: Executor, implementationId: string): Promise<void> {
  await sql`delete from catalog.search_doc where implementation_id = ${implementationId}`.execute(db);
}

export type SearchFilters = {
  divisionCode?: string;
  departmentId?: string;
  theme?: string;
  serves?: string;
  itemType?: string;
  minOnlineDepth?: number;
};

export type RankedQuery = {
  /** browse: no words, every document passing the filters */
  isBrowse: boolean;
  /** to_tsquery text matching any concept */
  tsquery: string;
  /** one to_tsquery text per typed word (its synonyms included) and its weight in the coverage score */
  groups: string[];
  weights: number[];
  /** the query's letters and digits without stop words, for trigram similarity */
  compact: string;
  /** the query's letters and digits: a document with exactly this keyword is boosted */
  exact: string;
  /** look up index words the query resembles (off when searching a correction already) */
  allowCorrections: boolean;
  /** the coverage of a document matching every typed word: below it, corrections are looked up */
  fullCoverage: number;
};

export type HitRow = {
  implementation_id: string;
  version_id: string;
  item_id: string;
  division_code: string;
  level: string;
  department_id: string;
  department_name: string;
  item_type: string;
  item_type_label: string;
  serves: string[];
  themes: string[];
  online_depth: number;
  is_instant: boolean;
  name: string;
  score: number;
};
type Facet = { value: string; label: string; count: number };
export type SearchRows = {
  total: number;
  hits: HitRow[];
  departments: Facet[];
  themes: Facet[];
  serves: Facet[];
  item_types: Facet[];
  online_depths: Facet[];
  corrections: string[];
};

function filterSql(f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.divisionCode) parts.push(sql`d.division_code = ${f.divisionCode}`);
  // no division chosen: the city implementation stands for its item (its county and township copies
  // share its text), so only items without one are searched at lower levels
  else
    parts.push(sql`(d.level = 'city' or not exists (
      select 1 from catalog.search_doc c where c.item_id = d.item_id and c.level = 'city'))`);
  if (f.departmentId) parts.push(sql`d.department_id = ${f.departmentId}`);
  if (f.theme) parts.push(sql`${f.theme} = any(d.themes)`);
  if (f.serves) parts.push(sql`${f.serves} = any(d.serves)`);
  if (f.itemType) parts.push(sql`d.item_type = ${f.itemType}`);
  if (f.minOnlineDepth !== undefined) parts.push(sql`d.online_depth >= ${f.minOnlineDepth}`);
  return sql.join(parts, sql` and `);
}

/**
 * One round trip: matching (full text, or the name containing the query), scoring (coverage of the
 * typed words + weighted cover density + name trigram similarity + exact keyword), one row
 * per item, the page, the facet counts over every match, and the index words the query most
 * resembles (for a typo: the service searches again with them when nothing covers every typed word).
 */
export async function searchDocs(
  db: Executor,
  query: RankedQuery,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<SearchRows> {
  const { rows } = await searchSql(query, filters, page).execute(db);
  return rows[0];
}

/** The statement searchDocs runs (exported for EXPLAIN in performance work). */
export function searchSql(
  query: RankedQuery,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): RawBuilder<SearchRows> {
  const compact = sql`${query.compact}::text`;
  // letters and digits only, so no LIKE wildcard can come from the query; '' matches no name
  const like = sql`${Array.from(query.compact).length >= 2 ? `%${query.compact}%` : ''}::text`;
  return sql<SearchRows>`
    with q as (
      select case when ${query.tsquery}::text = '' then null
          else to_tsquery('simple', ${query.tsquery}::text) end as tsq,
        array(select to_tsquery('simple', g) from unnest(${query.groups}::text[]) with ordinality u(g, n)
          order by n) as groups,
        ${query.weights}::float8[] as weights
    ),
    hits as (
      select d.*, c.coverage, c.is_name_match,
        c.coverage + case when c.is_name_match then 1 else 0 end
          + coalesce(ts_rank_cd('{0.1,0.2,0.4,1.0}', d.document, (select tsq from q), 32), 0)
          + 0.5 * word_similarity(${compact}, d.name)
          + case when ${compact} = any(d.keywords) or ${query.exact}::text = any(d.keywords) then 1 else 0 end
          as score
      from catalog.search_doc d cross join lateral (select
          (select coalesce(sum(g.w), 0) from unnest((select groups from q), (select weights from q)) g(gq, w)
            where d.document @@ g.gq) as coverage,
          d.name like ${like} as is_name_match) c
      where ${filterSql(filters)}
        and (${query.isBrowse}::boolean or d.document @@ (select tsq from q) or d.name like ${like})
    ),
    items as (
      select distinct on (item_id) * from hits order by item_id, score desc, division_code, implementation_id
    ),
    best as (select coverage, is_name_match from items order by score desc limit 1),
    -- corrections are looked up only when no item covers every typed word and no name contains the query
    needs_fix as (
      select ${query.allowCorrections}::boolean and char_length(${compact}) between 2 and 20
        and coalesce((select coverage from best), 0) < ${query.fullCoverage}::float8
        and not coalesce((select is_name_match from best), false) as yes
    ),
    fix as (
      select coalesce(array_agg(x.term order by x.term), '{}') as terms from (
        select t.term, similarity(t.term, ${compact}) as sim, max(similarity(t.term, ${compact})) over () as top
        from catalog.search_term t
        where (select yes from needs_fix)
          and not exists (select 1 from catalog.search_term e where e.term = ${compact})
          and t.term % ${compact} and similarity(t.term, ${compact}) >= 0.4 and strpos(${compact}, t.term) = 0
      ) x where x.sim = x.top
    )
    select
      (select count(*)::int from items) as total,
      coalesce((select json_agg(p) from (
        select implementation_id, version_id, item_id, division_code, level, department_id, department_name,
          item_type, item_type_label, serves, themes, online_depth, is_instant, name, score
        from items order by score desc, name, implementation_id limit ${page.limit} offset ${page.offset}) p),
        '[]') as hits,
      coalesce((select json_agg(f) from (
        select department_id as value, department_name as label, count(*)::int as count from items
        group by 1, 2 order by 3 desc, 2) f), '[]') as departments,
      coalesce((select json_agg(f) from (
        select t as value, t as label, count(*)::int as count from items, unnest(items.themes) t
        group by 1 order by 3 desc, 1) f), '[]') as themes,
      coalesce((select json_agg(f) from (
        select s as value, s as label, count(*)::int as count from items, unnest(items.serves) s
        group by 1 order by 3 desc, 1) f), '[]') as serves,
      coalesce((select json_agg(f) from (
        select item_type as value, item_type_label as label, count(*)::int as count from items
        group by 1, 2 order by 3 desc, 1) f), '[]') as item_types,
      coalesce((select json_agg(f) from (
        select online_depth::text as value, online_depth::text as label, count(*)::int as count from items
        group by 1 order by 1 desc) f), '[]') as online_depths,
      (select terms from fix) as corrections`;
}

export type SuggestionRow = { text: string; kind: 'item' | 'keyword' | 'synonym'; item_id: string | null };

/** Names, keywords and synonym terms containing `prefix`, those starting with it first. */
export async function suggest(db: Executor, prefix: string, limit: number): Promise<SuggestionRow[]> {
  const { rows } = await sql<SuggestionRow>`
    select text, kind, item_id from (
      select distinct on (name) name as text, 'item' as kind, item_id, strpos(lower(name), ${prefix}) as pos
        from catalog.search_doc where strpos(lower(name), ${prefix}) > 0
      union all
      select distinct k, 'keyword', null::text, strpos(lower(k), ${prefix})
        from catalog.search_doc, unnest(keywords) k where strpos(lower(k), ${prefix}) > 0
      union all
      select term, 'synonym', null::text, strpos(term, ${prefix}) from catalog.synonym
        where strpos(term, ${prefix}) > 0
    ) s
    order by pos = 1 desc, kind = 'item' desc, char_length(text), text
    limit ${limit}`.execute(db);
  return rows;
}

// ── synonyms ─────────────────────────────────────────────────────────────────────────────────────

export type SynonymDbRow = { term: string; expansions: string[]; updated_at: Date };

export async function listSynonyms(db: Executor): Promise<SynonymDbRow[]> {
  const { rows } = await sql<SynonymDbRow>`
    select term, expansions, updated_at from catalog.synonym order by term`.execute(db);
  return rows;
}

export async function getSynonym(db: Executor, term: string): Promise<SynonymDbRow | null> {
  const { rows } = await sql<SynonymDbRow>`
    select term, expansions, updated_at from catalog.synonym where term = ${term}`.execute(db);
  return rows[0] ?? null;
}

export async function saveSynonym(db: Executor, term: string, expansions: string[]): Promise<SynonymDbRow> {
  const { rows } = await sql<SynonymDbRow>`
    insert into catalog.synonym (term, expansions) values (${term}, ${expansions}::text[])
    on conflict (term) do update set expansions = excluded.expansions, updated_at = now()
    returning term, expansions, updated_at`.execute(db);
  return rows[0];
}

export async function deleteSynonym(db: Executor, term: string): Promise<boolean> {
  const result = await sql`delete from catalog.synonym where term = ${term}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}
