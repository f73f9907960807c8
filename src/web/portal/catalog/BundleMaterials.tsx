// The merged material list of a bundle guide: each material once, with the member items that need it
// (in their own words when they name it differently). A table on wide screens, cards on phones.
import { Grid, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import type { MergedMaterial } from '../../common/catalog.ts';
import { StatusTag } from '../../common/StatusTag.tsx';
import { MaterialFacts } from './Materials.tsx';

function Required({ m }: { m: MergedMaterial }) {
  return m.isRequired ? (
    <StatusTag tone="danger">必要</StatusTag>
  ) : (
    <StatusTag tone="neutral">按需提交</StatusTag>
  );
}

function NeededBy({ m }: { m: MergedMaterial }) {
  return (
    <ul className="needed-by">
      {m.neededBy.map((n) => (
        <li key={`${n.itemId}-${n.materialName}`}>
          {n.itemName}
          {n.materialName !== m.name ? <span className="needed-as">（称“{n.materialName}”）</span> : null}
        </li>
      ))}
    </ul>
  );
}

function MaterialCards({ materials }: { materials: MergedMaterial[] }) {
  return (
    <ol className="merged-cards">
      {materials.map((m, i) => (
        <li key={m.name} data-testid="merged-material">
          <div style={{ fontWeight: 600, marginBottom: 6 }}>
            {i + 1}. <span className="material-name">{m.name}</span> <Required m={m} />
          </div>
          <dl className="kv">
            <MaterialFacts m={m} />
            <dt>需要的事项</dt>
            <dd>
              <NeededBy m={m} />
            </dd>
            {m.notes.length > 0 ? (
              <>
                <dt>填报说明</dt>
                <dd>{m.notes.join('；')}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}

export function BundleMaterials({ materials }: { materials: MergedMaterial[] }) {
  const screens = Grid.useBreakpoint();
  if (materials.length === 0) return <p>无需提交材料。</p>;
  if (!(screens.md ?? true)) return <MaterialCards materials={materials} />;
  return (
    <Table<MergedMaterial>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={materials}
      onRow={() => ({ 'data-testid': 'merged-material' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: '序号', width: 56, render: (_, __, i) => i + 1 },
        {
          title: '材料名称',
          render: (_, m) => (
            <>
              <div className="material-name">{m.name}</div>
              {m.notes.length > 0 ? <div className="material-note">{m.notes.join('；')}</div> : null}
            </>
          ),
        },
        { title: '形式', width: 100, render: (_, m) => `${m.form} · ${m.copies} 份` },
        { title: '来源渠道', dataIndex: 'source', width: 110 },
        { title: '必要性', width: 96, render: (_, m) => <Required m={m} /> },
        { title: '需要此材料的事项', width: 260, render: (_, m) => <NeededBy m={m} /> },
        { title: '电子证照免提交', width: 130, render: (_, m) => m.licenseType ?? '—' },
      ]}
    />
  );
}
