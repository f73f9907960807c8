// The drill-down behind one figure: the metric's formula, then the cases (or ratings, or supervision
// orders) counted in its numerator and in its denominator, each with the facts that put it there.
import { Alert, Descriptions, Drawer, Grid, List, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { query } from '../../api.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import {
  type Drill,
  type DrillEntry,
  fraction,
  type Level,
  type MetricKey,
  type Period,
  periodParams,
} from './performance.ts';

export type DrillTarget = { level: Level; key: string; metric: MetricKey; name: string };

const KIND_LABELS: Record<DrillEntry['kind'], string> = { case: '办件', rating: '评价', order: '督办单' };

function Entries({
  title,
  entries,
  canOpenCases,
}: {
  title: string;
  entries: DrillEntry[];
  canOpenCases: boolean;
}) {
  return (
    <section aria-label={title} style={{ marginTop: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}（{entries.length}）
      </Typography.Title>
      <List<DrillEntry>
        size="small"
        bordered
        dataSource={entries}
        locale={{ emptyText: <EmptyText>无</EmptyText> }}
        renderItem={(e) => (
          <List.Item data-testid={`drill-${e.kind}`}>
            <div style={{ minWidth: 0 }}>
              <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {KIND_LABELS[e.kind]} ·{' '}
                {e.caseId && e.caseNo && canOpenCases ? (
                  <Link to={`/workbench/cases/${e.caseId}`}>{e.caseNo}</Link>
                ) : (
                  (e.caseNo ?? e.id)
                )}
              </div>
              <div>{e.name}</div>
              <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>{e.detail}</div>
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}

export function DrillDrawer({
  target,
  period,
  departmentId,
  canOpenCases,
  onClose,
}: {
  target: DrillTarget | null;
  period: Period;
  departmentId: string | undefined;
  canOpenCases: boolean;
  onClose: () => void;
}) {
  const isWide = Grid.useBreakpoint().md ?? true;
  const path = target
    ? `/api/performance/drill${query({
        ...periodParams(period),
        departmentId,
        level: target.level,
        key: target.key,
        metric: target.metric,
      })}`
    : null;
  const { data, error, isLoading } = useLoad<Drill>(path);
  const drill = data && target && data.metric.key === target.metric ? data : null;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={isWide ? 560 : '100%'}
      title={target ? `${target.name} · ${drill?.formula.label ?? ''}` : ''}
      destroyOnHidden
      styles={{ body: { padding: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' } }}
    >
      {/* the body scrolls in a region a keyboard can reach (axe: scrollable-region-focusable) */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region */}
      <section tabIndex={0} aria-label="明细" style={{ flex: 1, overflowY: 'auto', padding: 24 }}>
        <ProblemAlert error={error} />
        {isLoading && !drill ? <Spin /> : null}
        {drill ? (
          <div data-testid="drill">
            <Alert type="info" showIcon title={drill.formula.formula} style={{ marginBottom: 12 }} />
            <Descriptions
              size="small"
              column={1}
              bordered
              layout={isWide ? 'horizontal' : 'vertical'}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              items={[
                { key: 'period', label: '期间', children: drill.period.label },
                {
                  key: 'value',
                  label: '结果',
                  children: `${drill.metric.text}（${fraction(drill.metric)}）`,
                },
                { key: 'num', label: '分子', children: drill.formula.numerator },
                { key: 'den', label: '分母', children: drill.formula.denominator },
              ]}
            />
            <Entries title="计入分子" entries={drill.numerator} canOpenCases={canOpenCases} />
            {drill.metric.kind === 'count' ? null : (
              <Entries title="计入分母" entries={drill.denominator} canOpenCases={canOpenCases} />
            )}
          </div>
        ) : null}
      </section>
    </Drawer>
  );
}
