// Filling a license type's printed fields (印制字段) from the concluded case: the holder, the
// department, the dates and number the platform assigns, and any form answer with the field's name.
// Pure, so the rules are tested without a database.
import { chineseDate } from '../../platform/clock.ts';
import { maskIdNumber } from '../../platform/crypto.ts';

export type FieldSources = {
  holderName: string;
  holderKind: 'citizen' | 'enterprise';
  holderCode: string;
  licenseNo: string;
  departmentName: string;
  validFrom: string;
  validTo: string | null;
  address: string;
  answers: Readonly<Record<string, string>>;
};

const RULES: Array<[RegExp, (s: FieldSources) => string]> = [
  [/编号$|证号$/, (s) => s.licenseNo],
  [/^有效期(限)?$/, (s) => `${chineseDate(s.validFrom)}至${s.validTo ? chineseDate(s.validTo) : '长期'}`],
  [/^有效期至$/, (s) => (s.validTo ? chineseDate(s.validTo) : '长期')],
  [/(签发|发证|颁发|核发|登记|批准)日期$/, (s) => chineseDate(s.validFrom)],
  [/(发证|签发|登记|颁发|审批)机关$|发证(单位|部门)$|日常监督管理机构$/, (s) => s.departmentName],
  [/统一社会信用代码$/, (s) => (s.holderKind === 'enterprise' ? s.holderCode : '—')],
  [/公民身份号码$|身份证(件)?号(码)?$/, (s) => (s.holderKind === 'citizen' ? s.holderCode : '—')],
  [/名称$|^姓名$|持证人|权利人/, (s) => s.holderName],
  [/法定代表人|负责人|^经营者$/, (s) => (s.holderKind === 'citizen' ? s.holderName : '—')],
  [/住所|场所|地址|住址/, (s) => s.answers['经营（住所）地址'] ?? s.address],
  [/投诉举报电话$/, () => '12345'],
];

export function fillFields(names: readonly string[], s: FieldSources) {
  return names.map((name) => {
    const answer = s.answers[name];
    if (answer) return { name, value: answer };
    const rule = RULES.find(([pattern]) => pattern.test(name));
    return { name, value: rule ? rule[1](s) : '—' };
  });
}

/**
 * The same fields as the public may see them: ID numbers masked and, for a citizen holder, the name
 * (an enterprise's name and credit code are public in the credit register).
 */
export function maskedFields(
  fields: ReadonlyArray<{ name: string; value: string }>,
  holder: { code: string; name: string; kind: 'citizen' | 'enterprise' },
) {
  return fields.map((f) => {
    if (f.value === holder.code) return { name: f.name, value: maskHolderCode(holder.code) };
    if (holder.kind === 'citizen' && f.value === holder.name)
      return { name: f.name, value: maskPersonName(holder.name) };
    return f;
  });
}

/** 陈立新 → 陈** */
export function maskPersonName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/**
 * The canonical license data the seal's SM2 key signs: keys in a fixed order, ID numbers masked (the
 * data is shown on the public verification page), bound to the signed PDF by its SHA-256.
 */
export function canonicalData(d: {
  identifier: string;
  licenseNo: string;
  typeCode: string;
  typeName: string;
  holderName: string;
  holderCodeMasked: string;
  issuerCode: string;
  issuer: string;
  validFrom: string;
  validTo: string | null;
  issuedAt: string;
  fields: ReadonlyArray<{ name: string; value: string }>;
  pdfSha256: string;
}): string {
  return JSON.stringify({
    identifier: d.identifier,
    licenseNo: d.licenseNo,
    typeCode: d.typeCode,
    typeName: d.typeName,
    holderName: d.holderName,
    holderCode: d.holderCodeMasked,
    issuerCode: d.issuerCode,
    issuer: d.issuer,
    validFrom: d.validFrom,
    validTo: d.validTo,
    issuedAt: d.issuedAt,
    fields: d.fields.map((f) => [f.name, f.value]),
    pdfSha256: d.pdfSha256,
  });
}

/** A masked holder code: ID numbers keep 6 + 4, credit codes keep 8 + 4. */
export function maskHolderCode(code: string): string {
  if (/^\d{17}[\dX]$/.test(code)) return maskIdNumber(code);
  return code.length > 12 ? `${code.slice(0, 8)}${'*'.repeat(code.length - 12)}${code.slice(-4)}` : code;
}

/** YYYY-MM-DD plus whole years, minus a day (a 5-year license from 2026-03-02 ends 2031-03-01). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** 编号: the type's own pattern (JY + 14 digits) or <division><year><6-digit serial>. */
export function licenseNumber(
  type: { number_prefix: string | null; number_digits: number | null },
  divisionCode: string,
  year: string,
  serial: number,
): string {
  if (type.number_prefix && type.number_digits) {
    const head = `1${divisionCode}`;
    const width = type.number_digits - head.length;
    return `${type.number_prefix}${head}${String(serial).padStart(width, '0').slice(-width)}`;
  }
  return `${divisionCode}${year}${String(serial).padStart(6, '0')}`;
}
