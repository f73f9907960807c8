// 订阅方 on a resource's page for its provider and 数据局: which departments receive its change notices,
// and how their deliveries stand (delivered, pending, failed).
import { Table, Typography } from 'antd';
import type { z } from 'zod';
import type { SubscriberList } from '../../../../modules/sharing/schema.ts';
import { when } from '../../../common/catalog.ts';
import { EmptyText } from '../../../common/EmptyText.tsx';
import { StatusTag } from '../../../common/StatusTag.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { MODE_LABEL, STATUS_LABEL, STATUS_TONE } from './exchange.ts';

type Subscriber = z.infer<typeof SubscriberList>['items'][number];

export function Subscribers({ resourceId }: { resourceId: string }) {
  const { data, isLoading } = useLoad<{ items: Subscriber[] }>(
    `/api/sharing/resources/${resourceId}/subscribers`,
  );
  return (
    <div style={{ marginTop: 20 }} data-testid="subscribers">
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        订阅方（{data?.items.length ?? 0}）
      </Typography.Title>
      <Table<Subscriber>
        rowKey={(s) => `${s.departmentName}-${s.createdAt}-${s.mode}`}
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>暂无部门订阅</EmptyText> }}
        columns={[
          {
            title: '部门',
            render: (_, s) => (
              <>
                <div>{s.departmentName}</div>
                <div style={{ fontSize: 13 }}>
                  {MODE_LABEL[s.mode]} · {when(s.createdAt, true)}
                </div>
              </>
            ),
          },
          {
            title: '投递状态',
            width: 150,
            render: (_, s) => (
              <>
                <StatusTag tone={STATUS_TONE[s.status]}>{STATUS_LABEL[s.status]}</StatusTag>
                <div style={{ fontSize: 13 }} data-testid="subscriber-deliveries">
                  已送达 {s.counts.delivered} · 待投递 {s.counts.pending}
                  {s.counts.dead ? ` · 失败 ${s.counts.dead}` : ''}
                </div>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
