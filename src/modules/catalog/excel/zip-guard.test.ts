import { describe, expect, it } from 'vitest';
import { ITEM_COLUMNS } from './columns.ts';
import { XLSX_PARTS, zeros, zipOf } from './tests/zip-bytes.ts';
import { writeWorkbook } from './workbook.ts';
import { ENTRY_LIMIT, inspectZip, readCentralDirectory, UNPACKED_LIMIT } from './zip-guard.ts';

const sheet = (data: Buffer) => ({ name: 'xl/worksheets/sheet1.xml', data });

describe('zip guard: an .xlsx is inspected before anything inflates it', () => {
  it('passes a real workbook as exceljs writes it', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ITEM_COLUMNS.map((c) => `${c.header}-${i}`));
    const verdict = await inspectZip(await writeWorkbook(rows, []));
    expect(verdict).toMatchObject({ isSafe: true });
    expect(verdict.isSafe && verdict.entries).toBeGreaterThan(5);
  });

  it('refuses a 60 MB bomb from its declared size alone, without inflating it', async () => {
    const bomb = zipOf([...XLSX_PARTS, sheet(zeros(60))]);
    expect(bomb.length).toBeLessThan(200 * 1024); // about 60 KB on the wire
    const started = performance.now();
    const verdict = await inspectZip(bomb);
    expect(verdict).toMatchObject({ isSafe: false, reason: 'too-large' });
    expect(verdict.isSafe ? '' : verdict.detail).toContain('超过 50.0 MB 的上限');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses an absurd ratio under the size limit: one entry, and many small ones together', async () => {
    const one = await inspectZip(zipOf([...XLSX_PARTS, sheet(zeros(8))]));
    expect(one).toMatchObject({ isSafe: false, reason: 'ratio' });
    expect(one.isSafe ? '' : one.detail).toMatch(/^压缩比 \d+:1 异常（上限 100:1）/);
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `xl/media/${i}.xml`,
      data: Buffer.alloc(512 * 1024, 0x20),
    }));
    expect(await inspectZip(zipOf(many))).toMatchObject({ isSafe: false, reason: 'ratio' });
  });

  it('lets a small part compress well: a blank sheet is not a bomb', async () => {
    const blank = sheet(Buffer.alloc(200 * 1024, 0x20));
    expect(await inspectZip(zipOf([...XLSX_PARTS, blank]))).toMatchObject({ isSafe: true });
  });

  it('refuses an archive that declares 1 KB but inflates to 30 MB, stopping at the declared size', async () => {
    const liar = zipOf([...XLSX_PARTS, { ...sheet(zeros(30)), declaredSize: 1024 }]);
    expect(readCentralDirectory(liar)?.at(-1)).toMatchObject({ unpacked: 1024 });
    const verdict = await inspectZip(liar);
    expect(verdict).toMatchObject({ isSafe: false, reason: 'lying' });
    expect(verdict.isSafe ? '' : verdict.detail).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses too many entries, and an empty archive', async () => {
    const tiny = Array.from({ length: ENTRY_LIMIT + 1 }, (_, i) => ({
      name: `p${i}`,
      data: Buffer.from('x'),
      method: 0 as const,
    }));
    expect(await inspectZip(zipOf(tiny))).toMatchObject({ isSafe: false, reason: 'too-many' });
    expect(await inspectZip(zipOf([]))).toMatchObject({ isSafe: false, reason: 'too-many' });
  });

  it('answers not-zip for junk, a truncated directory and a stored entry of the wrong length', async () => {
    expect(await inspectZip(Buffer.from('PK\u0003\u0004 not really a zip'))).toMatchObject({
      reason: 'not-zip',
    });
    const good = zipOf(XLSX_PARTS);
    const cut = Buffer.concat([good.subarray(0, 40), good.subarray(good.length - 22)]);
    expect(await inspectZip(cut)).toMatchObject({ isSafe: false });
    const stored = zipOf([{ name: 'a.xml', data: Buffer.from('abc'), method: 0, declaredSize: 2 }]);
    expect(await inspectZip(stored)).toMatchObject({ isSafe: false, reason: 'lying' });
  });

  it('keeps the limits where the documentation says', () => {
    expect(UNPACKED_LIMIT).toBe(50 * 1024 * 1024);
  });
});
