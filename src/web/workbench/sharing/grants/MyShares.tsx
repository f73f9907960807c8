// 我的申请与授权 (/workbench/sharing/my-shares): what this department asked for and the grants it holds
// (fields, masking, quota, expiry).
import { Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router';
import { EmptyText } from '../../../common/EmptyText.tsx';
import { PageCard } from '../../../common/PageCard.tsx';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { StatusTag } from '../../../common/StatusTag.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { useTitle } from '../../../common/useTitle.ts';
import { day, GRANT_STATE, type Grant, REQUEST_STATE, type ShareRequest } from './grants.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

const resourceLink = (id: string, name: string) => (
  <Link to={`/workbench/sharing/resources/${id}`}>{name}</Link>
);

export function GrantTable({
  items,
  isLoading,
  extra,
}: {
  items: Grant[];
  isLoading: boolean;
  extra?: object;
}) {
  return (
    <ScrollRegion label="授权列表">
      <Table<Grant>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={items}
        style={{ minWidth: 720 }}
        pagination={false}
        locale={{ emptyText: <EmptyText>暂无授权</EmptyText> }}
        data-testid="grants"
        columns={[
          { title: '资源', render: (_, g) => resourceLink(g.resourceId, g.resourceName) },
          { title: '使用部门', dataIndex: 'consumerDepartmentName' },
          { title: '授权信息项', render: (_, g) => g.fields.join('、') },
          {
            title: '脱敏',
            render: (_, g) => (g.unmasked.length > 0 ? `明文：${g.unmasked.join('、')}` : '敏感项全部脱敏'),
          },
          {
            title: '行过滤',
            render: (_, g) =>
              g.rowFilter.length > 0
                ? g.rowFilter.map((f) => `${f.key}∈{${f.values.join(',')}}`).join('；')
                : '—',
          },
          { title: '每日配额', render: (_, g) => g.dailyQuota ?? '不限' },
          { title: '有效期至', render: (_, g) => day(g.expiresAt) },
          {
            title: '状态',
            render: (_, g) => (
              <StatusTag tone={GRANT_STATE[g.state].tone}>{GRANT_STATE[g.state].label}</StatusTag>
            ),
          },
          ...(extra ? [extra] : []),
        ]}
      />
    </ScrollRegion>
  );
}

export function RequestTable({
  items,
  isLoading,
  extra,
}: {
  items: ShareRequest[];
  isLoading: boolean;
  extra?: object;
}) {
  return (
    <ScrollRegion label="申请列表">
      <Table<ShareRequest>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={items}
        style={{ minWidth: 720 }}
        pagination={false}
        locale={{ emptyText: <EmptyText>暂无申请</EmptyText> }}
        data-testid="requests"
        columns={[
          { title: '资源', render: (_, q) => resourceLink(q.resourceId, q.resourceName) },
          { title: '申请部门', dataIndex: 'consumerDepartmentName' },
          { title: '用途', dataIndex: 'purpose' },
          { title: '信息项', render: (_, q) => q.fields.join('、') },
          { title: '期限', render: (_, q) => `${q.periodFrom} 至 ${q.periodTo}` },
          {
            title: '状态',
            render: (_, q) => (
              <>
                <StatusTag tone={REQUEST_STATE[q.state].tone}>{REQUEST_STATE[q.state].label}</StatusTag>
                {q.rejectReason ? <Tag>{q.rejectReason}</Tag> : null}
              </>
            ),
          },
          ...(extra ? [extra] : []),
        ]}
      />
    </ScrollRegion>
  );
}

export default function MyShares() {
  useTitle('我的申请与授权');
  const requests = useLoad<{ items: ShareRequest[] }>('/api/sharing/requests?side=mine');
  const grants = useLoad<{ items: Grant[] }>('/api/sharing/grants?side=mine');
  return (
    <PageCard title="我的申请与授权">
      <p style={{ marginTop: 0 }}>
        本部门提出的共享申请和获得的授权。请在资源详情页「申请共享」；接入系统凭授权调用共享接口。
      </p>
      <ProblemAlert error={requests.error ?? grants.error} />
      <Tabs
        items={[
          {
            key: 'grants',
            label: '我的授权',
            children: <GrantTable items={grants.data?.items ?? []} isLoading={grants.isLoading} />,
          },
          {
            key: 'requests',
            label: '我的申请',
            children: <RequestTable items={requests.data?.items ?? []} isLoading={requests.isLoading} />,
          },
        ]}
      />
    </PageCard>
  );
}
