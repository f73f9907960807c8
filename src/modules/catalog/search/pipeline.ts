// The query pipeline, pure: normalise → segment → drop stop words → expand synonyms → the tsquery
// texts the store ranks with. Also turns a published version into its index row.
import type { SearchDoc } from '../deps.ts';
import type { RankedQuery, SearchDocRow } from './store.ts';
import { type Concept, conceptTsquery, expandQuery, queryTsquery, type SynonymIndex } from './synonyms.ts';
import { compactPhrase, compactQuery, indexTokens, normaliseQuery } from './tokenize.ts';

export type PreparedQuery = {
  text: string;
  isTruncated: boolean;
  tokens: string[];
  ranked: RankedQuery;
  highlightTerms: string[];
};

/**
 * A single-character word (证, 开) counts half in the coverage score, being often the vaguest part of
 * a colloquial query, unless a synonym gives it a meaning (取 → 提取, 丢 in 丢了 → 补领).
 */
const weightOf = (word: string) => (Array.from(word).length >= 2 ? 1 : 0.5);

/**
 * One coverage group per typed word: the word, its synonyms, and every synonym phrase of the query
 * that contains it (开饭店 → 食品经营 covers both 开 and 饭店). A phrase containing no typed word
 * (its words were all stop words) is a group of its own.
 */
function coverageGroups(tokens: readonly string[], concepts: readonly Concept[]) {
  const groups: string[] = [];
  const weights: number[] = [];
  const used = new Set<Concept>();
  for (const token of new Set(tokens)) {
    const covering = concepts.filter((c) => c.source === token || (!c.isPrimary && c.source.includes(token)));
    for (const c of covering) used.add(c);
    groups.push(covering.map(conceptTsquery).join(' | '));
    const isExpanded = covering.some((c) => c.alternatives.length > 1 || !c.isPrimary);
    weights.push(isExpanded ? 1 : weightOf(token));
  }
  for (const c of concepts) {
    if (used.has(c)) continue;
    groups.push(conceptTsquery(c));
    weights.push(1);
  }
  return { groups, weights };
}

export function prepareQuery(raw: string | undefined, synonyms: SynonymIndex): PreparedQuery {
  const { text, isTruncated } = normaliseQuery(raw ?? '');
  const expanded = expandQuery(text, synonyms);
  const { groups, weights } = coverageGroups(expanded.tokens, expanded.concepts);
  return {
    text,
    isTruncated,
    tokens: expanded.tokens,
    highlightTerms: expanded.highlightTerms,
    ranked: {
      // a query with no searchable words left (emoji, punctuation, only stop words) matches nothing,
      // unless nothing at all was typed: then it lists everything that passes the filters
      isBrowse: text === '',
      tsquery: queryTsquery(expanded.concepts),
      groups,
      weights,
      compact: compactQuery(text),
      exact: compactPhrase(text),
      allowCorrections: true,
      fullCoverage: weights.reduce((a, b) => a + b, 0),
    },
  };
}

const wordsOf = (texts: readonly string[]) => indexTokens(texts).join(' ');

/** Keywords and the result name as single words too (开店办执照), so an exact phrase scores as one. */
const wholePhrases = (phrases: readonly string[]) =>
  phrases.map(compactPhrase).filter((p) => p.length >= 2 && p.length <= 20);

/** Index words worth offering as typo corrections: the name's, keywords' and result's, ≥ 2 characters. */
export function correctionTerms(doc: SearchDoc): string[] {
  const phrases = [...doc.keywords, ...(doc.resultName ? [doc.resultName] : [])];
  const terms = new Set<string>();
  for (const t of indexTokens([doc.name, ...phrases])) if (Array.from(t).length >= 2) terms.add(t);
  for (const phrase of wholePhrases(phrases)) terms.add(phrase);
  return [...terms].sort();
}

export function toSearchRow(doc: SearchDoc): SearchDocRow {
  return {
    implementation_id: doc.implementationId,
    version_id: doc.versionId,
    item_id: doc.itemId,
    division_code: doc.divisionCode,
    level: doc.level,
    department_id: doc.departmentId,
    department_name: doc.departmentName,
    item_type: doc.itemType.code,
    item_type_label: doc.itemType.label,
    serves: doc.serves,
    themes: doc.themes,
    keywords: doc.keywords,
    online_depth: doc.onlineDepth,
    is_instant: doc.isInstant,
    name: doc.name,
    name_tokens: wordsOf([doc.name]),
    keyword_tokens: [wordsOf(doc.keywords), ...wholePhrases(doc.keywords)].join(' '),
    body_tokens: wordsOf([...doc.conditions, ...doc.materials, ...(doc.resultName ? [doc.resultName] : [])]),
    extra_tokens: wordsOf([...doc.themes, doc.departmentName, ...doc.legalBasis]),
  };
}
