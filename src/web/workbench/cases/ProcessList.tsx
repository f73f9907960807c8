// 审批流程 (/workbench/processes, department admin): the department's items, each opening its review
// process in the editor.
import { Input, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type EditorEntry, limitText } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';

export default function ProcessList() {
  const [filter, setFilter] = useState('');
  const { data, error, isLoading } = useLoad<{ items: EditorEntry[] }>('/api/admin/catalog/implementations');
  const rows = (data?.items ?? []).filter(
    (e) => !filter || e.name.includes(filter) || e.code.includes(filter),
  );
  return (
    <PageCard title="审批流程">
      <p style={{ marginTop: 0 }}>设置本部门事项受理后的审批环节：办理角色、会签人数、环节时限和适用条件。</p>
      <ProblemAlert error={error} />
      <Input.Search
        allowClear
        aria-label="按名称或编码筛选"
        placeholder="按名称或编码筛选"
        onSearch={(v) => setFilter(v.trim())}
        onChange={(e) => setFilter(e.target.value.trim())}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <Table<EditorEntry>
        rowKey="implementationId"
        loading={isLoading}
        dataSource={rows}
        scroll={{ x: 560 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>没有事项</EmptyText> }}
        columns={[
          { title: '事项', dataIndex: 'name' },
          { title: '承诺时限', render: (_, e) => limitText(e.promisedLimitDays, '工作日', e.isInstant) },
          {
            title: '操作',
            render: (_, e) => (
              <Link
                to={`/workbench/processes/${e.implementationId}`}
                data-testid={`process-${e.name}`}
                aria-label={`编辑流程：${e.name}`}
              >
                编辑流程
              </Link>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
