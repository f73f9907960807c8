// 绩效评估 (/workbench/performance): the service office and supervisors see every department's figures
// for a month (default: this month) or any from–to; a department's head and admin see their own. Tabs
// for departments (with the composite score and the ranking), windows and items; every figure shows
// its numerator and denominator, its header the formula, and a click opens the cases behind it. The
// same figures download as .xlsx.
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Flex,
  Grid,
  Segmented,
  Table,
  type TableColumnsType,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { getFile, query } from '../../api.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { DrillDrawer, type DrillTarget } from './DrillDrawer.tsx';
import { MonthlyRanking } from './MonthlyRanking.tsx';
import {
  type FormulaView,
  fraction,
  LEVEL_LABELS,
  type Level,
  type MetricView,
  metricOf,
  type Period,
  periodParams,
  type Report,
  type RowView,
} from './performance.ts';

const muted = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 } as const;
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

function FormulaHint({ f }: { f: FormulaView }) {
  return (
    <Tooltip
      title={
        <div>
          <div>{f.formula}</div>
          <div>分子：{f.numerator}</div>
          <div>分母：{f.denominator}</div>
          <div>
            权重 {f.weight}；{f.scoring}
          </div>
        </div>
      }
    >
      <Button
        type="text"
        size="small"
        icon={<QuestionCircleOutlined />}
        aria-label={`${f.label}的计算公式`}
        style={{ marginInlineStart: 2 }}
      />
    </Tooltip>
  );
}

function MetricButton({ m, onOpen }: { m: MetricView; onOpen: () => void }) {
  return (
    <Button
      type="link"
      onClick={onOpen}
      style={{ padding: 0, height: 'auto', textAlign: 'start' }}
      aria-label={`${m.label} ${m.text}，${fraction(m)}，查看明细`}
      data-testid={`metric-${m.key}`}
    >
      <span>
        <span style={{ fontWeight: 600 }}>{m.text}</span>
        {m.kind === 'count' ? null : <span style={{ ...muted, display: 'block' }}>{fraction(m)}</span>}
      </span>
    </Button>
  );
}

function LevelTable({
  level,
  report,
  isWide,
  isLoading,
  onDrill,
}: {
  level: Level;
  report: Report | null;
  isWide: boolean;
  isLoading: boolean;
  onDrill: (t: DrillTarget) => void;
}) {
  const rows =
    (level === 'department' ? report?.departments : level === 'window' ? report?.windows : report?.items) ??
    [];
  const formulas = report?.formulas ?? [];
  const open = (r: RowView, m: MetricView) => onDrill({ level, key: r.key, metric: m.key, name: r.name });
  const nameCell = (r: RowView) => (
    <div style={{ minWidth: 0 }}>
      <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{r.name}</div>
      {level === 'item' && r.departmentName ? <div style={muted}>{r.departmentName}</div> : null}
    </div>
  );
  const score = (r: RowView) => (r.score === null ? '无数据' : r.score.toFixed(1));
  const columns: TableColumnsType<RowView> = isWide
    ? [
        { title: nowrap('排名'), render: (_, r) => r.rank ?? '—' },
        { title: LEVEL_LABELS[level], render: (_, r) => <div style={{ minWidth: 180 }}>{nameCell(r)}</div> },
        { title: nowrap('综合得分'), render: (_, r) => <strong>{score(r)}</strong> },
        ...formulas.map((f) => ({
          key: f.key,
          title: (
            <span style={{ whiteSpace: 'nowrap' }}>
              {f.label}
              <FormulaHint f={f} />
            </span>
          ),
          render: (_: unknown, r: RowView) => {
            const m = metricOf(r, f.key);
            return m ? <MetricButton m={m} onOpen={() => open(r, m)} /> : null;
          },
        })),
      ]
    : [
        {
          title: `${LEVEL_LABELS[level]}（排名 · 综合得分）`,
          render: (_, r) => (
            <div>
              <Flex justify="space-between" gap={8}>
                {nameCell(r)}
                <span style={{ whiteSpace: 'nowrap' }}>
                  {r.rank ? `第 ${r.rank} 名 · ` : ''}
                  <strong>{score(r)}</strong>
                </span>
              </Flex>
              <dl
                style={{
                  display: 'grid',
                  gridTemplateColumns: '1fr 1fr',
                  gap: '4px 12px',
                  margin: '8px 0 0',
                }}
              >
                {r.metrics.map((m) => (
                  <div key={m.key}>
                    <dt style={muted}>{m.label}</dt>
                    <dd style={{ margin: 0 }}>
                      <MetricButton m={m} onOpen={() => open(r, m)} />
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ),
        },
      ];
  const table = (
    <Table<RowView>
      rowKey="key"
      size="small"
      loading={isLoading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <EmptyText>本期间没有数据</EmptyText> }}
      data-testid={`table-${level}`}
    />
  );
  // a wide table scrolls sideways in its own keyboard-reachable region (not antd's scroll, whose hidden
  // measuring row would copy the headers' formula buttons)
  return isWide ? (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region
    <section aria-label={`按${LEVEL_LABELS[level]}的指标`} tabIndex={0} style={{ overflowX: 'auto' }}>
      {table}
    </section>
  ) : (
    table
  );
}

function PeriodPicker({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const isMonth = 'month' in period;
  return (
    <Flex gap={8} wrap align="center">
      <Segmented<'month' | 'range'>
        aria-label="考核期间方式"
        value={isMonth ? 'month' : 'range'}
        options={[
          { label: '按月', value: 'month' },
          { label: '起止日期', value: 'range' },
        ]}
        onChange={(v) => {
          if (v === 'month') onChange({ month: dayjs().format('YYYY-MM') });
          else {
            const start = dayjs().startOf('month');
            onChange({ from: start.format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') });
          }
        }}
      />
      {isMonth ? (
        <DatePicker
          picker="month"
          aria-label="考核月份"
          allowClear={false}
          value={dayjs(`${period.month}-01`)}
          onChange={(d: Dayjs | null) => d && onChange({ month: d.format('YYYY-MM') })}
        />
      ) : (
        <DatePicker.RangePicker
          aria-label="考核起止日期"
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(r) => {
            const [a, b] = r ?? [];
            if (a && b) onChange({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
          }}
        />
      )}
    </Flex>
  );
}

const yearOf = (p: Period) => Number(('month' in p ? p.month : p.to).slice(0, 4));

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function PerformancePage() {
  useTitle('绩效评估');
  const { me } = useSession();
  const isWide = Grid.useBreakpoint().md ?? true;
  const [period, setPeriod] = useState<Period>(() => {
    const asked = new URLSearchParams(window.location.search).get('month');
    return { month: asked && /^\d{4}-\d{2}$/.test(asked) ? asked : dayjs().format('YYYY-MM') };
  });
  const [level, setLevel] = useState<Level | 'ranking'>('department');
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [isDownloading, setDownloading] = useState(false);
  const report = useLoad<Report>(`/api/performance${query(periodParams(period))}`);
  const roles = me?.roles ?? [];
  const isOverseer = roles.includes('office_admin') || roles.includes('supervisor');
  const canOpenCases = roles.some((r) => r === 'dept_head' || r === 'dept_admin');

  async function download() {
    setDownloading(true);
    try {
      const file = await getFile(`/api/performance/export.xlsx${query(periodParams(period))}`);
      save(file.blob, file.filename);
      setDownloadError(null);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <PageCard
      title="绩效评估"
      extra={
        <Button icon={<DownloadOutlined />} onClick={download} loading={isDownloading} data-testid="download">
          导出 Excel
        </Button>
      }
    >
      <p style={{ marginTop: 0 }}>
        {isOverseer ? '各部门' : '本部门'}
        的按时办结、提前办结、一次办结、跑动次数、网办、满意度、差评整改和督办答复情况；点击数字查看计入分子、分母的办件，点击
        <QuestionCircleOutlined aria-hidden /> 查看公式。
      </p>
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <PeriodPicker period={period} onChange={setPeriod} />
        {report.data ? (
          <span style={muted} data-testid="period-label">
            {report.data.period.label}
          </span>
        ) : null}
      </Flex>
      <ProblemAlert error={report.error ?? downloadError} />
      <Tabs
        activeKey={level}
        tabBarGutter={isWide ? undefined : 16}
        onChange={(k) => setLevel(k as Level | 'ranking')}
        items={[
          ...(['department', 'window', 'item'] as const).map((l) => ({
            key: l,
            label: l === 'department' ? '部门排名' : `按${LEVEL_LABELS[l]}`,
            children: (
              <LevelTable
                level={l}
                report={report.data}
                isWide={isWide}
                isLoading={report.isLoading}
                onDrill={setTarget}
              />
            ),
          })),
          {
            key: 'ranking',
            label: '月度排名',
            children: level === 'ranking' ? <MonthlyRanking year={yearOf(period)} /> : null,
          },
        ]}
      />
      {report.data ? (
        <section aria-label="说明" style={{ marginTop: 16 }}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            说明
          </Typography.Title>
          <ul style={{ ...muted, paddingInlineStart: 20 }}>
            <li>{report.data.scoreFormula}</li>
            {report.data.formulas.map((f) => (
              <li key={f.key}>
                {f.formula}（权重 {f.weight}；{f.scoring}）
              </li>
            ))}
            {report.data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <DrillDrawer
        target={target}
        period={period}
        departmentId={undefined}
        canOpenCases={canOpenCases}
        onClose={() => setTarget(null)}
      />
    </PageCard>
  );
}
