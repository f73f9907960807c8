// 证照目录 (/workbench/license-types), for the service office: every license type with its code, issuing
// department kind, holder kinds, validity, printed fields and whether it is in use; a switch turns a type
// on or off and 编辑 opens TypeEditor.
import { Button, Flex, Grid, Input, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { HOLDER_KIND_LABELS } from '../../../modules/licenses/schema.ts';
import { patch } from '../../api.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import type { LicenseTypeView } from '../../common/licenses.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { TypeEditor } from './TypeEditor.tsx';

const validity = (t: LicenseTypeView) => (t.validityYears ? `${t.validityYears} 年` : '长期/另定');

export default function LicenseTypes() {
  useTitle('证照目录');
  const screens = Grid.useBreakpoint();
  const { data, error, isLoading, reload } = useLoad<{ items: LicenseTypeView[] }>('/api/licenses/types');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<LicenseTypeView | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const items = useMemo(() => {
    const all = data?.items ?? [];
    const needle = q.trim();
    return needle
      ? all.filter(
          (t) => t.name.includes(needle) || t.typeCode.includes(needle) || t.issuerKind.includes(needle),
        )
      : all;
  }, [data, q]);

  async function toggle(type: LicenseTypeView, isActive: boolean) {
    setSwitching(type.id);
    setActionError(null);
    try {
      await patch<LicenseTypeView>(`/api/licenses/types/${type.id}`, { isActive });
      await reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setSwitching(null);
    }
  }

  return (
    <PageCard title="证照目录">
      <p style={{ marginTop: 0 }} data-testid="type-count">
        本市签发的电子证照类型（共 {data?.items.length ?? 0} 类）：有效期、印制字段和启用状态。
      </p>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label="按证照名称、类型代码或发证部门筛选"
          placeholder="证照名称、类型代码或发证部门"
          onChange={(e) => setQ(e.target.value)}
          onSearch={setQ}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <ProblemAlert error={error ?? actionError} />
      <Table<LicenseTypeView>
        rowKey="id"
        loading={isLoading}
        dataSource={items}
        // on a phone the table fits the screen (long type codes wrap) instead of scrolling sideways
        scroll={screens.sm ? { x: 'max-content' } : undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <EmptyText>暂无证照类型</EmptyText> }}
        columns={[
          {
            title: '证照名称',
            render: (_, t) => (
              <div style={{ minWidth: 120, maxWidth: 220 }}>
                <div style={{ fontWeight: 600 }}>{t.name}</div>
                {/* on a phone the validity column is hidden: shown here instead */}
                {screens.sm ? null : <div style={{ fontSize: 12 }}>有效期：{validity(t)}</div>}
                <div
                  style={{
                    color: 'rgba(0, 0, 0, 0.65)',
                    fontSize: 12,
                    fontFamily: 'monospace',
                    wordBreak: 'break-all',
                  }}
                >
                  {t.typeCode}
                </div>
              </div>
            ),
          },
          { title: '发证部门', dataIndex: 'issuerKind', responsive: ['sm'] },
          {
            title: '持证主体',
            responsive: ['sm'],
            render: (_, t) => t.holderKinds.map((k) => HOLDER_KIND_LABELS[k]).join('、'),
          },
          {
            title: '有效期',
            responsive: ['sm'],
            onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, t) => validity(t),
          },
          {
            title: '印制字段',
            // on a phone the edit dialog shows them
            responsive: ['md'],
            render: (_, t) => (
              <Flex gap={4} wrap style={{ maxWidth: 360 }}>
                {t.fields.map((f) => (
                  <Tag key={f} style={{ marginInlineEnd: 0, color: '#434343' }}>
                    {f}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: '启用 / 操作',
            render: (_, t) => (
              <Flex gap={8} wrap align="center">
                <Switch
                  checked={t.isActive}
                  loading={switching === t.id}
                  aria-label={`启用${t.name}`}
                  onChange={(v) => void toggle(t, v)}
                />
                <Button size="small" onClick={() => setEditing(t)} aria-label={`编辑${t.name}`}>
                  编辑
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {editing ? (
        <TypeEditor
          type={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void reload();
          }}
        />
      ) : null}
    </PageCard>
  );
}
