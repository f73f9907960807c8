// 我的订阅 (/workbench/sharing/subscriptions): the department's subscriptions to change notices, with
// their status and delivery counts. New ones are made from a published resource's page.
import { Table } from 'antd';
import { Link } from 'react-router';
import { EmptyText } from '../../../common/EmptyText.tsx';
import { PageCard } from '../../../common/PageCard.tsx';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { StatusTag } from '../../../common/StatusTag.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { useTitle } from '../../../common/useTitle.ts';
import {
  MODE_LABEL,
  STATUS_LABEL,
  STATUS_TONE,
  type Subscription,
  type SubscriptionPage,
  subscriptionPath,
} from './exchange.ts';

export default function Subscriptions() {
  useTitle('资源订阅');
  const { data, error, isLoading } = useLoad<SubscriptionPage>('/api/sharing/subscriptions');
  return (
    <PageCard title="资源订阅">
      <p style={{ marginTop: 0 }}>
        本部门订阅的信息资源变更通知。在<Link to="/workbench/sharing">数据共享目录</Link>
        中打开已发布的资源即可订阅。
      </p>
      <ProblemAlert error={error} />
      <Table<Subscription>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>还没有订阅</EmptyText> }}
        columns={[
          {
            title: '资源',
            render: (_, s) => (
              <>
                <Link
                  to={subscriptionPath(s.id)}
                  style={{ fontWeight: 600 }}
                  data-testid={`subscription-${s.resourceName}`}
                >
                  {s.resourceName}
                </Link>
                <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)', wordBreak: 'break-all' }}>
                  {s.resourceCode} · {MODE_LABEL[s.mode]}
                  {s.url ? ` · ${s.url}` : ''}
                </div>
              </>
            ),
          },
          {
            title: '状态',
            width: 130,
            render: (_, s) => (
              <>
                <StatusTag tone={STATUS_TONE[s.status]}>{STATUS_LABEL[s.status]}</StatusTag>
                {s.mode === 'webhook' ? (
                  <div style={{ fontSize: 13 }}>
                    送达 {s.counts.delivered} · 待投 {s.counts.pending}
                    {s.counts.dead ? <strong> · 失败 {s.counts.dead}</strong> : null}
                  </div>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
