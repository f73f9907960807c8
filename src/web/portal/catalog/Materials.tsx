// The material list of a guide: a table on wide screens and in print, one card per material on phones.
import { Grid, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Material } from '../../common/catalog.ts';
import { StatusTag } from '../../common/StatusTag.tsx';

function Required({ m }: { m: Material }) {
  return m.isRequired ? (
    <StatusTag tone="danger">必要</StatusTag>
  ) : (
    <StatusTag tone="neutral">非必要</StatusTag>
  );
}

function Links({ m }: { m: Material }) {
  if (!m.blankFormUrl && !m.sampleUrl) return <span>无</span>;
  return (
    <span style={{ display: 'inline-flex', gap: 12, flexWrap: 'wrap' }}>
      {m.blankFormUrl ? (
        <a href={m.blankFormUrl} target="_blank" rel="noopener noreferrer">
          空白表格
        </a>
      ) : null}
      {m.sampleUrl ? (
        <a href={m.sampleUrl} target="_blank" rel="noopener noreferrer">
          示例样表
        </a>
      ) : null}
    </span>
  );
}

/** Form and copies, source and the e-license that replaces it: the kv lines every material card has. */
export function MaterialFacts({ m }: { m: Pick<Material, 'form' | 'copies' | 'source' | 'licenseType'> }) {
  return (
    <>
      <dt>材料形式</dt>
      <dd>
        {m.form} · {m.copies} 份
      </dd>
      <dt>来源渠道</dt>
      <dd>{m.source}</dd>
      <dt>电子证照</dt>
      <dd>{m.licenseType ? `可用电子证照“${m.licenseType}”免提交` : '—'}</dd>
    </>
  );
}

function MaterialCards({ materials }: { materials: Material[] }) {
  return (
    <ol
      className="material-cards"
      style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 10 }}
    >
      {materials.map((m, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: a material is its position in the list
          key={`${i}-${m.name}`}
          data-testid="material"
          style={{ border: '1px solid #e3e8ef', borderRadius: 8, padding: '10px 12px', background: '#fff' }}
        >
          <div style={{ fontWeight: 600, marginBottom: 6 }}>
            {i + 1}. {m.name} <Required m={m} />
          </div>
          <dl className="kv">
            <MaterialFacts m={m} />
            <dt>表格样表</dt>
            <dd>
              <Links m={m} />
            </dd>
            {m.note ? (
              <>
                <dt>填报说明</dt>
                <dd>{m.note}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}

export function Materials({ materials }: { materials: Material[] }) {
  const screens = Grid.useBreakpoint();
  if (materials.length === 0) return <p>无需提交材料。</p>;
  if (!(screens.md ?? true)) return <MaterialCards materials={materials} />;
  return (
    <Table<Material>
      rowKey={(m) => m.name}
      size="small"
      pagination={false}
      dataSource={materials}
      onRow={() => ({ 'data-testid': 'material' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: '序号', width: 56, render: (_, __, i) => i + 1 },
        {
          title: '材料名称',
          render: (_, m) => (
            <>
              <div>{m.name}</div>
              {m.note ? <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>{m.note}</div> : null}
            </>
          ),
        },
        { title: '形式', dataIndex: 'form', width: 72 },
        { title: '份数', dataIndex: 'copies', width: 56 },
        { title: '来源渠道', dataIndex: 'source', width: 130 },
        { title: '必要性', width: 80, render: (_, m) => <Required m={m} /> },
        { title: '空白表格 / 样表', width: 140, render: (_, m) => <Links m={m} /> },
        { title: '电子证照免提交', width: 150, render: (_, m) => m.licenseType ?? '—' },
      ]}
    />
  );
}
