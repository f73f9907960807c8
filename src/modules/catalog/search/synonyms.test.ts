import { describe, expect, it } from 'vitest';
import { prepareQuery } from './pipeline.ts';
import { buildSynonymIndex, expandQuery, queryTsquery } from './synonyms.ts';

const synonyms = buildSynonymIndex([
  { term: '个体户', expansions: ['个体工商户'] },
  { term: '执照', expansions: ['营业执照'] },
  { term: '开饭店', expansions: ['食品经营', '个体工商户设立'] },
  { term: '取', expansions: ['提取'] },
  { term: '丢了', expansions: ['补领', '遗失'] },
]);

describe('synonym expansion', () => {
  it('works in both directions', () => {
    expect(synonyms.get('个体户')).toEqual(['个体工商户']);
    expect(synonyms.get('个体工商户')).toEqual(['个体户']);
  });

  it('expands a typed word into alternatives, a phrase of several words becoming an AND', () => {
    const { concepts } = expandQuery('个体户执照', synonyms);
    expect(concepts).toContainEqual({
      source: '个体户',
      alternatives: [['个体户'], ['个体', '工商户']],
      isPrimary: true,
    });
    expect(concepts).toContainEqual({
      source: '执照',
      alternatives: [['执照'], ['营业执照']],
      isPrimary: true,
    });
  });

  it('finds a synonym phrase that segmentation cut apart (开饭店 → 开 / 饭店)', () => {
    const { tokens, concepts } = expandQuery('开饭店要办什么证', synonyms);
    expect(tokens).toEqual(['开', '饭店', '证']);
    expect(concepts.find((c) => c.source === '开饭店')?.alternatives).toEqual([
      ['食品', '经营'],
      ['个体', '工商户', '设立'],
    ]);
  });

  it('finds a phrase that spans a stop word (丢了)', () => {
    const { concepts } = expandQuery('身份证丢了', synonyms);
    expect(concepts.map((c) => c.source)).toContain('丢了');
  });

  it('offers every word of every alternative for highlighting', () => {
    expect(expandQuery('个体户', synonyms).highlightTerms).toEqual(
      expect.arrayContaining(['个体户', '个体工商户', '个体', '工商户']),
    );
  });

  it('builds a tsquery of quoted words only', () => {
    expect(queryTsquery(expandQuery('个体户', synonyms).concepts)).toBe("('个体户' | ('个体' & '工商户'))");
  });
});

describe('prepareQuery', () => {
  it('groups each typed word with the synonym phrases covering it', () => {
    const { ranked } = prepareQuery('开饭店要办什么证', synonyms);
    expect(ranked.groups).toHaveLength(3);
    expect(ranked.groups[0]).toContain("'食品' & '经营'");
    expect(ranked.groups[1]).toContain("'饭店'");
    expect(ranked.groups[1]).toContain("'个体' & '工商户' & '设立'");
    // 开 has a meaning through 开饭店; 证 alone is vague and counts half
    expect(ranked.weights).toEqual([1, 1, 0.5]);
  });

  it('gives a single character with a synonym its full weight', () => {
    expect(prepareQuery('公积金怎么取', synonyms).ranked.weights).toEqual([1, 1]);
  });

  it('browses on a blank query and matches nothing on a query without words', () => {
    expect(prepareQuery('   ', synonyms).ranked).toMatchObject({ isBrowse: true, tsquery: '' });
    expect(prepareQuery('😀😀', synonyms).ranked).toMatchObject({ isBrowse: false, tsquery: '' });
  });
});
