// The two sheets of the implementation list (实施清单) workbook and how each cell maps to a guide element.
// Pure: no database, no exceljs. Cells are read back as text, so every kind has a writer and a reader.
//
// Cell formats (docs/api-contract.md, "Excel"):
// - 是/否 for yes-no elements; an empty cell for a value that is not set (null);
// - lists (受理条件, 设定依据, 办理流程, 主题, 关键词, 服务对象, 行使层级): one entry per line
//   (Alt+Enter in Excel); blank lines are ignored;
// - 办理地点 and 常见问题 are structured, so they are JSON arrays in the cell;
// - columns are found by their Chinese header in row 1, in any order.
import type { GuideContent, Material } from '../schema.ts';

export const ITEMS_SHEET = '事项';
export const MATERIALS_SHEET = '材料';
export const LINE_SEPARATOR = '\n';

export type Kind = 'text' | 'optText' | 'int' | 'optInt' | 'bool' | 'lines' | 'json';
/**
 * One column: its header, the element path it holds ('fee.basis'; '@…' for identity columns that are
 * not guide elements) and how its cell is written and read.
 */
export type Column = { header: string; path: string; kind: Kind; width: number };

export const ITEM_COLUMNS: Column[] = [
  { header: '实施编码', path: '@code', kind: 'text', width: 36 },
  { header: '基本编码', path: '@basicCode', kind: 'text', width: 14 },
  { header: '实施部门', path: '@department', kind: 'text', width: 24 },
  { header: '行政区划代码', path: '@division', kind: 'text', width: 12 },
  { header: '实施层级', path: '@level', kind: 'text', width: 8 },
  { header: '事项名称', path: 'name', kind: 'text', width: 30 },
  { header: '事项类型编码', path: 'itemType.code', kind: 'text', width: 8 },
  { header: '事项类型', path: 'itemType.label', kind: 'text', width: 12 },
  { header: '服务对象', path: 'serves', kind: 'lines', width: 10 },
  { header: '行使层级', path: 'level', kind: 'lines', width: 10 },
  { header: '法定办结时限', path: 'legalLimitDays', kind: 'optInt', width: 8 },
  { header: '法定时限单位', path: 'legalLimitUnit', kind: 'optText', width: 8 },
  { header: '承诺办结时限', path: 'promisedLimitDays', kind: 'optInt', width: 8 },
  { header: '即办件', path: 'isInstant', kind: 'bool', width: 6 },
  { header: '到现场次数', path: 'visitsNeeded', kind: 'int', width: 6 },
  { header: '网上办理深度', path: 'onlineDepth', kind: 'int', width: 6 },
  { header: '是否收费', path: 'fee.isCharged', kind: 'bool', width: 6 },
  { header: '收费依据', path: 'fee.basis', kind: 'optText', width: 20 },
  { header: '收费标准', path: 'fee.amountText', kind: 'optText', width: 16 },
  { header: '受理条件', path: 'conditions', kind: 'lines', width: 40 },
  { header: '设定依据', path: 'legalBasis', kind: 'lines', width: 40 },
  { header: '办理结果', path: 'resultName', kind: 'optText', width: 20 },
  { header: '结果证照', path: 'resultLicense', kind: 'optText', width: 20 },
  { header: '办理流程', path: 'processSteps', kind: 'lines', width: 30 },
  { header: '办理地点', path: 'places', kind: 'json', width: 40 },
  { header: '咨询电话', path: 'phones.consult', kind: 'text', width: 14 },
  { header: '投诉电话', path: 'phones.complaint', kind: 'text', width: 14 },
  { header: '常见问题', path: 'faq', kind: 'json', width: 40 },
  { header: '主题', path: 'themes', kind: 'lines', width: 12 },
  { header: '关键词', path: 'keywords', kind: 'lines', width: 16 },
  { header: '本地说明', path: 'localNotes', kind: 'text', width: 30 },
];

export const MATERIAL_COLUMNS: Column[] = [
  { header: '实施编码', path: '@code', kind: 'text', width: 36 },
  { header: '序号', path: '@order', kind: 'int', width: 6 },
  { header: '材料名称', path: 'name', kind: 'text', width: 40 },
  { header: '材料形式', path: 'form', kind: 'text', width: 8 },
  { header: '份数', path: 'copies', kind: 'int', width: 6 },
  { header: '来源渠道', path: 'source', kind: 'text', width: 14 },
  { header: '是否必需', path: 'isRequired', kind: 'bool', width: 8 },
  { header: '可替代电子证照', path: 'licenseType', kind: 'optText', width: 20 },
  { header: '备注', path: 'note', kind: 'text', width: 30 },
  { header: '空白表格地址', path: 'blankFormUrl', kind: 'optText', width: 24 },
  { header: '示例样表地址', path: 'sampleUrl', kind: 'optText', width: 24 },
];

export type CellValue = string | number | null;

// ── writing ──────────────────────────────────────────────────────────────────────────────────────

type Tree = Record<string, unknown>;

export function getPath(tree: unknown, path: string): unknown {
  let at: unknown = tree;
  for (const key of path.split('.')) at = at && typeof at === 'object' ? (at as Tree)[key] : undefined;
  return at;
}

export function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = tree;
  for (const key of keys.slice(0, -1)) {
    if (!at[key] || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Tree;
  }
  at[keys[keys.length - 1] as string] = value;
}

export function writeCell(kind: Kind, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'bool':
      return value ? '是' : '否';
    case 'lines':
      return (value as string[]).join(LINE_SEPARATOR) || null;
    case 'json':
      return JSON.stringify(value);
    case 'int':
    case 'optInt':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value) || null;
  }
}

/** The cells of one 事项 row: identity columns from `identity`, the rest from the content. */
export function itemCells(identity: Record<string, string>, content: GuideContent): CellValue[] {
  return ITEM_COLUMNS.map((c) =>
    c.path.startsWith('@') ? identity[c.path.slice(1)] || null : writeCell(c.kind, getPath(content, c.path)),
  );
}

export function materialCells(code: string, order: number, m: Material): CellValue[] {
  return MATERIAL_COLUMNS.map((c) =>
    c.path === '@code' ? code : c.path === '@order' ? order : writeCell(c.kind, getPath(m, c.path)),
  );
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────────

export type Read = { value: unknown } | { problem: string };

const INTEGER = /^-?\d{1,9}$/;

/** A cell's text as the value its kind holds, or why it cannot be. */
export function readCell(kind: Kind, raw: string): Read {
  const text = raw.trim();
  switch (kind) {
    case 'text':
      return { value: text };
    case 'optText':
      return { value: text === '' ? null : text };
    case 'optInt':
      if (text === '') return { value: null };
      return INTEGER.test(text) ? { value: Number(text) } : { problem: `“${clip(text)}”不是整数` };
    case 'int':
      if (text === '') return { problem: '必填，应为整数' };
      return INTEGER.test(text) ? { value: Number(text) } : { problem: `“${clip(text)}”不是整数` };
    case 'bool':
      if (text === '是') return { value: true };
      if (text === '否') return { value: false };
      return { problem: `应填“是”或“否”，实为“${clip(text)}”` };
    case 'lines':
      return {
        value: text
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'json':
      if (text === '') return { value: [] };
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { problem: '应为 JSON 数组（可照导出文件的格式填写）' };
      }
  }
}

const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

/** The column holding a guide element path such as ['fee', 'basis'] or ['places', 0, 'name']. */
export function columnOfElement(path: ReadonlyArray<PropertyKey>): string {
  const [first, second] = path.map(String);
  const exact = ITEM_COLUMNS.find((c) => c.path === `${first}.${second}`);
  return (exact ?? ITEM_COLUMNS.find((c) => c.path === first))?.header ?? String(first ?? '');
}

export function columnOfMaterialField(field: PropertyKey | undefined): string {
  return MATERIAL_COLUMNS.find((c) => c.path === String(field))?.header ?? '材料名称';
}
