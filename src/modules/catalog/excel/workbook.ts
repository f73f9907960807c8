// exceljs at the edge: a workbook of the two sheets from cell rows, and the cells of an uploaded
// workbook back as text keyed by header. Nothing here knows about guide elements.
import ExcelJS from 'exceljs';
import {
  type CellValue,
  type Column,
  ITEM_COLUMNS,
  ITEMS_SHEET,
  MATERIAL_COLUMNS,
  MATERIALS_SHEET,
} from './columns.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: CellValue[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    // codes and lists stay text: Excel must not turn 410110001000 into 4.1E+11
    style: c.kind === 'int' || c.kind === 'optInt' ? {} : { numFmt: '@', alignment: { wrapText: true } },
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
}

export async function writeWorkbook(items: CellValue[][], materials: CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yiwang';
  addSheet(wb, ITEMS_SHEET, ITEM_COLUMNS, items);
  addSheet(wb, MATERIALS_SHEET, MATERIAL_COLUMNS, materials);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One data row of a sheet: its 1-based row number and each header's cell text. */
export type SheetRow = { row: number; cells: Map<string, string> };
export type Sheet = { name: string; headers: Array<{ header: string; col: number }>; rows: SheetRow[] };

/** The text a person sees in a cell, whatever exceljs made of it (rich text, formula, hyperlink …). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value ? cellText((value.result ?? null) as ExcelJS.CellValue) : '';
  }
  if ('error' in value) return String(value.error);
  return '';
}

function readSheet(ws: ExcelJS.Worksheet): Sheet {
  const headers: Sheet['headers'] = [];
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const header = cellText(cell.value).trim();
    if (header) headers.push({ header, col });
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, row) => {
    if (row === 1) return;
    const cells = new Map<string, string>();
    for (const { header, col } of headers) cells.set(header, cellText(r.getCell(col).value));
    if ([...cells.values()].some((v) => v.trim() !== '')) rows.push({ row, cells });
  });
  return { name: ws.name, headers, rows };
}

/** The sheets of an .xlsx file by name; null when the bytes are not a readable workbook. */
export async function readWorkbook(bytes: Buffer): Promise<Map<string, Sheet> | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return new Map(wb.worksheets.map((ws) => [ws.name, readSheet(ws)]));
}
