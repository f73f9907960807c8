// 数据集 (/open/:name): metadata, the open fields and how each was desensitised, counts (small ones
// suppressed), a preview of the first rows (a table on a desktop, a card per row on a phone) and the downloads.
import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Grid, Skeleton, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { CYCLE, type Dataset, dateOf, OPEN_TYPE, type Rows, RULE_LABEL } from '../../common/opendata.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';

const PREVIEW = 10;

export default function OpenDataset() {
  const { name = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const { data: d, error } = useLoad<Dataset>(`/api/open/datasets/${encodeURIComponent(name)}`);
  const { data: rows } = useLoad<Rows>(
    d ? `/api/open/datasets/${encodeURIComponent(name)}/rows?size=${PREVIEW}` : null,
  );
  useTitle(d ? `${d.title} · 数据开放` : '数据开放');
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/open">数据开放</Link> },
          { title: d?.title ?? '数据集' },
        ]}
      />
      <ProblemAlert error={error} />
      {!d ? (
        error ? null : (
          <Skeleton active />
        )
      ) : (
        <Flex vertical gap={12}>
          <Card>
            <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
              {d.title}
            </Typography.Title>
            <p>{d.notes}</p>
            {d.openType === 'conditional' && d.openConditions ? (
              <Alert
                type="warning"
                showIcon
                title="开放条件"
                description={d.openConditions}
                style={{ marginBottom: 12 }}
              />
            ) : null}
            <Flex wrap gap={8} style={{ marginBottom: 12 }}>
              <Button type="primary" href={d.downloads.csv} data-testid="download-csv">
                下载 CSV
              </Button>
              <Button href={d.downloads.json} data-testid="download-json">
                下载 JSON
              </Button>
              <Button href={`${d.downloads.api}?page=1&size=50`}>数据接口</Button>
            </Flex>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                { key: 'org', label: '提供部门', children: d.organization.title },
                { key: 'code', label: '资源代码', children: d.resourceCode ?? '—' },
                {
                  key: 'open',
                  label: '开放类型',
                  children: (
                    <StatusTag tone={d.openType === 'conditional' ? 'warning' : 'success'}>
                      {OPEN_TYPE[d.openType]}
                    </StatusTag>
                  ),
                },
                { key: 'cycle', label: '更新周期', children: CYCLE[d.updateCycle] ?? d.updateCycle },
                { key: 'rows', label: '数据量', children: `${d.rowCount} 条` },
                { key: 'modified', label: '最近更新', children: dateOf(d.modifiedAt) },
                { key: 'published', label: '开放日期', children: dateOf(d.publishedAt) },
                {
                  key: 'license',
                  label: '许可协议',
                  children: (
                    <a href={d.license.url} rel="noreferrer license" target="_blank">
                      {d.license.title}
                    </a>
                  ),
                },
                { key: 'tags', label: '标签', children: d.tags.join('、') || '—' },
              ]}
            />
          </Card>
          <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>数据预览（前 {PREVIEW} 条）</h2>}>
            {screens.md ? (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region (axe: scrollable-region-focusable)
              <section tabIndex={0} aria-label="数据预览" style={{ overflowX: 'auto' }}>
                <Table
                  size="small"
                  rowKey={(_, i) => String(i)}
                  pagination={false}
                  loading={!rows}
                  data-testid="open-preview"
                  columns={d.columns.map((c) => ({ key: c.key, dataIndex: c.key, title: c.name }))}
                  dataSource={rows?.rows ?? []}
                />
              </section>
            ) : (
              // a phone: one small card per row, field names beside the values
              <Flex vertical gap={8} data-testid="open-preview">
                {(rows?.rows ?? []).map((row, i) => (
                  <Descriptions
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id and never move
                    key={i}
                    size="small"
                    bordered
                    column={1}
                    items={d.columns.map((c) => ({
                      key: c.key,
                      label: c.name,
                      children: row[c.key] === null || row[c.key] === undefined ? '—' : String(row[c.key]),
                    }))}
                  />
                ))}
              </Flex>
            )}
          </Card>
          <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>字段与脱敏说明</h2>}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              columns={[
                { key: 'name', title: '字段', dataIndex: 'name' },
                { key: 'key', title: '英文名', dataIndex: 'key' },
                {
                  key: 'rule',
                  title: '处理方式',
                  render: (_: unknown, c: Dataset['columns'][number]) => RULE_LABEL[c.rule] ?? c.rule,
                },
              ]}
              dataSource={d.columns}
            />
            <p style={{ marginBottom: 0, marginTop: 8 }}>未列出的信息项不开放。</p>
          </Card>
          {d.aggregates.map((a) => (
            <Card
              key={a.itemKey}
              data-testid={`open-aggregate-${a.itemKey}`}
              title={<h2 style={{ fontSize: 17, margin: 0 }}>按{a.itemName}统计</h2>}
            >
              <Table
                size="small"
                rowKey="value"
                pagination={false}
                columns={[
                  { key: 'value', title: a.itemName, dataIndex: 'value' },
                  {
                    key: 'count',
                    title: '数量',
                    render: (_: unknown, g: Dataset['aggregates'][number]['groups'][number]) =>
                      g.isSuppressed ? `少量（不公布）` : g.count,
                  },
                ]}
                dataSource={a.groups}
              />
              <p style={{ marginBottom: 0, marginTop: 8 }}>
                少于 {a.k} 条的分组不公布具体数量；为防止由总数推算，必要时另一分组也不公布。
              </p>
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
