// Chinese text for full-text search, for any module (STACK.md "Chinese search"): jieba's search mode on
// the index side, its precise mode on the query side, tokens joined by spaces for
// to_tsvector('simple', …) / to_tsquery('simple', …). The jieba dictionary loads on first use.
// (catalog/search/tokenize.ts keeps its own tuned pipeline with stop words, synonyms and highlighting.)
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;
const segmenter = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

/** Letters and digits only, NFKC, lower case; everything else splits runs. */
const runsOf = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((run) => run.length > 0);

/** Index side: every word and sub-word of the texts, plus the precise-mode words a query would cut. */
export function indexText(texts: readonly string[]): string {
  const out = new Set<string>();
  for (const text of texts) {
    for (const run of runsOf(text)) {
      for (const token of segmenter().cutForSearch(run, true)) out.add(token);
      for (const token of segmenter().cut(run, false)) out.add(token);
    }
  }
  return [...out].join(' ');
}

/** Query side: the precise-mode words of a query (at most 100 characters are read). */
export function queryWords(text: string): string[] {
  const words: string[] = [];
  for (const run of runsOf([...text].slice(0, 100).join(''))) {
    for (const token of segmenter().cut(run, false)) if (/[\p{L}\p{N}]/u.test(token)) words.push(token);
  }
  return [...new Set(words)];
}
