// Public reads of "one thing" bundles: the list for a division, and the bundle guide — each member
// resolved to the published implementation serving the division (its own, else the nearest level
// above: township → county → city), the merged materials and intake outline, and the totals.
import type { CatalogDeps } from '../deps.ts';
import { departmentNames } from '../use-cases/shared.ts';
import { divisionChain } from './admin.ts';
import { bundleErrors } from './errors.ts';
import { type MemberMaterials, mergeMaterials, outlineForm } from './merge.ts';
import type { BundleGuide, BundleListQuery, BundleSummary } from './schema.ts';
import * as store from './store.ts';

type MemberGuide = BundleGuide['members'][number];

const summary = (row: store.BundleRow, memberCount: number): BundleSummary => ({
  id: row.id,
  code: row.code,
  name: row.name,
  audience: row.audience,
  description: row.description,
  divisionCode: row.division_code,
  memberCount,
});

/** Published bundles offered in a division (scoped to it or to a division above it). */
export async function listPublic(deps: CatalogDeps, query: BundleListQuery) {
  const divisions = (await divisionChain(deps, query.division)).map((d) => d.code);
  if (divisions.length === 0) return { items: [] };
  const rows = await store.listBundles(deps.db, { state: 'published', audience: query.audience, divisions });
  return { items: rows.map((r) => summary(r, r.member_count)) };
}

/** 20 元 → 2000 fen; null when the text does not start with a plain amount of yuan. */
export function feeFen(amountText: string | null): number | null {
  const match = /^(\d+(?:\.\d{1,2})?)\s*元/.exec(amountText ?? '');
  return match?.[1] ? Math.round(Number(match[1]) * 100) : null;
}

function totals(members: MemberGuide[]) {
  const available = members.filter((m) => m.implementation !== null);
  const limits = available.map((m) => m.promisedLimitDays).filter((d): d is number => d !== null);
  const charged = available.filter((m) => m.fee?.isCharged);
  const amounts = charged.map((m) => feeFen(m.fee?.amountText ?? null));
  return {
    promisedLimitDays: limits.length > 0 ? Math.max(...limits) : null,
    visitsNeeded: Math.max(0, ...available.map((m) => m.visitsNeeded ?? 0)),
    fees: {
      totalFen: amounts.reduce<number>((sum, fen) => sum + (fen ?? 0), 0),
      isComplete: amounts.every((fen) => fen !== null),
      charged: charged.map((m) => ({
        itemId: m.itemId,
        name: m.name,
        amountText: m.fee?.amountText ?? null,
      })),
    },
  };
}

export async function getGuide(deps: CatalogDeps, id: string, division: string): Promise<BundleGuide> {
  const bundle = await store.getBundle(deps.db, id);
  if (bundle?.state !== 'published') throw bundleErrors.notFound(`“一件事” ${id} 不存在或未发布`);
  const chain = (await divisionChain(deps, division)).map((d) => d.code);
  if (!chain.includes(bundle.division_code)) {
    throw bundleErrors.notOffered(`“${bundle.name}”不在行政区划 ${division} 提供`);
  }
  const members = await store.listMembers(deps.db, id);
  const rows = await store.publishedImplementations(
    deps.db,
    members.map((m) => m.item_id),
    chain,
  );
  const nameOf = departmentNames(deps);
  const guides: MemberGuide[] = [];
  const materials: MemberMaterials[] = [];
  for (const m of members) {
    const nearest = rows
      .filter((r) => r.item_id === m.item_id)
      .sort((a, b) => chain.indexOf(a.division_code) - chain.indexOf(b.division_code))[0];
    const c = nearest?.content;
    const base = { itemId: m.item_id, name: m.item_name, position: m.position, isRequired: m.is_required };
    guides.push({
      ...base,
      note: m.note,
      implementation: nearest
        ? {
            id: nearest.implementation_id,
            versionId: nearest.version_id,
            divisionCode: nearest.division_code,
            level: nearest.level,
            department: { id: nearest.department_id, name: await nameOf(nearest.department_id) },
          }
        : null,
      promisedLimitDays: c?.promisedLimitDays ?? null,
      legalLimitDays: c?.legalLimitDays ?? null,
      visitsNeeded: c?.visitsNeeded ?? null,
      fee: c ? { isCharged: c.fee.isCharged, amountText: c.fee.amountText } : null,
    });
    if (c)
      materials.push({
        itemId: m.item_id,
        itemName: c.name,
        isRequired: m.is_required,
        materials: c.materials,
      });
  }
  return {
    ...summary(bundle, members.length),
    division,
    members: guides,
    ...totals(guides),
    materials: mergeMaterials(materials),
    formOutline: outlineForm(materials),
  };
}
