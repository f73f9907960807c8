// 本部门资源 (/workbench/sharing/mine): the data officer's resources in every state, and 登记资源.
import { Button } from 'antd';
import { Link } from 'react-router';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { ResourceTable } from './ResourceTable.tsx';
import type { ResourcePage } from './sharing.ts';

export default function MyResources() {
  useTitle('本部门资源');
  const { me } = useSession();
  const { data, error, isLoading } = useLoad<ResourcePage>('/api/sharing/my-resources');
  return (
    <PageCard
      title="本部门资源"
      extra={
        <Link to="/workbench/sharing/new">
          <Button type="primary" data-testid="register-resource">
            登记资源
          </Button>
        </Link>
      }
    >
      <p style={{ marginTop: 0 }}>
        {me?.department?.name ?? '本部门'}编目的政务信息资源。登记后提交数据局审核，发布后可挂接数据。
      </p>
      <ProblemAlert error={error} />
      <ResourceTable items={data?.items ?? []} isLoading={isLoading} empty="还没有登记资源" />
    </PageCard>
  );
}
