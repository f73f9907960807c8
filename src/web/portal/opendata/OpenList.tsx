// 数据开放 (/open): the datasets opened to the public after desensitisation, with search. Each is a card
// (a phone shows them one under another). Machine-readable doors: the DCAT-AP catalog and the CKAN API.
import { Breadcrumb, Card, Flex, Input, Pagination, Skeleton, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { query } from '../../api.ts';
import { type DatasetPage, dateOf, OPEN_TYPE } from '../../common/opendata.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';

const PAGE_SIZE = 20;

export default function OpenList() {
  useTitle('数据开放');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const { data, error, isLoading } = useLoad<DatasetPage>(`/api/open/datasets${query({ q, page })}`);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: '数据开放' }]}
      />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          数据开放
        </Typography.Title>
        <p style={{ marginTop: 0 }}>
          各部门经脱敏后向社会开放的政务数据，可在线预览、下载 CSV/JSON，或通过接口读取。
        </p>
        <search aria-label="检索开放数据">
          <Input.Search
            defaultValue={q}
            placeholder="输入数据集名称、部门或关键词"
            enterButton="搜索"
            aria-label="检索开放数据集"
            data-testid="open-search"
            style={{ maxWidth: 560 }}
            onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
          />
        </search>
        <ProblemAlert error={error} />
        {!data ? (
          isLoading ? (
            <Skeleton active style={{ marginTop: 16 }} />
          ) : null
        ) : (
          <section aria-label="数据集" style={{ marginTop: 16 }}>
            <p aria-live="polite" data-testid="open-count">
              {q ? `“${q}”` : ''}共 {data.total} 个数据集
            </p>
            <Flex vertical gap={12}>
              {data.items.map((d) => (
                <Card key={d.name} size="small" data-testid="open-dataset">
                  <h2 style={{ fontSize: 17, margin: '0 0 4px' }}>
                    <Link to={`/open/${d.name}`}>{d.title}</Link>
                  </h2>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
                    {d.notes}
                  </Typography.Paragraph>
                  <Flex wrap gap={8} align="center">
                    <span>{d.organization.title}</span>
                    <StatusTag tone={d.openType === 'conditional' ? 'warning' : 'success'}>
                      {OPEN_TYPE[d.openType]}
                    </StatusTag>
                    <span>{d.rowCount} 条</span>
                    <span>更新于 {dateOf(d.modifiedAt)}</span>
                    {d.tags.map((t) => (
                      <Tag key={t}>{t}</Tag>
                    ))}
                  </Flex>
                </Card>
              ))}
            </Flex>
            {data.total > PAGE_SIZE ? (
              <Pagination
                style={{ marginTop: 16 }}
                current={page}
                total={data.total}
                pageSize={PAGE_SIZE}
                showSizeChanger={false}
                onChange={(p) => setParams({ ...(q ? { q } : {}), page: String(p) })}
              />
            ) : null}
          </section>
        )}
        <p style={{ marginTop: 16, marginBottom: 0 }}>
          机器可读：<a href="/api/open/catalog.jsonld">DCAT-AP 数据目录（JSON-LD）</a> ·{' '}
          <a href="/api/3/action/package_list">CKAN 兼容接口</a>
        </p>
      </Card>
    </>
  );
}
