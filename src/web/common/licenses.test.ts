import { describe, expect, it } from 'vitest';
import { holderCodeLabel, LICENSE_PDF_LIMIT, pdfProblem, validity, verifyPath } from './licenses.ts';

describe('license texts', () => {
  it('writes the validity as a range, 长期 without an end', () => {
    expect(validity('2026-03-02', '2031-03-01')).toBe('2026-03-02 至 2031-03-01');
    expect(validity('2026-03-02', null)).toBe('2026-03-02 至 长期');
  });
  it('names the holder code by its type', () => {
    expect(holderCodeLabel('111')).toBe('身份证号码');
    expect(holderCodeLabel('001')).toBe('统一社会信用代码');
    expect(holderCodeLabel('999')).toBe('证件号码');
  });
  it('links the verify page with the identifier escaped', () => {
    expect(verifyPath('1.2.156.3005.2.A.B.1.001.G')).toBe('/verify?id=1.2.156.3005.2.A.B.1.001.G');
    expect(verifyPath('a b')).toBe('/verify?id=a%20b');
  });
});

const file = (name: string, size: number, type = 'application/pdf') => ({ name, size, type });

describe('a license PDF is checked in the browser before it is sent', () => {
  it('accepts a PDF up to the server’s 20 MB', () => {
    expect(pdfProblem(file('证照.pdf', LICENSE_PDF_LIMIT))).toBeNull();
    expect(pdfProblem(file('证照.PDF', 1000, ''))).toBeNull();
  });
  it('refuses a larger file, an empty one and one that is not a PDF', () => {
    expect(pdfProblem(file('大.pdf', LICENSE_PDF_LIMIT + 1))).toContain('超过 20 MB');
    expect(pdfProblem(file('空.pdf', 0))).toContain('空文件');
    expect(pdfProblem(file('照片.jpg', 1000, 'image/jpeg'))).toContain('不是 PDF');
  });
});
