import { describe, expect, it } from 'vitest';
import { readCsv } from './parse.ts';

describe('CSV reading (RFC 4180)', () => {
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(readCsv('a,b\r\n"x, y","say ""hi""\nthere"\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['1', ''],
    ]);
  });
  it('reads a last line without a line break and refuses an unclosed quote', () => {
    expect(readCsv('a\n1')).toEqual([['a'], ['1']]);
    expect(readCsv('a\n"1')).toBe('文件结尾处有未闭合的引号');
  });
});
