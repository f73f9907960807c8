// Where the base databases read from: the owning modules' public doors, wired in the composition root
// (identity for 人口 and 法人, licenses for 电子证照, org for 行政区划). Each source reads a page of
// records in key order (ids null) or the records with the given keys; a key it does not return is gone.
// Each record becomes a row of plain text cells keyed by the data items, checked like an upload.
import { shanghaiDate } from '../../../platform/clock.ts';
import type { LegalPersonRecord, PopulationRecord, RecordQuery } from '../../identity/index.ts';
import type { LicenseRecord } from '../../licenses/index.ts';
import type { BaseKind } from './definitions.ts';

type Query = RecordQuery;

export type { LegalPersonRecord, LicenseRecord, PopulationRecord };
export type DivisionRecord = {
  code: string;
  parentCode: string | null;
  name: string;
  level: string;
  type: string;
  isStatisticalOnly: boolean;
};

/** The doors, as app.ts wires them. */
export type BaseSources = {
  populationRecords(q: Query): Promise<PopulationRecord[]>;
  legalPersonRecords(q: Query): Promise<LegalPersonRecord[]>;
  licenseRecords(q: Query): Promise<LicenseRecord[]>;
  listDivisions(parent?: string): Promise<DivisionRecord[]>;
};

export type SourceRow = { key: string; cells: Record<string, string> };
const day = (d: Date) => shanghaiDate(d);
const beijingTime = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

const LEVEL: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡级' };

function genderOf(id: string) {
  return id.length === 18 ? (Number(id[16]) % 2 === 1 ? '男' : '女') : '';
}
const birthOf = (id: string) =>
  id.length === 18 ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : '';

export const toPopulationRow = (p: PopulationRecord): SourceRow => ({
  key: p.accountId,
  cells: {
    name: p.realName,
    id_number: p.idNumber,
    gender: genderOf(p.idNumber),
    // a version published before 出生年月 replaced it still stores 出生日期 (decision 0015)
    birth_date: birthOf(p.idNumber),
    birth_month: birthOf(p.idNumber).slice(0, 7),
    division_code: p.idNumber.slice(0, 6),
    phone: p.phone,
    real_name_level: String(p.realNameLevel),
    registered_on: day(p.registeredAt),
    status: p.isDisabled ? '停用' : '正常',
  },
});
export const toLegalPersonRow = (e: LegalPersonRecord): SourceRow => ({
  key: e.enterpriseId,
  cells: {
    uscc: e.uscc,
    name: e.name,
    legal_rep: e.legalRepName ?? '',
    legal_rep_id: e.legalRepIdNumber ?? '',
    division_code: e.uscc.slice(2, 8),
    checksum: e.isChecksumFlagged ? '待核实' : '通过',
    opened_on: day(e.openedAt),
  },
});
export const toLicenseRow = (l: LicenseRecord): SourceRow => ({
  key: l.licenseId,
  cells: {
    identifier: l.identifier,
    license_no: l.licenseNo,
    type_name: l.typeName,
    holder_name: l.holderName,
    holder_code_type: l.holderCodeType,
    holder_code: l.holderCode,
    issuer: l.departmentName,
    issuer_code: l.issuerCode,
    division_code: l.divisionCode,
    valid_from: l.validFrom,
    valid_to: l.validTo ?? '',
    issued_at: beijingTime(l.issuedAt),
    status: l.statusLabel,
  },
});
export const toDivisionRow = (d: DivisionRecord): SourceRow => ({
  key: d.code,
  cells: {
    code: d.code,
    name: d.name,
    level: LEVEL[d.level] ?? d.level,
    parent_code: d.parentCode ?? '',
    type: d.type,
    is_statistical_only: d.isStatisticalOnly ? '是' : '否',
  },
});

/** The current rows for these keys (a key missing from the answer is gone at the source). */
export async function readKeys(sources: BaseSources, kind: BaseKind, keys: string[]): Promise<SourceRow[]> {
  if (kind === 'population')
    return (await sources.populationRecords({ ids: keys, limit: keys.length })).map(toPopulationRow);
  if (kind === 'legal-person')
    return (await sources.legalPersonRecords({ ids: keys, limit: keys.length })).map(toLegalPersonRow);
  if (kind === 'license')
    return (await sources.licenseRecords({ ids: keys, limit: keys.length })).map(toLicenseRow);
  const wanted = new Set(keys);
  return (await readAll(sources, 'division')).filter((r) => wanted.has(r.key));
}

/** Every row of the source, read a page at a time (divisions: the tree walked from the top). */
export async function readAll(sources: BaseSources, kind: BaseKind): Promise<SourceRow[]> {
  if (kind === 'division') {
    const out: SourceRow[] = [];
    const walk = async (parent?: string) => {
      for (const d of await sources.listDivisions(parent)) {
        out.push(toDivisionRow(d));
        if (d.level !== 'township') await walk(d.code);
      }
    };
    await walk();
    return out;
  }
  const out: SourceRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: SourceRow[] =
      kind === 'population'
        ? (await sources.populationRecords({ after, limit: 500 })).map(toPopulationRow)
        : kind === 'legal-person'
          ? (await sources.legalPersonRecords({ after, limit: 500 })).map(toLegalPersonRow)
          : (await sources.licenseRecords({ after, limit: 500 })).map(toLicenseRow);
    out.push(...page);
    if (page.length < 500) return out;
    after = page[page.length - 1]?.key ?? null;
  }
}
