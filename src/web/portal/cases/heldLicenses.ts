// The applicant's usable e-licenses, grouped by type, for 免提交 in the 在线申办 wizard: a material
// whose guide names a license type offers the held licenses of that type in place of files.

import type { LicenseView } from '../../../modules/licenses/schema.ts';
import { useLoad } from '../../common/useLoad.ts';

export type LicenseOption = { id: string; label: string };
export type HeldLicenses = { byType: Record<string, LicenseOption[]>; labelOf: (id: string) => string };

const labelOf = (l: LicenseView) =>
  `${l.typeName} ${l.licenseNo}（${l.departmentName}，${l.validTo ? `有效期至 ${l.validTo}` : '长期有效'}）`;

export function useHeldLicenses(): HeldLicenses {
  const { data } = useLoad<{ items: LicenseView[] }>('/api/licenses/mine');
  const usable = (data?.items ?? []).filter((l) => l.isUsable);
  const byType: Record<string, LicenseOption[]> = {};
  for (const l of usable) {
    byType[l.typeName] = [...(byType[l.typeName] ?? []), { id: l.id, label: labelOf(l) }];
  }
  const labels = new Map((data?.items ?? []).map((l) => [l.id, labelOf(l)]));
  return { byType, labelOf: (id) => labels.get(id) ?? '已选用的电子证照' };
}
