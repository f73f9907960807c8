// Items of one theme (/themes/:theme) or one department (/departments/:id), paged.
import { Breadcrumb, Card, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { query } from '../../api.ts';
import type { DepartmentCount, ItemPage } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { cardOf, ItemCards } from './ItemCards.tsx';

const PAGE_SIZE = 20;

function Listing({
  title,
  crumb,
  filter,
}: {
  title: string;
  crumb: { to: string; label: string };
  filter: Record<string, string | undefined>;
}) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const serves = params.get('serves') ?? '';
  const { data, error, isLoading } = useLoad<ItemPage>(
    `/api/catalog/items${query({ ...filter, serves, page, pageSize: PAGE_SIZE })}`,
  );
  const set = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? merged.set(k, v) : merged.delete(k);
    setParams(merged);
  };
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to={crumb.to}>{crumb.label}</Link> },
          { title },
        ]}
      />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Segmented
          aria-label="服务对象"
          style={{ marginBottom: 12 }}
          value={serves}
          onChange={(v) => set({ serves: String(v), page: '' })}
          options={[
            { label: '全部', value: '' },
            { label: '个人', value: '自然人' },
            { label: '法人', value: '法人' },
          ]}
        />
        <ProblemAlert error={error} />
        {data ? (
          <>
            <p aria-live="polite">共 {data.total} 项</p>
            <ItemCards label={`${title}事项`} items={data.items.map(cardOf)} />
            {data.total > PAGE_SIZE ? (
              <Pagination
                style={{ marginTop: 16 }}
                current={page}
                total={data.total}
                pageSize={PAGE_SIZE}
                showSizeChanger={false}
                onChange={(p) => set({ page: String(p) })}
              />
            ) : null}
          </>
        ) : isLoading ? (
          <Skeleton active />
        ) : null}
      </Card>
    </>
  );
}

export function ThemeItems() {
  const { theme = '' } = useParams();
  return <Listing title={`${theme}`} crumb={{ to: '/themes', label: '主题服务' }} filter={{ theme }} />;
}

export function DepartmentItems() {
  const { id = '' } = useParams();
  const { data } = useLoad<{ items: DepartmentCount[] }>('/api/catalog/departments');
  const name = data?.items.find((d) => d.id === id)?.name ?? '部门事项';
  return (
    <Listing title={name} crumb={{ to: '/departments', label: '部门服务' }} filter={{ department: id }} />
  );
}
