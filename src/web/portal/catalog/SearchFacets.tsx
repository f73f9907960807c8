// Search filters as facets: each value with its count; the chosen one is pressed and a second press
// clears it. On phones the facets fold into one "筛选" panel above the results.
import { Button, Collapse, Grid, Typography } from 'antd';
import { type SearchFacets as Facets, FILTERS } from './search-types.ts';

type Props = {
  facets: Facets;
  chosen: Record<string, string>;
  onChoose: (param: string, value: string) => void;
};

function FacetGroups({ facets, chosen, onChoose }: Props) {
  return (
    <>
      {FILTERS.map((f) => {
        const values = facets[f.facet] ?? [];
        if (values.length === 0) return null;
        return (
          <fieldset key={f.param} className="facet" data-testid={`facet-${f.param}`}>
            <legend>{f.title}</legend>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
              {values.map((v) => {
                const isOn = chosen[f.param] === v.value;
                return (
                  <Button
                    key={v.value}
                    size="small"
                    type={isOn ? 'primary' : 'default'}
                    aria-pressed={isOn}
                    onClick={() => onChoose(f.param, isOn ? '' : v.value)}
                  >
                    {v.label}（{v.count}）
                  </Button>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

export function SearchFacets(props: Props) {
  const screens = Grid.useBreakpoint();
  const active = Object.values(props.chosen).filter(Boolean).length;
  if (screens.md ?? true) {
    return (
      <aside aria-label="筛选条件">
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
          筛选
        </Typography.Title>
        <FacetGroups {...props} />
      </aside>
    );
  }
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      items={[
        {
          key: 'facets',
          label: active ? `筛选（已选 ${active} 项）` : '筛选',
          children: <FacetGroups {...props} />,
        },
      ]}
    />
  );
}
