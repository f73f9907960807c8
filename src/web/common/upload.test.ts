import { describe, expect, it } from 'vitest';
import {
  ALLOWED_MEDIA_TYPES,
  EXTENSIONS,
  ACCEPT as FILES_ACCEPT,
  MAX_FILE_BYTES,
} from '../../modules/files/schema.ts';
import { ACCEPT, ACCEPTED_TYPES, MAX_FILE_BYTES as BROWSER_MAX } from './cases.ts';
import { fileProblem } from './upload.ts';

describe('the browser checks a material file with the files module’s own rules', () => {
  it('uses the same size limit, types and extensions as the server', () => {
    expect(BROWSER_MAX).toBe(MAX_FILE_BYTES);
    expect(Object.keys(ACCEPTED_TYPES).sort()).toEqual([...ALLOWED_MEDIA_TYPES].sort());
    expect(ACCEPTED_TYPES).toEqual(EXTENSIONS);
    expect(ACCEPT).toBe(FILES_ACCEPT);
  });
  it('takes a PDF, a JPG and an OFD up to the limit', () => {
    expect(fileProblem({ name: '营业执照.PDF', size: 1, type: '' })).toBeNull();
    expect(fileProblem({ name: 'photo.jpeg', size: MAX_FILE_BYTES, type: 'image/jpeg' })).toBeNull();
    expect(fileProblem({ name: '证照.ofd', size: 10, type: '' })).toBeNull();
  });
  it('refuses other types, empty files and files over the limit, saying why in Chinese', () => {
    expect(fileProblem({ name: '说明.docx', size: 10, type: 'application/msword' })).toBe(
      '“说明.docx”不是 PDF、JPG、PNG 或 OFD 文件',
    );
    expect(fileProblem({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('“a.pdf”是空文件');
    expect(fileProblem({ name: 'big.pdf', size: 25 * 1024 * 1024, type: 'application/pdf' })).toBe(
      '“big.pdf”（25.0 MB）超过 20 MB 的大小上限',
    );
    expect(
      fileProblem({ name: 'edge.pdf', size: MAX_FILE_BYTES + 1, type: 'application/pdf' }),
    ).not.toBeNull();
  });
});
