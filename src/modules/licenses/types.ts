// 证照目录: the license types a department can issue, seeded from seed/license-types.json. The
// 证照类型代码 (GB/T 36904) is the defining body's USCC + a 3-digit sequence; in the demo the defining
// body is the city department of the issuing kind (real types carry the ministry's code).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { v7 } from 'uuid';
import type { RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import type { LicensesDeps } from './deps.ts';
import { licensesErrors } from './errors.ts';
import type { LicenseTypeUpdate, LicenseTypeView } from './schema.ts';
import * as store from './store.ts';

type SeedType = {
  name: string;
  issuer: string;
  holderTypes: string[];
  validityYears: number | null;
  fields: string[];
  notes?: string;
};

const HOLDER_KINDS: Record<string, 'citizen' | 'enterprise'> = { 自然人: 'citizen', 法人: 'enterprise' };

export function seedTypes(): SeedType[] {
  return JSON.parse(readFileSync(new URL('../../../seed/license-types.json', import.meta.url), 'utf8'));
}

/** 编号 JY + 14 位数字 in the type's notes → the human number's prefix and digit count. */
export function numberPattern(notes: string | undefined): { prefix: string; digits: number } | null {
  const m = /编号\s*([A-Z]{1,4})\s*\+\s*(\d+)\s*位/.exec(notes ?? '');
  return m?.[1] && m[2] ? { prefix: m[1], digits: Number(m[2]) } : null;
}

/** The department kind that issues a type: 公安局（交通管理） is issued by the 公安局. */
export const issuerKindOf = (issuer: string) => issuer.replace(/（.*）$/, '');

function seedTypeId(name: string): string {
  const random = createHash('sha256').update(`yiwang:licenses:type:${name}`).digest().subarray(0, 16);
  return v7({ msecs: Date.UTC(2026, 0, 1), random: new Uint8Array(random) });
}

/** Seeds the 60 types once; idempotent. Returns how many were added. */
export async function seedLicenseTypes(deps: LicensesDeps, cityCode = '411500'): Promise<number> {
  const existing = await store.listTypes(deps.db);
  if (existing.length > 0) return 0;
  const fallback = (await deps.org.listDepartments(cityCode))[0];
  if (!fallback) return 0;
  const rows: store.LicenseTypeRow[] = [];
  const now = deps.clock.now();
  for (const [i, t] of seedTypes().entries()) {
    const definer = (await deps.org.findDepartment(cityCode, issuerKindOf(t.issuer))) ?? fallback;
    const pattern = numberPattern(t.notes);
    rows.push({
      id: seedTypeId(t.name),
      seq: i + 1,
      type_code: `${definer.uscc}${String(i + 1).padStart(3, '0')}`,
      name: t.name,
      issuer_kind: issuerKindOf(t.issuer),
      holder_kinds: t.holderTypes.map((h) => HOLDER_KINDS[h] ?? 'citizen'),
      validity_years: t.validityYears,
      fields: t.fields,
      number_prefix: pattern?.prefix ?? null,
      number_digits: pattern?.digits ?? null,
      notes: t.notes ?? '',
      is_active: true,
      updated_at: now,
    });
  }
  return deps.db.transaction().execute((tx) => store.insertTypes(tx, rows));
}

export function toTypeView(t: store.LicenseTypeRow): LicenseTypeView {
  return {
    id: t.id,
    typeCode: t.type_code,
    name: t.name,
    issuerKind: t.issuer_kind,
    holderKinds: t.holder_kinds as LicenseTypeView['holderKinds'],
    validityYears: t.validity_years,
    fields: t.fields,
    numberFormat: t.number_prefix ? `${t.number_prefix} + ${t.number_digits} 位数字` : null,
    notes: t.notes,
    isActive: t.is_active,
    updatedAt: t.updated_at.toISOString(),
  };
}

export async function listTypes(deps: LicensesDeps): Promise<LicenseTypeView[]> {
  return (await store.listTypes(deps.db)).map(toTypeView);
}

/** The service office edits a type's validity, printed fields or availability; audited. */
export async function updateType(
  deps: LicensesDeps,
  ctx: RequestContext,
  id: string,
  input: LicenseTypeUpdate,
): Promise<LicenseTypeView> {
  if (!ctx.actor?.roles.includes('office_admin')) throw errors.forbidden();
  return deps.db.transaction().execute(async (tx) => {
    const before = await store.getType(tx, id);
    if (!before) throw licensesErrors.typeNotFound();
    const patch = {
      validity_years: input.validityYears === undefined ? before.validity_years : input.validityYears,
      fields: input.fields ?? before.fields,
      is_active: input.isActive ?? before.is_active,
      notes: input.notes ?? before.notes,
      updated_at: deps.clock.now(),
    };
    await store.updateType(tx, id, patch);
    await deps.audit.record(tx, ctx, {
      action: 'license-type.update',
      subjectType: 'license-type',
      subjectId: id,
      summary: { name: before.name, ...input },
    });
    return toTypeView({ ...before, ...patch });
  });
}
