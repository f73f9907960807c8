// An uploaded workbook → one guide content per 事项 row, and every problem of the file itself: missing
// sheets or columns, unreadable cells, duplicate codes, materials of unknown rows, and everything the
// API's own content rules (GuideContent in schema.ts) refuse. What needs the database is in import.ts.
import { type GuideContent, GuideContent as GuideContentSchema } from '../schema.ts';
import {
  type Column,
  columnOfElement,
  columnOfMaterialField,
  ITEM_COLUMNS,
  ITEMS_SHEET,
  MATERIAL_COLUMNS,
  MATERIALS_SHEET,
  readCell,
  setPath,
} from './columns.ts';
import type { Sheet, SheetRow } from './workbook.ts';

/** One problem of the file, as the importer sees it in Excel. */
export type RowProblem = { sheet: string; row: number; column: string; message: string };

export type Identity = { basicCode: string; department: string; division: string; level: string };
export type ParsedItem = {
  row: number;
  code: string;
  identity: Identity;
  /** set when every cell of the row and of its materials passed the content rules */
  content: GuideContent | null;
  /** the 材料 row of each material, in order */
  materialRows: number[];
};

const SHEETS: Array<[string, Column[]]> = [
  [ITEMS_SHEET, ITEM_COLUMNS],
  [MATERIALS_SHEET, MATERIAL_COLUMNS],
];

function headerProblems(sheets: Map<string, Sheet>): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [name, columns] of SHEETS) {
    const sheet = sheets.get(name);
    if (!sheet) {
      problems.push({ sheet: name, row: 1, column: '', message: `缺少工作表“${name}”` });
      continue;
    }
    const seen = sheet.headers.map((h) => h.header);
    for (const c of columns) {
      if (!seen.includes(c.header)) {
        problems.push({ sheet: name, row: 1, column: c.header, message: `缺少列“${c.header}”` });
      }
    }
    seen.forEach((h, i) => {
      if (!columns.some((c) => c.header === h)) {
        problems.push({ sheet: name, row: 1, column: h, message: `无法识别的列“${h}”` });
      } else if (seen.indexOf(h) !== i) {
        problems.push({ sheet: name, row: 1, column: h, message: `列“${h}”重复` });
      }
    });
  }
  return problems;
}

/** The row's cells as values; a problem for each cell that cannot be read. */
function readRow(sheet: string, r: SheetRow, columns: Column[], problems: RowProblem[]) {
  const values: Record<string, unknown> = {};
  const bad = new Set<string>();
  for (const c of columns) {
    const read = readCell(c.kind, r.cells.get(c.header) ?? '');
    if ('problem' in read) {
      problems.push({ sheet, row: r.row, column: c.header, message: read.problem });
      bad.add(c.header);
    } else if (c.path.startsWith('@')) {
      values[c.path] = read.value;
    } else {
      setPath(values, c.path, read.value);
    }
  }
  return { values, bad };
}

type Draft = { item: ParsedItem; values: Record<string, unknown>; bad: Set<string>; materialBad: boolean };

function readItems(sheet: Sheet, problems: RowProblem[]): Draft[] {
  const firstRowOf = new Map<string, number>();
  const drafts: Draft[] = [];
  for (const r of sheet.rows) {
    const { values, bad } = readRow(ITEMS_SHEET, r, ITEM_COLUMNS, problems);
    const code = String(values['@code'] ?? '');
    if (code === '') {
      problems.push({ sheet: ITEMS_SHEET, row: r.row, column: '实施编码', message: '实施编码必填' });
      continue;
    }
    const first = firstRowOf.get(code);
    if (first !== undefined) {
      problems.push({
        sheet: ITEMS_SHEET,
        row: r.row,
        column: '实施编码',
        message: `实施编码 ${code} 与第 ${first} 行重复`,
      });
      continue;
    }
    firstRowOf.set(code, r.row);
    const text = (k: string) => String(values[`@${k}`] ?? '');
    const identity = {
      basicCode: text('basicCode'),
      department: text('department'),
      division: text('division'),
      level: text('level'),
    };
    values.materials = [];
    drafts.push({
      item: { row: r.row, code, identity, content: null, materialRows: [] },
      values,
      bad,
      materialBad: false,
    });
  }
  return drafts;
}

function attachMaterials(sheet: Sheet, drafts: Draft[], problems: RowProblem[]) {
  const byCode = new Map(drafts.map((d) => [d.item.code, d]));
  const collected = new Map<Draft, Array<{ order: number; row: number; material: unknown }>>();
  for (const r of sheet.rows) {
    const { values, bad } = readRow(MATERIALS_SHEET, r, MATERIAL_COLUMNS, problems);
    const code = String(values['@code'] ?? '');
    const owner = byCode.get(code);
    if (!owner) {
      const message = code === '' ? '实施编码必填' : `实施编码 ${code} 在“事项”表中没有对应的行`;
      problems.push({ sheet: MATERIALS_SHEET, row: r.row, column: '实施编码', message });
      continue;
    }
    if (bad.size > 0) owner.materialBad = true;
    const list = collected.get(owner) ?? [];
    const order = Number(values['@order']);
    const twin = list.find((m) => m.order === order);
    if (!bad.has('序号') && twin) {
      problems.push({
        sheet: MATERIALS_SHEET,
        row: r.row,
        column: '序号',
        message: `序号 ${order} 与第 ${twin.row} 行重复`,
      });
      owner.materialBad = true;
    }
    const { '@code': _c, '@order': _o, ...material } = values;
    list.push({ order, row: r.row, material });
    collected.set(owner, list);
  }
  for (const [draft, list] of collected) {
    list.sort((a, b) => a.order - b.order || a.row - b.row);
    draft.values.materials = list.map((m) => m.material);
    draft.item.materialRows = list.map((m) => m.row);
  }
}

/** Runs the API's content rules on a row; a cell already reported as unreadable is not reported again. */
function validate(draft: Draft, problems: RowProblem[], reported: Set<string>) {
  const content = Object.fromEntries(Object.entries(draft.values).filter(([k]) => !k.startsWith('@')));
  const parsed = GuideContentSchema.safeParse(content);
  if (parsed.success) {
    if (draft.bad.size === 0 && !draft.materialBad) draft.item.content = parsed.data;
    return;
  }
  for (const issue of parsed.error.issues) {
    const [first, index, field] = issue.path;
    const isMaterial = first === 'materials' && typeof index === 'number';
    const problem: RowProblem = isMaterial
      ? {
          sheet: MATERIALS_SHEET,
          row: draft.item.materialRows[index] ?? draft.item.row,
          column: columnOfMaterialField(field),
          message: issue.message,
        }
      : {
          sheet: ITEMS_SHEET,
          row: draft.item.row,
          column: columnOfElement(issue.path),
          message: issue.message,
        };
    const key = `${problem.sheet}:${problem.row}:${problem.column}`;
    if (reported.has(key)) continue;
    if (!isMaterial && typeof index === 'number') problem.message = `第 ${index + 1} 项：${issue.message}`;
    problems.push(problem);
  }
}

/** Every implementation row of the file and every problem found without the database. */
export function parseWorkbook(sheets: Map<string, Sheet>): { items: ParsedItem[]; problems: RowProblem[] } {
  const problems = headerProblems(sheets);
  const itemSheet = sheets.get(ITEMS_SHEET);
  const materialSheet = sheets.get(MATERIALS_SHEET);
  if (problems.length > 0 || !itemSheet || !materialSheet) return { items: [], problems };
  const drafts = readItems(itemSheet, problems);
  attachMaterials(materialSheet, drafts, problems);
  const reported = new Set(problems.map((p) => `${p.sheet}:${p.row}:${p.column}`));
  for (const d of drafts) validate(d, problems, reported);
  return { items: drafts.map((d) => d.item), problems };
}
