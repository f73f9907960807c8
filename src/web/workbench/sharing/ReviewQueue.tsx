// 目录审核 (/workbench/sharing/review): 数据局 sees the submitted resources, oldest first.
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { ResourceTable } from './ResourceTable.tsx';
import type { ResourcePage } from './sharing.ts';

export default function ReviewQueue() {
  useTitle('目录审核');
  const { data, error, isLoading } = useLoad<ResourcePage>('/api/sharing/review-queue');
  return (
    <PageCard title="目录审核">
      <p style={{ marginTop: 0 }}>
        各部门提交的信息资源目录。审核通过即发布并分配资源代码；退回时请写明原因。
      </p>
      <ProblemAlert error={error} />
      <ResourceTable
        items={data?.items ?? []}
        isLoading={isLoading}
        empty="暂无待审核的资源"
        showDepartment
      />
    </PageCard>
  );
}
