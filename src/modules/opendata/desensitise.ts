// Desensitisation (脱敏), pure: checks the rules chosen per data item and applies them to plain rows.
// Sensitive items (身份证号/手机号/姓名) are never kept as they are; masks are the platform's.
import { maskIdNumber, maskName, maskPhone } from '../../platform/crypto.ts';
import type { DataItem } from './deps.ts';
import type { Aggregate, Cell, Column, Rule } from './schema.ts';

const NUMERIC = new Set(['N', 'Y', 'I', 'B', 'F']);
const DATES = new Set(['D', 'T']);
const TEXTS = new Set(['C', 'M']);

export type RuleProblem = { itemKey: string; kind: 'sensitive' | 'bad'; message: string };

/** Every problem with the chosen rules (empty: fine). Items not named are dropped. */
export function checkRules(items: DataItem[], rules: Record<string, Rule>, aggregates: string[]) {
  const problems: RuleProblem[] = [];
  const bad = (itemKey: string, message: string) => problems.push({ itemKey, kind: 'bad', message });
  for (const [key, rule] of Object.entries(rules)) {
    const item = items.find((i) => i.key === key);
    if (!item) {
      bad(key, `信息项 ${key} 不存在`);
      continue;
    }
    if (rule.rule === 'keep' && item.sensitivity !== 'general')
      problems.push({
        itemKey: key,
        kind: 'sensitive',
        message: `「${item.name}」是敏感信息项，应删除或遮蔽`,
      });
    if (rule.rule === 'mask' && item.sensitivity === 'general' && !TEXTS.has(item.type))
      bad(key, `「${item.name}」不是字符型，不能遮蔽`);
    if (rule.rule !== 'generalise' && (rule.to !== undefined || rule.width !== undefined))
      bad(key, `「${item.name}」：只有泛化规则可以指定 to/width`);
    if (rule.rule === 'generalise') {
      const to = rule.to;
      if (to === undefined) bad(key, `「${item.name}」：泛化需指定 to`);
      else if ((to === 'year' || to === 'year-month') && !DATES.has(item.type))
        bad(key, `「${item.name}」不是日期型，不能泛化到年或年月`);
      else if (to === 'band' && !NUMERIC.has(item.type)) bad(key, `「${item.name}」不是数值型，不能分段`);
      else if (to === 'band' && rule.width === undefined) bad(key, `「${item.name}」：分段需指定 width`);
      else if (to === 'county' && (!TEXTS.has(item.type) || item.sensitivity !== 'general'))
        bad(key, `「${item.name}」不是地址类字符项，不能泛化到县区`);
      if (to !== 'band' && rule.width !== undefined) bad(key, `「${item.name}」：只有分段可以指定 width`);
    }
  }
  for (const key of aggregates) {
    const item = items.find((i) => i.key === key);
    const rule = rules[key];
    if (!item || !rule || rule.rule === 'drop') bad(key, `统计项 ${key} 不是开放的信息项`);
    else if (item.sensitivity !== 'general') bad(key, `「${item.name}」是敏感信息项，不能提供统计`);
  }
  return problems;
}

/** The published columns: the items not dropped, in the catalog's order. */
export const columnsOf = (items: DataItem[], rules: Record<string, Rule>): Column[] =>
  items.flatMap((item) => {
    const rule = rules[item.key];
    if (!rule || rule.rule === 'drop') return [];
    const label = rule.rule === 'generalise' ? `generalise:${rule.to}` : rule.rule;
    return [{ key: item.key, name: item.name, type: item.type, rule: label }];
  });

/** Generic mask for a non-sensitive text: first and last character kept. */
function maskText(s: string) {
  const chars = [...s];
  if (chars.length <= 2) return '*'.repeat(chars.length);
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

const COUNTY =
  /^((?:.*?(?:省|自治区|特别行政区))?)((?:.*?(?:自治州|地区|盟|市|州))?)(.*?(?:自治县|自治旗|县|区|旗|市))?/;
/** A Chinese address cut after its county-level part (省 市 县/区); the street and number are gone. */
export function toCounty(address: string): string {
  const m = COUNTY.exec(address.trim());
  const kept = m ? `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}` : '';
  return kept === '' ? '（地址已泛化）' : kept;
}

function band(n: number, width: number) {
  const lo = Math.floor(n / width) * width;
  const fmt = (x: number) => String(Number(x.toFixed(6)));
  return `${fmt(lo)}–${fmt(lo + width)}`;
}

export function applyRule(item: DataItem, rule: Rule, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  const s = String(value);
  switch (rule.rule) {
    case 'keep':
      return item.sensitivity === 'general' ? (value as Cell) : null;
    case 'drop':
      return null;
    case 'mask':
      if (item.sensitivity === 'id-number') return maskIdNumber(s);
      if (item.sensitivity === 'phone') return maskPhone(s);
      if (item.sensitivity === 'name') return maskName(s);
      return maskText(s);
    case 'generalise':
      if (rule.to === 'year') return s.slice(0, 4);
      if (rule.to === 'year-month') return s.slice(0, 7);
      if (rule.to === 'band') {
        const n = Number(value);
        return Number.isFinite(n) ? band(n, rule.width ?? 10) : null;
      }
      return toCounty(s);
  }
}

/** The desensitised rows: only the published columns, each value through its item's rule. */
export function desensitise(
  items: DataItem[],
  rules: Record<string, Rule>,
  rows: Array<Record<string, unknown>>,
): Array<Record<string, Cell>> {
  const open = items.flatMap((item) => {
    const rule = rules[item.key];
    return rule && rule.rule !== 'drop' ? [{ item, rule }] : [];
  });
  return rows.map((row) => {
    const out: Record<string, Cell> = {};
    for (const { item, rule } of open) out[item.key] = applyRule(item, rule, row[item.key]);
    return out;
  });
}

/**
 * Counts per value of each aggregate item. A count below k is suppressed; when exactly one group is
 * suppressed, the next smallest is suppressed too, so the hidden one cannot be worked out from the total.
 */
export function aggregate(
  items: DataItem[],
  keys: string[],
  rows: Array<Record<string, Cell>>,
  k: number,
): Aggregate[] {
  return keys.map((key) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const v = row[key] === null || row[key] === undefined ? '（空）' : String(row[key]);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const groups = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
      .map(([value, count]) => ({ value, count, isSuppressed: count < k }));
    const hidden = groups.filter((g) => g.isSuppressed);
    const shown = groups.filter((g) => !g.isSuppressed);
    if (hidden.length === 1 && shown.length > 0) {
      const next = shown[shown.length - 1];
      if (next) next.isSuppressed = true;
    }
    return {
      itemKey: key,
      itemName: items.find((i) => i.key === key)?.name ?? key,
      k,
      groups: groups.map((g) => ({ ...g, count: g.isSuppressed ? null : g.count })),
    };
  });
}
