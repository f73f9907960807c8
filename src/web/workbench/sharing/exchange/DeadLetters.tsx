// 投递失败 (/workbench/sharing/dead-letters): the data bureau's overview of every dead letter across
// departments, with replay.
import { message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { post } from '../../../api.ts';
import { PageCard } from '../../../common/PageCard.tsx';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { useTitle } from '../../../common/useTitle.ts';
import { DeliveryTable } from './DeliveryTable.tsx';
import { type DeadLetter, subscriptionPath } from './exchange.ts';

export default function DeadLetters() {
  useTitle('投递失败的通知');
  const { data, error, isLoading, reload } = useLoad<{ items: DeadLetter[] }>('/api/sharing/dead-letters');
  const [notice, holder] = message.useMessage();
  const [actionError, setActionError] = useState<unknown>(null);
  async function replay(d: DeadLetter) {
    setActionError(null);
    try {
      await post(`/api/sharing/subscriptions/${d.subscriptionId}/deliveries/${d.id}/replay`);
      void notice.success('已重新排队');
      void reload();
    } catch (e) {
      setActionError(e);
    }
  }
  return (
    <PageCard title="投递失败的通知">
      {holder}
      <p style={{ marginTop: 0 }}>各部门订阅中多次重试仍未送达的变更通知。接收系统修复后可重放。</p>
      <ProblemAlert error={error ?? actionError} />
      <DeliveryTable<DeadLetter>
        items={data?.items ?? []}
        isLoading={isLoading}
        onReplay={replay}
        extraColumn={{
          title: '订阅',
          render: (d) => (
            <>
              <Link to={subscriptionPath(d.subscriptionId)}>{d.resourceName}</Link>
              <div style={{ fontSize: 12 }}>{d.departmentName}</div>
              <div style={{ fontSize: 12, wordBreak: 'break-all' }}>{d.url}</div>
            </>
          ),
        }}
      />
    </PageCard>
  );
}
