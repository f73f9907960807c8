// "One thing" bundles (一件事一次办): cards linking to each bundle guide, and the list page (/bundles)
// with the 个人 / 法人 switch. The home page shows the same cards.
import { Breadcrumb, Card, Empty, Segmented, Skeleton, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { query } from '../../api.ts';
import { type BundleSummary, bundlePath } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';

export function BundleCards({ bundles, label }: { bundles: BundleSummary[]; label: string }) {
  if (bundles.length === 0) return <Empty description="暂无“一件事”" />;
  return (
    <ul aria-label={label} className="item-cards bundle-cards">
      {bundles.map((b) => (
        <li key={b.id} data-testid="bundle-card">
          <Link to={bundlePath(b.id)} className="item-card-title">
            {b.name}
          </Link>
          <div className="item-card-dept">{b.description}</div>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginTop: 6 }}>
            <StatusTag tone="info">{b.audience === '法人' ? '法人服务' : '个人服务'}</StatusTag>
            <StatusTag tone="success">{b.memberCount} 个事项一次办</StatusTag>
          </div>
        </li>
      ))}
    </ul>
  );
}

export default function BundleList() {
  const [params, setParams] = useSearchParams();
  const audience = params.get('audience') ?? '';
  const { data, error, isLoading } = useLoad<{ items: BundleSummary[] }>(
    `/api/catalog/bundles${query({ audience })}`,
  );
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: '一件事一次办' }]}
      />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          一件事一次办
        </Typography.Title>
        <p style={{ marginTop: 0 }}>
          把办成一件事要跑的多个事项合在一起：一份合并的材料清单，多个部门都要的材料只交一次。
        </p>
        <Segmented
          aria-label="服务对象"
          style={{ marginBottom: 12 }}
          value={audience}
          onChange={(v) => setParams(v ? { audience: String(v) } : {})}
          options={[
            { label: '全部', value: '' },
            { label: '个人', value: '个人' },
            { label: '法人', value: '法人' },
          ]}
        />
        <ProblemAlert error={error} />
        {data ? (
          <BundleCards bundles={data.items} label="一件事列表" />
        ) : isLoading ? (
          <Skeleton active />
        ) : null}
      </Card>
    </>
  );
}
