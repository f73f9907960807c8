// Region switch (切换地区): the city, each county and the townships of the chosen county that implement
// this item. Choosing one opens that region's implementation of the same item.
import { Select } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { GuideView, Region, Regions } from '../../common/catalog.ts';
import { guidePath } from '../../common/catalog.ts';
import { useLoad } from '../../common/useLoad.ts';

type Division = { code: string; name: string };
type DivisionList = { items: Division[] };

const CITY = '411500';

export function RegionSwitch({ guide }: { guide: GuideView }) {
  const navigate = useNavigate();
  const regions = useLoad<Regions>(`/api/catalog/items/${guide.itemId}/regions`);
  const cityCode = regions.data?.items.find((r) => r.level === 'city')?.divisionCode ?? CITY;
  const counties = useLoad<DivisionList>(`/api/org/divisions?parent=${cityCode}`);
  const county = guide.level === 'city' ? null : guide.divisionCode.slice(0, 6);
  const townships = useLoad<DivisionList>(county ? `/api/org/divisions?parent=${county}` : null);

  const byCode = useMemo(() => {
    const map = new Map<string, Region>();
    for (const r of regions.data?.items ?? []) map.set(r.divisionCode, r);
    return map;
  }, [regions.data]);
  const nameOf = (list: DivisionList | null, code: string) =>
    list?.items.find((d) => d.code === code)?.name ?? code;

  const items = regions.data?.items ?? [];
  if (items.length <= 1) return null;
  const countyOptions = [
    ...items.filter((r) => r.level === 'city').map((r) => ({ value: r.divisionCode, label: '全市（市级）' })),
    ...items
      .filter((r) => r.level === 'county')
      .map((r) => ({ value: r.divisionCode, label: nameOf(counties.data, r.divisionCode) })),
  ];
  const townshipOptions = items
    .filter((r) => r.level === 'township' && county && r.divisionCode.startsWith(county))
    .map((r) => ({ value: r.divisionCode, label: nameOf(townships.data, r.divisionCode) }));

  const go = (code: string) => {
    const target = byCode.get(code);
    if (target && target.implementationId !== guide.implementationId)
      navigate(guidePath(target.implementationId));
  };
  return (
    <div className="no-print">
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <span aria-hidden="true">办理地区</span>
        <Select
          aria-label="办理地区（市、区县）"
          data-testid="region-county"
          style={{ minWidth: 150 }}
          value={county ?? guide.divisionCode}
          options={countyOptions}
          onChange={go}
          showSearch={{ optionFilterProp: 'label' }}
        />
        {townshipOptions.length > 0 ? (
          <Select
            aria-label="乡镇（街道）"
            data-testid="region-township"
            style={{ minWidth: 150 }}
            placeholder="选择乡镇（街道）"
            value={guide.level === 'township' ? guide.divisionCode : undefined}
            options={townshipOptions}
            onChange={go}
            showSearch={{ optionFilterProp: 'label' }}
          />
        ) : null}
      </div>
    </div>
  );
}
