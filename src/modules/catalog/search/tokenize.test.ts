import { describe, expect, it } from 'vitest';
import {
  compactQuery,
  highlight,
  indexTokens,
  MAX_QUERY_CHARS,
  normaliseQuery,
  queryTokens,
} from './tokenize.ts';

describe('normaliseQuery', () => {
  it('folds full-width letters and digits (NFKC), lower-cases, collapses and trims spaces', () => {
    expect(normaliseQuery('  ＳＣ证   办理１ ').text).toBe('sc证 办理1');
  });

  it(`cuts a query to ${MAX_QUERY_CHARS} characters and says so`, () => {
    const long = normaliseQuery('开饭店'.repeat(400));
    expect(Array.from(long.text)).toHaveLength(MAX_QUERY_CHARS);
    expect(long.isTruncated).toBe(true);
    expect(normaliseQuery('办退休').isTruncated).toBe(false);
  });

  it('never splits a character outside the BMP when cutting', () => {
    const { text } = normaliseQuery('😀'.repeat(150));
    expect(Array.from(text).every((c) => c === '😀')).toBe(true);
  });
});

describe('queryTokens', () => {
  it('keeps what the person wants and drops how they ask', () => {
    expect(queryTokens('开饭店要办什么证')).toEqual(['开', '饭店', '证']);
    expect(queryTokens('公积金怎么取')).toEqual(['公积金', '取']);
    expect(queryTokens('生孩子能报销吗')).toEqual(['生', '孩子', '报销']);
  });

  it('has nothing to search in emoji, punctuation or SQL metacharacters alone', () => {
    expect(queryTokens('😀🎉👍')).toEqual([]);
    expect(queryTokens("'; --%_\\")).toEqual([]);
    expect(queryTokens('怎么办')).toEqual([]);
  });

  it('keeps letters and digits around SQL metacharacters as plain words', () => {
    expect(queryTokens("'; drop table x; --")).toEqual(['drop', 'table', 'x']);
  });

  it('compacts a query to its searchable characters without stop words', () => {
    expect(compactQuery('身份证，丢了！')).toBe('身份证丢');
  });
});

describe('indexTokens', () => {
  it('holds whole words and their sub-words, so partial words match', () => {
    const tokens = indexTokens(['个体工商户设立登记']);
    expect(tokens).toEqual(expect.arrayContaining(['个体', '工商户', '设立', '登记', '设立登记']));
  });

  it('also holds every word the query side would cut from the same text', () => {
    for (const text of ['卖烟办证', '居民身份证补领（遗失）', '生孩子报销']) {
      const index = new Set(indexTokens([text]));
      for (const word of queryTokens(text)) expect(index.has(word), `${text}: ${word}`).toBe(true);
    }
  });

  it('drops punctuation tokens', () => {
    expect(indexTokens(['食品经营许可（新办）'])).not.toContain('（');
  });
});

describe('highlight', () => {
  it('marks every occurrence of the query words and joins back to the name', () => {
    const segments = highlight('居民身份证补领（遗失）', ['身份证', '遗失']);
    expect(segments).toEqual([
      { text: '居民', isMatch: false },
      { text: '身份证', isMatch: true },
      { text: '补领（', isMatch: false },
      { text: '遗失', isMatch: true },
      { text: '）', isMatch: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('居民身份证补领（遗失）');
  });

  it('merges overlapping words into one mark', () => {
    expect(highlight('个体工商户设立登记', ['个体', '工商户', '个体工商户'])).toEqual([
      { text: '个体工商户', isMatch: true },
      { text: '设立登记', isMatch: false },
    ]);
  });

  it('returns the whole name unmarked when nothing matches', () => {
    expect(highlight('契税申报', ['驾驶证'])).toEqual([{ text: '契税申报', isMatch: false }]);
  });
});
