// 订阅详情 (/workbench/sharing/subscriptions/:id): the subscription, its verification key, pause / resume
// / delete, the delivery history with each attempt, and dead letters to replay (one or all).
import { Button, Descriptions, Flex, Grid, Modal, message, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { del, post, query } from '../../../api.ts';
import { when } from '../../../common/catalog.ts';
import { PageCard } from '../../../common/PageCard.tsx';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { StatusTag } from '../../../common/StatusTag.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { useTitle } from '../../../common/useTitle.ts';
import { useSession } from '../../../session.tsx';
import { DeliveryTable } from './DeliveryTable.tsx';
import {
  type DeliveryPage,
  MODE_LABEL,
  SIGNING_LABEL,
  STATUS_LABEL,
  STATUS_TONE,
  type Subscription,
} from './exchange.ts';

type Filter = 'all' | 'dead' | 'pending' | 'delivered';

export default function SubscriptionDetail() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const isWide = Grid.useBreakpoint().md ?? true;
  const base = `/api/sharing/subscriptions/${id}`;
  const { data: s, error, reload } = useLoad<Subscription>(base);
  const [filter, setFilter] = useState<Filter>('all');
  const deliveries = useLoad<DeliveryPage>(
    `${base}/deliveries${query({ status: filter === 'all' ? undefined : filter })}`,
  );
  useTitle(s ? `订阅：${s.resourceName}` : '订阅');
  const [notice, holder] = message.useMessage();
  const [actionError, setActionError] = useState<unknown>(null);
  const isOwner = !!me?.roles.includes('data_officer');

  async function act(run: () => Promise<unknown>, done: string) {
    setActionError(null);
    try {
      await run();
      void notice.success(done);
      void reload();
      void deliveries.reload();
    } catch (e) {
      setActionError(e);
    }
  }

  if (!s) return <PageCard title="订阅">{error ? <ProblemAlert error={error} /> : '加载中…'}</PageCard>;
  return (
    <PageCard
      title={`订阅：${s.resourceName}`}
      extra={
        isOwner ? (
          <Flex gap={8} wrap>
            {s.status === 'active' ? (
              <Button onClick={() => act(() => post(`${base}/pause`), '已暂停')} data-testid="pause">
                暂停
              </Button>
            ) : (
              <Button onClick={() => act(() => post(`${base}/resume`), '已恢复')} data-testid="resume">
                恢复
              </Button>
            )}
            <Button
              danger
              onClick={() =>
                Modal.confirm({
                  title: '删除订阅？',
                  content: '未投递的通知将作废。',
                  okText: '删除',
                  cancelText: '取消',
                  okButtonProps: { danger: true },
                  onOk: () =>
                    act(async () => {
                      await del(base);
                      navigate('/workbench/sharing/subscriptions');
                    }, '已删除'),
                })
              }
            >
              删除
            </Button>
          </Flex>
        ) : null
      }
    >
      {holder}
      <ProblemAlert error={actionError} />
      <Descriptions
        size="small"
        bordered
        layout={isWide ? 'horizontal' : 'vertical'}
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'code', label: '资源代码', children: s.resourceCode },
          { key: 'dept', label: '订阅部门', children: s.departmentName },
          { key: 'mode', label: '接收方式', children: MODE_LABEL[s.mode] },
          {
            key: 'status',
            label: '状态',
            children: <StatusTag tone={STATUS_TONE[s.status]}>{STATUS_LABEL[s.status]}</StatusTag>,
          },
          ...(s.url
            ? [
                {
                  key: 'url',
                  label: '回调地址',
                  span: 2,
                  children: <span style={{ wordBreak: 'break-all' }}>{s.url}</span>,
                },
                { key: 'signing', label: '签名方式', children: s.signing ? SIGNING_LABEL[s.signing] : '—' },
              ]
            : [{ key: 'pull', label: '拉取地址', span: 2, children: `GET ${base}/changes?after=<游标>` }]),
          { key: 'created', label: '订阅时间', children: `${when(s.createdAt)}（${s.createdByName}）` },
          ...(s.publicKey
            ? [
                {
                  key: 'key',
                  label: '验签公钥',
                  span: 2,
                  children: (
                    <Typography.Paragraph
                      code
                      copyable
                      style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}
                    >
                      {s.publicKey}
                    </Typography.Paragraph>
                  ),
                },
              ]
            : []),
        ]}
      />
      {s.mode === 'webhook' ? (
        <>
          <Flex gap={8} wrap align="center" justify="space-between" style={{ margin: '20px 0 8px' }}>
            <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
              投递记录
            </Typography.Title>
            <Flex gap={8} wrap>
              <Segmented<Filter>
                value={filter}
                onChange={setFilter}
                options={[
                  { value: 'all', label: '全部' },
                  { value: 'dead', label: `失败 ${s.counts.dead}` },
                  { value: 'pending', label: '待投' },
                  { value: 'delivered', label: '已送达' },
                ]}
              />
              {s.counts.dead > 0 ? (
                <Button
                  type="primary"
                  onClick={() => act(() => post(`${base}/replay-dead`), '已重新排队')}
                  data-testid="replay-dead"
                >
                  全部重放
                </Button>
              ) : null}
            </Flex>
          </Flex>
          <ProblemAlert error={deliveries.error} />
          <DeliveryTable
            items={deliveries.data?.items ?? []}
            isLoading={deliveries.isLoading}
            onReplay={(d) => act(() => post(`${base}/deliveries/${d.id}/replay`), '已重新排队')}
          />
        </>
      ) : null}
    </PageCard>
  );
}
