// Synonym expansion (同义词扩展), pure. A synonym row links a term with its expansions; a query that
// contains any phrase of the row also looks for every other phrase of it. A phrase of several words
// becomes an AND of its words, so "个体工商户" matches the index's 个体 + 工商户.
import { phraseTokens, queryTokens } from './tokenize.ts';

export type SynonymRow = { term: string; expansions: string[] };

/** phrase → the other phrases it stands for (both directions). */
export type SynonymIndex = ReadonlyMap<string, readonly string[]>;

export function buildSynonymIndex(rows: readonly SynonymRow[]): SynonymIndex {
  const index = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to) return;
    const set = index.get(from) ?? new Set<string>();
    set.add(to);
    index.set(from, set);
  };
  for (const row of rows) {
    for (const expansion of row.expansions) {
      link(row.term, expansion);
      link(expansion, row.term);
    }
  }
  return new Map([...index].map(([k, v]) => [k, [...v]]));
}

/**
 * One concept of the query: alternatives, each an AND of words. A document matching any alternative
 * matches the concept. `isPrimary` concepts come from the words typed; the others from synonyms.
 */
export type Concept = { source: string; alternatives: string[][]; isPrimary: boolean };

export type ExpandedQuery = {
  /** the words typed, stop words removed */
  tokens: string[];
  concepts: Concept[];
  /** every word that may appear in a match, for highlighting */
  highlightTerms: string[];
};

/**
 * The concepts of a (normalised) query: each typed word, expanded by the synonyms of that word, plus
 * one concept per synonym phrase found in the query's compact text (for phrases jieba cuts apart, such
 * as 开饭店 → 开 / 饭店).
 */
export function expandQuery(text: string, synonyms: SynonymIndex): ExpandedQuery {
  const tokens = queryTokens(text);
  const compact = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const add = (source: string, phrases: readonly string[], isPrimary: boolean) => {
    const alternatives: string[][] = [];
    for (const phrase of phrases) {
      const words = phraseTokens(phrase);
      const key = words.join(' ');
      if (words.length === 0 || seen.has(`${source}|${key}`)) continue;
      seen.add(`${source}|${key}`);
      alternatives.push(words);
    }
    if (alternatives.length > 0) concepts.push({ source, alternatives, isPrimary });
  };
  for (const token of new Set(tokens)) add(token, [token, ...(synonyms.get(token) ?? [])], true);
  for (const [phrase, others] of synonyms) {
    if (phrase.length < 2 || tokens.includes(phrase) || !compact.includes(phrase)) continue;
    add(phrase, others, false);
  }
  const highlightTerms = new Set<string>();
  for (const concept of concepts) {
    for (const alternative of concept.alternatives) {
      highlightTerms.add(alternative.join(''));
      for (const word of alternative) highlightTerms.add(word);
    }
  }
  return { tokens, concepts, highlightTerms: [...highlightTerms] };
}

/** A lexeme safe inside to_tsquery: tokens are letters and digits only, quoted all the same. */
const lexeme = (word: string) => `'${word.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/** to_tsquery('simple', …) text for one concept: (a & b) | c. Empty when the concept has no words. */
export function conceptTsquery(concept: Concept): string {
  return concept.alternatives
    .map((words) => (words.length === 1 ? lexeme(words[0]) : `(${words.map(lexeme).join(' & ')})`))
    .join(' | ');
}

/** The whole query: any concept matches (ranking rewards documents matching more of them). */
export function queryTsquery(concepts: readonly Concept[]): string {
  return concepts.map((c) => `(${conceptTsquery(c)})`).join(' | ');
}
