// The mandates of one enterprise: a table on wide screens, a list of cards on phones; an active
// mandate can be revoked after a confirmation.
import { Button, Empty, Grid, Popconfirm, Table } from 'antd';
import type { MandateView } from '../../modules/identity/schema.ts';
import { StatusTag } from '../common/StatusTag.tsx';

const STATUS = {
  active: ['有效', 'success'],
  revoked: ['已撤销', 'neutral'],
  expired: ['已过期', 'warning'],
} as const;

const scopeText = (m: MandateView) =>
  m.scope === 'all' ? '全部事项' : `指定事项：${m.itemCodes.join('、')}`;
const status = (m: MandateView) => <StatusTag tone={STATUS[m.status][1]}>{STATUS[m.status][0]}</StatusTag>;

function Revoke({ mandate, onRevoke }: { mandate: MandateView; onRevoke: (id: string) => void }) {
  if (mandate.status !== 'active') return null;
  return (
    <Popconfirm
      title="确定撤销该授权？"
      okText="撤销"
      cancelText="取消"
      onConfirm={() => onRevoke(mandate.id)}
    >
      <Button size="small" danger data-testid={`revoke-${mandate.id}`}>
        撤销
      </Button>
    </Popconfirm>
  );
}

export function MandateList({ rows, onRevoke }: { rows: MandateView[]; onRevoke: (id: string) => void }) {
  const isWide = Grid.useBreakpoint().md ?? true;
  if (!isWide) {
    if (rows.length === 0) return <Empty description="尚未授权经办人" />;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="经办人授权列表">
        {rows.map((m) => (
          <li key={m.id} style={{ padding: '10px 0', borderBottom: '1px solid #eef0f3' }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <strong>{m.agentName}</strong>
              {status(m)}
              <span style={{ flex: 1 }} />
              <Revoke mandate={m} onRevoke={onRevoke} />
            </div>
            <div style={{ color: '#4a5363', fontSize: 13, marginTop: 4 }}>
              身份证号 {m.agentIdNumberMasked} · 有效期至 {m.validUntil}
            </div>
            <div style={{ color: '#4a5363', fontSize: 13 }}>{scopeText(m)}</div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<MandateView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '尚未授权经办人' }}
      columns={[
        { title: '经办人', dataIndex: 'agentName' },
        { title: '身份证号', dataIndex: 'agentIdNumberMasked' },
        { title: '授权范围', render: (_, m) => scopeText(m) },
        { title: '有效期至', dataIndex: 'validUntil' },
        { title: '状态', render: (_, m) => status(m) },
        { title: '操作', render: (_, m) => <Revoke mandate={m} onRevoke={onRevoke} /> },
      ]}
    />
  );
}
