// Line breaking for the notices: Han characters part anywhere, numbers stay whole, closing marks never
// start a line, opening marks never end one.
import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap.ts';

/** Every character one unit wide: a line of width 5 holds five of them. */
const measure = (s: string) => [...s].length;
const texts = (text: string, max: number) => wrapText(text, max, measure).map((l) => l.text);

describe('wrapText', () => {
  it('breaks Chinese text between any two characters and keeps every character', () => {
    expect(texts('一二三四五六七八九十十一', 5)).toEqual(['一二三四五', '六七八九十', '十一']);
  });

  it('lets a closing mark hang at the end of a full line instead of starting the next', () => {
    expect(texts('一二三四五。六七', 5)).toEqual(['一二三四五。', '六七']);
    expect(texts('一二三四五。”六', 5)).toEqual(['一二三四五。”', '六']);
  });

  it('moves an opening mark down with the word it opens', () => {
    expect(texts('一二三四（五六）', 5)).toEqual(['一二三四', '（五六）']);
  });

  it('keeps a number or case number whole unless it is wider than a line', () => {
    expect(texts('编号411500-1号', 8)).toEqual(['编号', '411500-1', '号']);
    expect(texts('1234567890', 4)).toEqual(['1234', '5678', '90']);
  });

  it('marks every line but the last as broken (those are justified)', () => {
    expect(wrapText('一二三四五六', 5, measure).map((l) => l.isBroken)).toEqual([true, false]);
    expect(wrapText('', 5, measure)).toEqual([{ text: '', width: 0, isBroken: false }]);
  });
});
