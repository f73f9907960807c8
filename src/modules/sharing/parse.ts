// Uploaded files to a table of text cells: CSV (RFC 4180, UTF-8 only), XLSX (first sheet, after the
// zip-bomb guard) and JSON (an array of objects). Wrong type, broken encoding or a header that does
// not match the data items is a file problem: nothing is read. Row numbers are those a person sees:
// in CSV/XLSX the header is row 1 and the first data row is row 2; in JSON the first element is row 1.
import ExcelJS from 'exceljs';
import type { DataItem, Problem } from './schema.ts';

export const MAX_ROWS = 100_000;
export type Format = 'csv' | 'xlsx' | 'json';
export type TableRow = { row: number; cells: Record<string, string> };
export type Parsed =
  | { ok: true; format: Format; rows: TableRow[] }
  | { ok: false; format: Format | null; problems: Problem[] };

const fileProblem = (code: string, message: string, column: string | null = null): Problem => ({
  row: null,
  column,
  code,
  message,
});
const refuse = (format: Format | null, ...problems: Problem[]): Parsed => ({ ok: false, format, problems });

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

export type ZipInspector = (bytes: Buffer) => Promise<{ isSafe: boolean; detail?: string }>;

export async function parseUpload(
  fileName: string,
  bytes: Buffer,
  items: DataItem[],
  inspectZip: ZipInspector,
): Promise<Parsed> {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext !== 'csv' && ext !== 'xlsx' && ext !== 'json')
    return refuse(
      null,
      fileProblem('file-type', `不支持的文件类型「${fileName}」：请上传 .csv、.xlsx 或 .json 文件`),
    );
  if (bytes.length === 0) return refuse(ext, fileProblem('empty', '文件是空的'));
  if (ext === 'xlsx') {
    if (!isZip(bytes))
      return refuse(ext, fileProblem('file-type', '文件扩展名为 .xlsx，但内容不是 Excel 工作簿'));
    const verdict = await inspectZip(bytes);
    if (!verdict.isSafe)
      return refuse(ext, fileProblem('file-type', `Excel 文件不安全或已损坏：${verdict.detail ?? ''}`));
    return withHeader(ext, await readXlsx(bytes), items);
  }
  if (isZip(bytes) || bytes.subarray(0, 5).toString('latin1') === '%PDF-' || bytes.includes(0))
    return refuse(
      ext,
      fileProblem('file-type', `文件扩展名为 .${ext}，但内容是二进制文件（如 Excel、PDF、图片）`),
    );
  const text = decodeUtf8(bytes);
  if (text === null) {
    const looksGbk = new TextDecoder('gb18030').decode(bytes).match(/[\u4e00-\u9fff]/u) !== null;
    return refuse(
      ext,
      fileProblem(
        'encoding',
        `文件不是 UTF-8 编码${looksGbk ? '（疑似 GBK/GB18030）' : ''}：请在 Excel 或记事本中“另存为 UTF-8”后重新上传`,
      ),
    );
  }
  if (ext === 'json') return readJson(text, items);
  return withHeader(ext, readCsv(text), items);
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a record. */
export function readCsv(text: string): string[][] | string {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"' && field === '') inQuotes = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
    if (records.length > MAX_ROWS + 1) return `文件超过 ${MAX_ROWS} 行`;
  }
  if (inQuotes) return '文件结尾处有未闭合的引号';
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function excelText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? excelText((value.result ?? null) as ExcelJS.CellValue) : '';
  return '';
}

async function readXlsx(bytes: Buffer): Promise<string[][] | string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return 'Excel 文件无法读取（已损坏或不是 .xlsx 格式）';
  }
  const ws = wb.worksheets[0];
  if (!ws) return 'Excel 文件中没有工作表';
  if (ws.rowCount > MAX_ROWS + 1) return `文件超过 ${MAX_ROWS} 行`;
  const out: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(excelText(row.getCell(c).value));
    out.push(cells);
  }
  return out;
}

/** Maps each header to an item (by Chinese name or English key); every item exactly once, nothing else. */
function matchHeader(headers: string[], items: DataItem[]): { keys: string[] } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const raw of headers) {
    const h = raw.trim();
    const item = items.find((i) => i.name === h || i.key === h);
    if (!item) problems.push(fileProblem('unknown-column', `列「${h || '（空）'}」不是本资源的信息项`, h));
    else if (seen.has(item.key))
      problems.push(fileProblem('duplicate-column', `信息项「${item.name}」的列出现了两次`, h));
    else seen.add(item.key);
    keys.push(item?.key ?? '');
  }
  for (const item of items)
    if (!seen.has(item.key))
      problems.push(
        fileProblem('missing-column', `缺少信息项「${item.name}」（${item.key}）的列`, item.name),
      );
  return problems.length > 0 ? { problems } : { keys };
}

function withHeader(format: Format, table: string[][] | string, items: DataItem[]): Parsed {
  if (typeof table === 'string') return refuse(format, fileProblem('unreadable', table));
  const [header, ...body] = table;
  if (!header || header.every((h) => h.trim() === ''))
    return refuse(format, fileProblem('no-header', '第 1 行应为表头（信息项名称或英文名）'));
  // trailing empty header cells (Excel pads rows) are not columns
  let width = header.length;
  while (width > 0 && header[width - 1].trim() === '') width--;
  const matched = matchHeader(header.slice(0, width), items);
  if ('problems' in matched) return refuse(format, ...matched.problems);
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row: Record<string, string> = {};
    matched.keys.forEach((key, c) => {
      row[key] = (cells[c] ?? '').trim();
    });
    if (cells.slice(width).some((c) => c.trim() !== '')) row['\u0000extra'] = '1';
    rows.push({ row: i + 2, cells: row });
  });
  return { ok: true, format, rows };
}

function readJson(text: string, items: DataItem[]): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('json', fileProblem('unreadable', 'JSON 格式错误，无法解析'));
  }
  if (!Array.isArray(data))
    return refuse('json', fileProblem('unreadable', 'JSON 文件应为对象数组 [{…}, …]'));
  if (data.length > MAX_ROWS) return refuse('json', fileProblem('unreadable', `文件超过 ${MAX_ROWS} 行`));
  const first = data.find((d) => d && typeof d === 'object' && !Array.isArray(d)) as
    | Record<string, unknown>
    | undefined;
  const matched = matchHeader(Object.keys(first ?? {}), items);
  if (!first) return refuse('json', fileProblem('no-header', 'JSON 数组中没有对象'));
  if ('problems' in matched) return refuse('json', ...matched.problems);
  const byHeader = new Map(Object.keys(first).map((h, i) => [h, matched.keys[i]]));
  const rows: TableRow[] = data.map((entry, i) => {
    const cells: Record<string, string> = {};
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      return { row: i + 1, cells: { '\u0000shape': '1' } };
    for (const [h, v] of Object.entries(entry as Record<string, unknown>)) {
      const key = byHeader.get(h) ?? items.find((it) => it.name === h || it.key === h)?.key;
      if (!key) {
        cells['\u0000extra'] = '1';
        continue;
      }
      if (v === null || v === undefined) cells[key] = '';
      else if (typeof v === 'string') cells[key] = v.trim();
      else if (typeof v === 'number' || typeof v === 'boolean') cells[key] = String(v);
      else cells['\u0000shape'] = '1';
    }
    for (const it of items) cells[it.key] ??= '';
    return { row: i + 1, cells };
  });
  return { ok: true, format: 'json', rows };
}
