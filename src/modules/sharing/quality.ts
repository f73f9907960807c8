// The quality rules of a load, pure: every cell checked against its data item (type code, length,
// required) and the item's rules (pattern, range, code list, national check, uniqueness, reference),
// rows checked for freshness against the resource's rule. Out come the typed rows, every problem with
// its row and column, and the four measures of the report.
import {
  ID_NUMBER_MESSAGES,
  idNumberProblem,
  normalizeIdNumber,
} from '../../platform/standards/id-number.ts';
import { isValidPhone, normalizePhone, PHONE_MESSAGE } from '../../platform/standards/phone.ts';
import { parseUscc } from '../../platform/standards/uscc.ts';
import { CYCLE_DAYS } from './codes.ts';
import type { TableRow } from './parse.ts';
import type { DataItem, Problem, QualityRules, UpdateCycle } from './schema.ts';

export type Value = string | number | boolean | null;
export type TypedRow = { row: number; values: Record<string, Value> };
/** Whether `value` is a value of the referenced item (the caller knows where those live). */
export type ReferenceCheck = (item: DataItem, value: string) => boolean;
export type Checked = {
  rows: TypedRow[];
  rejected: Set<number>;
  problems: Problem[];
  warnings: Problem[];
  completeness: number | null;
  validity: number | null;
  uniqueness: number | null;
  timeliness: number | null;
};

const DATE = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const isRealDate = (y: string, m: string, d: string) => {
  const at = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    at.getUTCFullYear() === Number(y) && at.getUTCMonth() === Number(m) - 1 && at.getUTCDate() === Number(d)
  );
};
const TRUE = new Set(['是', 'true', '1', 'y', 'yes']);
const FALSE = new Set(['否', 'false', '0', 'n', 'no']);

/** The typed value of a filled cell, or the reason it is not one of the item's type. */
export function typedValue(item: DataItem, raw: string): { value: Value } | { error: string } {
  const tooLong = item.length !== undefined && [...raw].length > item.length;
  switch (item.type) {
    case 'C':
    case 'M':
    case 'G':
      return tooLong ? { error: `超过长度 ${item.length}` } : { value: raw };
    case 'N':
    case 'Y': {
      const ok = item.type === 'Y' ? /^-?\d+(\.\d{1,2})?$/.test(raw) : /^-?\d+(\.\d+)?$/.test(raw);
      if (!ok) return { error: item.type === 'Y' ? '应为金额（最多两位小数）' : '应为数值' };
      if (item.length !== undefined && raw.replace(/[-.]/g, '').length > item.length)
        return { error: `超过 ${item.length} 位数字` };
      return { value: Number(raw) };
    }
    case 'I':
      return /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))
        ? { value: Number(raw) }
        : { error: '应为整数' };
    case 'B':
    case 'F':
      return raw !== '' && Number.isFinite(Number(raw)) ? { value: Number(raw) } : { error: '应为数字' };
    case 'D': {
      const m = DATE.exec(raw);
      return m && isRealDate(m[1], m[2], m[3])
        ? { value: `${m[1]}-${m[2]}-${m[3]}` }
        : { error: '应为日期 YYYY-MM-DD' };
    }
    case 'T': {
      const m = DATETIME.exec(raw);
      return m && isRealDate(m[1], m[2], m[3]) && Number(m[4]) < 24 && Number(m[5]) < 60
        ? { value: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}` }
        : { error: '应为日期时间 YYYY-MM-DD HH:mm:ss' };
    }
    case 'L': {
      const v = raw.toLowerCase();
      return TRUE.has(v)
        ? { value: true }
        : FALSE.has(v)
          ? { value: false }
          : { error: '应为逻辑值（是/否）' };
    }
  }
}

/** A national check: null when the value passes. */
function nationalCheck(check: 'uscc' | 'id-number' | 'phone', raw: string, today: Date): string | null {
  if (check === 'uscc') {
    const p = parseUscc(raw);
    if (!p.isWellFormed) return '统一社会信用代码格式错误（18 位，GB 32100）';
    return p.isChecksumValid ? null : '统一社会信用代码校验位错误';
  }
  if (check === 'id-number') {
    const problem = idNumberProblem(normalizeIdNumber(raw), today);
    return problem ? ID_NUMBER_MESSAGES[problem] : null;
  }
  return isValidPhone(raw) ? null : PHONE_MESSAGE;
}

const normalised = (item: DataItem, raw: string) =>
  item.rules.check === 'id-number'
    ? normalizeIdNumber(raw)
    : item.rules.check === 'phone'
      ? normalizePhone(raw)
      : item.rules.check === 'uscc'
        ? raw.toUpperCase()
        : raw;

function ruleProblems(
  item: DataItem,
  raw: string,
  value: Value,
  today: Date,
  refs: ReferenceCheck,
): string[] {
  const out: string[] = [];
  const r = item.rules;
  if (r.pattern && !new RegExp(`^(?:${r.pattern})$`, 'u').test(raw)) out.push(`不符合格式 ${r.pattern}`);
  if (typeof value === 'number') {
    if (r.min !== undefined && value < r.min) out.push(`小于下限 ${r.min}`);
    if (r.max !== undefined && value > r.max) out.push(`大于上限 ${r.max}`);
  }
  if (r.codes && !r.codes.includes(raw))
    out.push(`不在代码表中（${r.codes.slice(0, 10).join('、')}${r.codes.length > 10 ? '…' : ''}）`);
  if (r.check) {
    const problem = nationalCheck(r.check, raw, today);
    if (problem) out.push(problem);
  }
  if (r.references && !refs(item, raw))
    out.push(`在资源 ${r.references.resourceCode} 的「${r.references.itemKey}」中不存在`);
  return out;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);
const DAY = 86_400_000;

export function checkRows(
  items: DataItem[],
  quality: QualityRules,
  cycle: UpdateCycle,
  table: TableRow[],
  today: Date,
  refs: ReferenceCheck,
): Checked {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rejected = new Set<number>();
  const seen = new Map<string, Map<string, number>>();
  const required = items.filter((i) => i.isRequired);
  let filledRequired = 0;
  let duplicateRows = 0;
  let invalidRows = 0;
  const rows: TypedRow[] = [];
  const add = (row: number, column: string | null, code: string, message: string) => {
    problems.push({ row, column, code, message });
    rejected.add(row);
  };
  for (const { row, cells } of table) {
    const values: Record<string, Value> = {};
    let isDuplicate = false;
    const before = problems.length;
    if (cells['\u0000extra']) add(row, null, 'extra-cells', '本行有表头以外的内容');
    if (cells['\u0000shape']) add(row, null, 'shape', '本行不是由文本、数字或逻辑值组成的对象');
    for (const item of items) {
      const raw = cells[item.key] ?? '';
      if (raw === '') {
        values[item.key] = null;
        if (item.isRequired) add(row, item.name, 'required', '必填项为空');
        continue;
      }
      if (item.isRequired) filledRequired++;
      const typed = typedValue(item, normalised(item, raw));
      if ('error' in typed) {
        add(row, item.name, 'type', `${typed.error}：${preview(item, raw)}`);
        continue;
      }
      values[item.key] = typed.value;
      for (const message of ruleProblems(item, normalised(item, raw), typed.value, today, refs))
        add(row, item.name, 'rule', `${message}：${preview(item, raw)}`);
      if (item.rules.isUnique) {
        const key = normalised(item, raw);
        const byItem = seen.get(item.key) ?? new Map<string, number>();
        seen.set(item.key, byItem);
        const first = byItem.get(key);
        if (first !== undefined) {
          add(row, item.name, 'duplicate', `与第 ${first} 行重复：${preview(item, raw)}`);
          isDuplicate = true;
        } else byItem.set(key, row);
      }
    }
    if (isDuplicate) duplicateRows++;
    if (problems.slice(before).some((p) => p.code !== 'duplicate')) invalidRows++;
    rows.push({ row, values });
  }
  const timeliness = freshness(items, quality, cycle, rows, today, warnings);
  return {
    rows,
    rejected,
    problems,
    warnings,
    completeness: ratio(filledRequired, required.length * table.length),
    validity: ratio(table.length - invalidRows, table.length),
    uniqueness: items.some((i) => i.rules.isUnique)
      ? ratio(table.length - duplicateRows, table.length)
      : null,
    timeliness,
  };
}

/** Rows whose freshness date is older than the rule allows are stale: a warning, not a rejection. */
function freshness(
  items: DataItem[],
  quality: QualityRules,
  cycle: UpdateCycle,
  rows: TypedRow[],
  today: Date,
  warnings: Problem[],
): number | null {
  const rule = quality.freshness;
  const item = rule && items.find((i) => i.key === rule.itemKey);
  const maxAge = rule?.maxAgeDays ?? CYCLE_DAYS[cycle];
  if (!item || maxAge === null) return null;
  let fresh = 0;
  let dated = 0;
  for (const { row, values } of rows) {
    const v = values[item.key];
    if (typeof v !== 'string') continue;
    dated++;
    const age = (today.getTime() - Date.parse(`${v.slice(0, 10)}T00:00:00+08:00`)) / DAY;
    if (age <= maxAge + 1) fresh++;
    else if (warnings.length < 1000)
      warnings.push({
        row,
        column: item.name,
        code: 'stale',
        message: `${v.slice(0, 10)} 已超过 ${maxAge} 天未更新`,
      });
  }
  return ratio(fresh, dated);
}

/** What a problem may quote of a value: sensitive values masked, long ones cut. */
function preview(item: DataItem, raw: string): string {
  if (item.sensitivity !== 'general') return `${[...raw].slice(0, 2).join('')}****`;
  const chars = [...raw];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : raw;
}
