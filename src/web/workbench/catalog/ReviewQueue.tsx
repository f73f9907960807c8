// 事项审核 for the service office: submitted versions, oldest first, each opening the review page.
import { Table } from 'antd';
import { Link } from 'react-router';
import { LEVEL_LABEL, type QueueEntry, when } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';

export default function ReviewQueue() {
  const { data, error, isLoading } = useLoad<{ items: QueueEntry[] }>('/api/admin/catalog/review-queue');
  return (
    <PageCard title="事项审核">
      <p style={{ marginTop: 0 }}>各部门提交的事项修改，审核通过后发布生效；退回时请写明修改意见。</p>
      <ProblemAlert error={error} />
      <Table<QueueEntry>
        rowKey={(e) => e.version.id}
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: '暂无待审核的事项' }}
        columns={[
          {
            title: '事项名称',
            render: (_, e) => (
              <Link to={`/workbench/catalog/review/${e.version.id}`} data-testid={`review-${e.name}`}>
                {e.name}
              </Link>
            ),
          },
          { title: '部门', render: (_, e) => e.department.name },
          { title: '层级', width: 70, render: (_, e) => LEVEL_LABEL[e.level] },
          { title: '版本', width: 80, render: (_, e) => `第 ${e.version.versionNo} 版` },
          {
            title: '提交时间',
            render: (_, e) => when(e.version.submittedAt),
          },
        ]}
      />
    </PageCard>
  );
}
