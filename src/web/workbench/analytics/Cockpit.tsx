// 领导驾驶舱 (/workbench/cockpit): the big screen's figures in the workbench — today's counts, the
// period's rates, cases overdue now, satisfaction, the trend, the county map (示意图) and the rankings —
// for a period (7 days, 30 days, this year) and a county. Refreshes every 30 s; opens the big screen.
import { FullscreenOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Segmented, Select, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { query } from '../../api.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useTitle } from '../../common/useTitle.ts';
import {
  departmentRows,
  itemRows,
  LIGHT,
  mapOption,
  percent,
  rankingOption,
  satisfactionOption,
  trendOption,
} from './dashboard.ts';
import { EChart, registerMapOnce } from './EChart.tsx';
import { useDashboard } from './useDashboard.ts';
import { xinyangSchematic } from './xinyang-map.ts';

const MAP = 'xinyang-schematic';
type Span = '7' | '30' | 'year';
const SPANS: Array<{ label: string; value: Span }> = [
  { label: '近 7 日', value: '7' },
  { label: '近 30 日', value: '30' },
  { label: '本年', value: 'year' },
];
const fromOf = (span: Span) =>
  span === 'year'
    ? dayjs().startOf('year').format('YYYY-MM-DD')
    : dayjs()
        .subtract(Number(span) - 1, 'day')
        .format('YYYY-MM-DD');

function Figure({
  title,
  value,
  suffix,
  hint,
}: {
  title: string;
  value: string | number;
  suffix?: string;
  hint?: string;
}) {
  return (
    <Col xs={12} sm={8} lg={6} xl={3}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} suffix={suffix} />
        {hint && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        )}
      </Card>
    </Col>
  );
}

export default function Cockpit() {
  useTitle('领导驾驶舱');
  const [span, setSpan] = useState<Span>('30');
  const [county, setCounty] = useState<string | undefined>(undefined);
  const search = query({ from: fromOf(span), county });
  const { data: d, error, loadedAt } = useDashboard(true, search);
  registerMapOnce(MAP, xinyangSchematic());
  const charts = useMemo(
    () =>
      d && {
        trend: trendOption(d, LIGHT),
        map: mapOption(d, LIGHT, MAP),
        departments: rankingOption(departmentRows(d), LIGHT, '#1668dc'),
        items: rankingOption(itemRows(d), LIGHT, '#389e0d'),
        satisfaction: satisfactionOption(d, LIGHT),
      },
    [d],
  );
  return (
    <PageCard
      title="领导驾驶舱"
      extra={
        <Flex gap={8} wrap align="center">
          <Segmented
            aria-label="统计期间"
            options={SPANS}
            value={span}
            onChange={(v) => setSpan(v as Span)}
          />
          <Select
            aria-label="区县"
            style={{ width: 140 }}
            value={county ?? 'all'}
            onChange={(v: string) => setCounty(v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: '全市' },
              ...(d?.byCounty.map((c) => ({ value: c.code, label: c.name })) ?? []),
            ]}
          />
          <Button icon={<FullscreenOutlined />} href="/screen" target="_blank">
            打开数据大屏
          </Button>
        </Flex>
      }
    >
      {Boolean(error) && <ProblemAlert error={error} />}
      {d && charts && (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            {d.scope.departmentName ?? '全市'} · 统计期间 {d.period.from} 至 {d.period.to} · 每 30
            秒自动刷新，更新于 {loadedAt?.toLocaleTimeString('zh-CN', { hour12: false })}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Figure title="今日申报" value={d.todayCounts.submitted} suffix="件" />
            <Figure title="今日受理" value={d.todayCounts.accepted} suffix="件" />
            <Figure title="今日办结" value={d.todayCounts.concluded} suffix="件" />
            <Figure
              title="受理率"
              value={percent(d.rates.acceptance)}
              hint="受理 ÷ (受理 + 不予受理 + 退件)"
            />
            <Figure title="办结率" value={percent(d.rates.conclusion)} hint="办结 ÷ 受理（期间内）" />
            <Figure title="按时办结率" value={percent(d.rates.onTime)} hint="承诺期限内办结 ÷ 办结" />
            <Figure title="当前超期" value={d.overdueNow} suffix="件" hint="已过承诺期限仍未办结" />
            <Figure
              title="满意率"
              value={percent(d.satisfaction.rate)}
              hint={`共 ${d.satisfaction.total} 条评价`}
            />
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={14}>
              <Card size="small" title="近 30 日办件趋势">
                <EChart option={charts.trend} height={280} label="近 30 日申报、受理、办结趋势折线图" />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title="各县区申报量（示意图）">
                <EChart option={charts.map} height={280} label="信阳市各县区申报量示意图" />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="部门申报量排名">
                <EChart option={charts.departments} height={300} label="部门申报量前十排名条形图" />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="热门事项">
                <EChart option={charts.items} height={300} label="申报量前十事项条形图" />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="评价满意度">
                <EChart option={charts.satisfaction} height={300} label="评价等级分布环形图" />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </PageCard>
  );
}
