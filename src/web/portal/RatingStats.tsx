// 好差评公示 (/ratings): how the public rated each department or each service item — ratings per level,
// the satisfaction rate (非常满意 + 满意 + 基本满意 over all) and the rectification rate of bad ratings
// (closed after a return visit over all bad ones). Ratings taken out by an upheld appeal do not count.
// On a phone each row is a card; on a desktop a table.
import { Breadcrumb, Card, Flex, Grid, Segmented, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { StatsView } from '../../modules/interaction/schema.ts';
import { EmptyText } from '../common/EmptyText.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { LEVEL_OPTIONS } from '../common/ratings.ts';
import { useLoad } from '../common/useLoad.ts';
import { useTitle } from '../common/useTitle.ts';

type Row = z.infer<typeof StatsView>['items'][number];
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function RowCard({ row }: { row: Row }) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>{row.name}</h2>}>
      <dl className="kv">
        <dt>评价数</dt>
        <dd>{row.total}</dd>
        <dt>满意率</dt>
        <dd>{percent(row.satisfactionRate)}</dd>
        <dt>差评</dt>
        <dd>{row.bad}</dd>
        <dt>整改率</dt>
        <dd>{percent(row.rectificationRate)}</dd>
        <dt>各等级</dt>
        <dd>{LEVEL_OPTIONS.map((o) => `${o.label} ${row.counts[String(o.value)] ?? 0}`).join('，')}</dd>
      </dl>
    </Card>
  );
}

export default function RatingStats() {
  useTitle('好差评公示');
  const [by, setBy] = useState<'department' | 'item'>('department');
  const { data, error } = useLoad<z.infer<typeof StatsView>>(`/api/ratings/stats?by=${by}`);
  const screens = Grid.useBreakpoint();
  const columns = [
    { key: 'name', title: by === 'department' ? '部门' : '事项', dataIndex: 'name' },
    ...LEVEL_OPTIONS.map((o) => ({
      key: `c${o.value}`,
      title: o.label,
      render: (_: unknown, r: Row) => r.counts[String(o.value)] ?? 0,
    })),
    { key: 'total', title: '评价数', dataIndex: 'total' },
    { key: 'sat', title: '满意率', render: (_: unknown, r: Row) => percent(r.satisfactionRate) },
    { key: 'rect', title: '差评整改率', render: (_: unknown, r: Row) => percent(r.rectificationRate) },
  ];
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: '好差评公示' }]}
      />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          好差评公示
        </Typography.Title>
        <p style={{ marginTop: 0 }}>
          满意率 =（非常满意 + 满意 + 基本满意）÷ 评价数；差评整改率 = 已回访办结的差评 ÷
          差评数。申诉成立的差评不计入。
        </p>
        <Segmented
          aria-label="统计维度"
          value={by}
          onChange={(v) => setBy(v as 'department' | 'item')}
          options={[
            { value: 'department', label: '按部门' },
            { value: 'item', label: '按事项' },
          ]}
          style={{ marginBottom: 12 }}
        />
        <ProblemAlert error={error} />
        {!data ? (
          <Skeleton active aria-label="加载中" />
        ) : screens.md ? (
          <Table<Row>
            rowKey="id"
            dataSource={data.items}
            columns={columns}
            pagination={false}
            locale={{ emptyText: <EmptyText>暂无评价</EmptyText> }}
            data-testid="rating-stats"
          />
        ) : (
          <Flex vertical gap={8} data-testid="rating-stats">
            {data.items.length === 0 ? <EmptyText>暂无评价</EmptyText> : null}
            {data.items.map((r) => (
              <RowCard key={r.id} row={r} />
            ))}
          </Flex>
        )}
      </Card>
    </>
  );
}
