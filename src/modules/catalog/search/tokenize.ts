// Chinese segmentation for search (STACK.md "Chinese search"): jieba's search mode on the index side
// (whole words and their sub-words), its precise mode on the query side, so every query word is a word
// the index also holds. Pure functions; the jieba dictionary loads once per process.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const jieba = Jieba.withDict(dict);

/** A query is cut to this many characters (after NFKC and trimming); the rest is ignored. */
export const MAX_QUERY_CHARS = 100;

/** Words that say how someone asks, not what they want. Dropped from queries only. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '要',
  '想',
  '想要',
  '需要',
  '我',
  '我要',
  '我想',
  '什么',
  '啥',
  '怎么',
  '怎样',
  '怎么样',
  '如何',
  '哪里',
  '在哪',
  '在哪里',
  '哪儿',
  '去哪',
  '办',
  '办理',
  '的',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '能',
  '能不能',
  '可以',
  '可不可以',
  '了',
  '和',
  '与',
  '及',
  '或',
  '是',
  '有',
  '在',
  '给',
  '把',
  '被',
  '得',
  '地',
  '都',
  '也',
  '就',
  '还',
  '又',
  '请问',
  '一下',
  '应该',
  '需',
  '带',
  '哪些',
  '多少',
  '多久',
  '手续',
  '流程',
  '材料',
  '条件',
  '网上',
  '怎么办',
  '咋办',
  '咋',
  '么',
  '个',
  '该',
  '去',
  '到',
  '找',
  '用',
]);

const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * NFKC (full-width letters and digits become ASCII), lower case, whitespace collapsed, trimmed and
 * cut to MAX_QUERY_CHARS code points. `isTruncated` says whether anything was cut off.
 */
export function normaliseQuery(raw: string): { text: string; isTruncated: boolean } {
  const cleaned = raw.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_QUERY_CHARS) return { text: cleaned, isTruncated: false };
  return { text: chars.slice(0, MAX_QUERY_CHARS).join('').trim(), isTruncated: true };
}

/** Only letters and digits survive; everything else (punctuation, emoji, operators) splits words. */
function searchableRuns(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((run) => run.length > 0);
}

const isWord = (token: string) => SEARCHABLE.test(token);

/**
 * Index side: every word and sub-word of `texts` (search mode with HMM), plus the words the query side
 * would cut from the same text, ready to join by spaces for to_tsvector('simple').
 */
export function indexTokens(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (const run of searchableRuns(text)) {
      for (const token of jieba.cutForSearch(run, true)) if (isWord(token)) out.push(token);
      // the query side cuts without HMM; its words for unknown runs (卖烟 → 卖 / 烟) must exist too
      const known = new Set(out);
      for (const token of jieba.cut(run, false)) if (isWord(token) && !known.has(token)) out.push(token);
    }
  }
  return out;
}

/** Query side: the words of `text` without stop words (precise mode, no HMM guesses). */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of searchableRuns(text)) {
    for (const token of jieba.cut(run, false)) {
      if (isWord(token) && !STOP_WORDS.has(token)) out.push(token);
    }
  }
  return out;
}

/** The words of a phrase as the query side cuts it, stop words kept (a synonym may be one). */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  for (const run of searchableRuns(phrase)) {
    for (const token of jieba.cut(run, false)) if (isWord(token)) out.push(token);
  }
  return out;
}

/** Letters and digits only, lower case: "开饭店，要办什么证？" → "开饭店要办什么证". */
export function compactPhrase(text: string): string {
  return searchableRuns(text).join('');
}

/** The query's searchable characters with stop words removed, no spaces: "开饭店要办什么证" → "开饭店证". */
export function compactQuery(text: string): string {
  return queryTokens(text).join('');
}

export type HighlightSegment = { text: string; isMatch: boolean };

/**
 * `name` cut into segments, the ones covered by any of `terms` marked. Matching is case-insensitive
 * on NFKC text; the segments always join back to `name` exactly.
 */
export function highlight(name: string, terms: readonly string[]): HighlightSegment[] {
  const haystack = name.normalize('NFKC').toLowerCase();
  const marked = new Array<boolean>(name.length).fill(false);
  // NFKC can change lengths (full-width forms); highlight only when it did not.
  if (haystack.length === name.length) {
    for (const term of new Set(terms)) {
      if (term.length === 0) continue;
      for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) {
        marked.fill(true, at, at + term.length);
      }
    }
  }
  const segments: HighlightSegment[] = [];
  for (let i = 0; i < name.length; i++) {
    const last = segments.at(-1);
    if (last && last.isMatch === marked[i]) last.text += name[i];
    else segments.push({ text: name[i], isMatch: marked[i] });
  }
  return segments;
}
