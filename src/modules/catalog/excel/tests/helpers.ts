// Test helpers for the Excel import/export: reading and editing a workbook the way a person would in
// Excel (with exceljs), and sending it back.
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../../../test/support/app.ts';
import type { Session } from '../../../../../test/support/auth.ts';
import { sql } from '../../../../platform/db/index.ts';
import { XLSX_TYPE } from '../workbook.ts';

export const ADMIN = '/api/admin/catalog';

export async function exportFile(t: TestApp, who: Session, query = '') {
  const res = await t.app.inject({
    method: 'GET',
    url: `${ADMIN}/export.xlsx${query}`,
    headers: who.headers,
  });
  return { res, bytes: res.rawPayload };
}

export function importFile(t: TestApp, who: Session | null, bytes: Buffer | string, type = XLSX_TYPE) {
  return t.app.inject({
    method: 'POST',
    url: `${ADMIN}/import`,
    headers: { ...(who?.headers ?? {}), 'content-type': type },
    payload: bytes,
  });
}

export async function countVersions(t: TestApp): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from catalog.version`.execute(t.db);
  return rows[0]?.n ?? 0;
}

/** A workbook to edit: cells addressed by sheet, 实施编码 (or row number) and Chinese header. */
export async function openBook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  const col = (name: string, header: string) => {
    let found = 0;
    sheet(name)
      .getRow(1)
      .eachCell((cell, n) => {
        if (cell.value === header) found = n;
      });
    if (!found) throw new Error(`no column ${header} in ${name}`);
    return found;
  };
  /** The first row of a sheet whose 实施编码 is `code`. */
  const rowOf = (name: string, code: string) => {
    const c = col(name, '实施编码');
    for (let r = 2; r <= sheet(name).rowCount; r++) {
      if (sheet(name).getRow(r).getCell(c).value === code) return r;
    }
    throw new Error(`no row ${code} in ${name}`);
  };
  const cell = (name: string, row: number, header: string) =>
    sheet(name).getRow(row).getCell(col(name, header));
  return {
    wb,
    sheet,
    col,
    rowOf,
    cell,
    get: (name: string, row: number, header: string) => cell(name, row, header).value,
    set: (name: string, row: number, header: string, value: string | number | null) => {
      cell(name, row, header).value = value;
    },
    bytes: async () => Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
