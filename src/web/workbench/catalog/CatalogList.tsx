// 事项管理 for a department admin: the department's published implementations in its division, each
// opening the editor or its version history.
import { Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { query } from '../../api.ts';
import { type ItemPage, type ItemSummary, LEVEL_LABEL, limitText } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useSession } from '../../session.tsx';

export default function CatalogList() {
  const { me } = useSession();
  const [filter, setFilter] = useState('');
  const department = me?.department?.id;
  const { data, error, isLoading } = useLoad<ItemPage>(
    department
      ? `/api/catalog/items${query({ department, division: me?.divisionCode, pageSize: 100 })}`
      : null,
  );
  const rows = (data?.items ?? []).filter(
    (i) => !filter || i.name.includes(filter) || i.code.includes(filter),
  );
  return (
    <PageCard title="事项管理">
      <p style={{ marginTop: 0 }}>
        {me?.department?.name ?? '未分配部门'}的实施清单。修改后提交政务服务管理机构审核，发布后对公众生效。
      </p>
      <ProblemAlert error={error} />
      <Input.Search
        allowClear
        aria-label="按名称或编码筛选"
        placeholder="按名称或编码筛选"
        style={{ maxWidth: 360, marginBottom: 12 }}
        onSearch={setFilter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <Table<ItemSummary>
        rowKey="implementationId"
        size="small"
        loading={isLoading}
        dataSource={rows}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '事项名称', dataIndex: 'name' },
          { title: '层级', width: 70, render: (_, i) => LEVEL_LABEL[i.level] },
          { title: '事项类型', width: 100, render: (_, i) => i.itemType.label },
          {
            title: '承诺时限',
            width: 130,
            render: (_, i) => limitText(i.promisedLimitDays, '工作日', i.isInstant),
          },
          {
            title: '操作',
            width: 150,
            render: (_, i) => (
              <Space>
                <Link to={`/workbench/catalog/${i.implementationId}`} data-testid={`edit-${i.name}`}>
                  编辑
                </Link>
                <Link to={`/workbench/catalog/${i.implementationId}/history`}>版本历史</Link>
              </Space>
            ),
          },
        ]}
      />
      {department ? null : <Button disabled>当前账号未分配部门</Button>}
    </PageCard>
  );
}
