// A list of resources (the department's own, the review queue): name with code, state, version, date.
import { Table } from 'antd';
import { Link } from 'react-router';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import {
  ATTRIBUTE_LABEL,
  type ResourceSummary,
  resourcePath,
  SHARE_LABEL,
  STATE_LABEL,
  STATE_TONE,
} from './sharing.ts';

export function ResourceTable({
  items,
  isLoading,
  empty,
  showDepartment = false,
}: {
  items: ResourceSummary[];
  isLoading: boolean;
  empty: string;
  showDepartment?: boolean;
}) {
  return (
    <Table<ResourceSummary>
      rowKey="id"
      size="small"
      loading={isLoading}
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyText>{empty}</EmptyText> }}
      columns={[
        {
          title: '资源',
          render: (_, r) => (
            <div style={{ minWidth: 0 }}>
              <Link to={resourcePath(r.id)} style={{ fontWeight: 600 }} data-testid={`resource-${r.name}`}>
                {r.name}
              </Link>
              <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
                {r.code ?? '发布时分配代码'} · {ATTRIBUTE_LABEL[r.attribute]} · {SHARE_LABEL[r.shareType]}
                {showDepartment ? ` · ${r.departmentName}` : ''}
              </div>
            </div>
          ),
        },
        {
          title: '状态',
          width: 120,
          render: (_, r) => (
            <>
              <StatusTag tone={STATE_TONE[r.state]}>{STATE_LABEL[r.state]}</StatusTag>
              <div style={{ fontSize: 13 }}>第 {r.version} 版</div>
            </>
          ),
        },
        { title: '发布日期', width: 110, responsive: ['md'], render: (_, r) => when(r.publishedAt, true) },
      ]}
    />
  );
}
