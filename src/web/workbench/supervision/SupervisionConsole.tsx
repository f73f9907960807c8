// 电子监察 (/workbench/supervision), the supervisor's console (the service office reads it too; a
// department's head and admin get 本部门预警: their own totals and warnings, no department table).
// On top the city's totals (黄牌, 红牌, 补正告知超时, 特别程序无理由, 待回复 and 逾期督办), then each
// department's counts (a click filters the warnings to it), then the warnings themselves, filtered by
// department, level, rule, open/closed and the days raised, 50 a page from the server, each linking to
// its detail (the case's clock, its history and 发出督办).
import { Button, Card, DatePicker, Flex, Grid, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { query } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { Filter } from './Filter.tsx';
import {
  type DepartmentCount,
  isSupervisor,
  LEVEL_LABELS,
  RULE_CODES,
  RULE_LABELS,
  type RuleCode,
  type WarningLevel,
  type WarningPage,
  type WarningView,
  warningPath,
} from './supervision.ts';
import { LevelTag } from './Tags.tsx';

type Status = 'open' | 'closed' | 'all';
const STATUS_LABELS: Record<Status, string> = { open: '未消除', closed: '已消除', all: '全部' };
const muted = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 } as const;

const TOTALS: Array<{ key: keyof DepartmentCount; label: string; isAlarm: boolean }> = [
  { key: 'red', label: '红牌', isAlarm: true },
  { key: 'yellow', label: '黄牌', isAlarm: false },
  { key: 'supplementLate', label: '补正告知超时', isAlarm: false },
  { key: 'specialNoReason', label: '特别程序无理由', isAlarm: false },
  { key: 'openOrders', label: '待回复督办', isAlarm: false },
  { key: 'overdueOrders', label: '逾期督办', isAlarm: true },
];

function Totals({ rows }: { rows: DepartmentCount[] }) {
  return (
    <Flex gap={8} wrap role="list" aria-label="全市汇总" style={{ marginBottom: 16 }}>
      {TOTALS.map((t) => {
        const n = rows.reduce((sum, r) => sum + Number(r[t.key]), 0);
        return (
          <Card key={t.key} role="listitem" size="small" style={{ flex: '1 1 140px', minWidth: 140 }}>
            <div style={muted}>{t.label}</div>
            <div
              style={{ fontSize: 24, fontWeight: 600, color: t.isAlarm && n > 0 ? '#a8071a' : undefined }}
              data-testid={`total-${t.key}-value`}
            >
              {n}
            </div>
          </Card>
        );
      })}
    </Flex>
  );
}

function DepartmentTable({
  rows,
  isLoading,
  picked,
  onPick,
  isWide,
}: {
  rows: DepartmentCount[];
  isLoading: boolean;
  picked: string | undefined;
  onPick: (id: string | undefined) => void;
  isWide: boolean;
}) {
  const name = (r: DepartmentCount) => (
    <Button
      type="link"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', fontWeight: 600 }}
      aria-pressed={picked === r.departmentId}
      onClick={() => onPick(picked === r.departmentId ? undefined : r.departmentId)}
      data-testid={`dept-${r.departmentName}`}
    >
      {r.departmentName}
    </Button>
  );
  const alarm = (n: number) => <span style={{ color: n > 0 ? '#a8071a' : undefined }}>{n}</span>;
  return (
    <Table<DepartmentCount>
      rowKey="departmentId"
      size="small"
      loading={isLoading}
      dataSource={rows}
      pagination={false}
      style={{ marginBottom: 24 }}
      locale={{ emptyText: <EmptyText>各部门暂无预警和待回复督办</EmptyText> }}
      columns={
        isWide
          ? [
              { title: '部门', render: (_, r) => name(r) },
              { title: '红牌', width: 70, render: (_, r) => alarm(r.red) },
              { title: '黄牌', width: 70, dataIndex: 'yellow' },
              { title: '补正告知超时', width: 110, dataIndex: 'supplementLate' },
              { title: '特别程序无理由', width: 120, dataIndex: 'specialNoReason' },
              { title: '待回复督办', width: 100, dataIndex: 'openOrders' },
              { title: '逾期督办', width: 90, render: (_, r) => alarm(r.overdueOrders) },
            ]
          : [
              {
                title: '部门',
                render: (_, r) => (
                  <div>
                    {name(r)}
                    <div style={muted}>
                      红牌 {alarm(r.red)} · 黄牌 {r.yellow} · 补正超时 {r.supplementLate} · 特别程序无理由{' '}
                      {r.specialNoReason}
                    </div>
                    <div style={muted}>
                      待回复督办 {r.openOrders} · 逾期 {alarm(r.overdueOrders)}
                    </div>
                  </div>
                ),
              },
            ]
      }
    />
  );
}

/** 预警日期: the days (Beijing) the warnings were raised, both ends included. */
function DaysFilter({
  value,
  onChange,
}: {
  value: [string, string] | undefined;
  onChange: (v: [string, string] | undefined) => void;
}) {
  const id = useId();
  return (
    <Flex gap={8} align="center">
      <label htmlFor={id} style={{ flex: 'none' }}>
        预警日期
      </label>
      <DatePicker.RangePicker
        id={{ start: id }}
        value={value ? [dayjs(value[0]), dayjs(value[1])] : null}
        onChange={(range) =>
          onChange(
            range?.[0] && range[1]
              ? [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')]
              : undefined,
          )
        }
        style={{ width: 240, maxWidth: 'calc(100vw - 150px)' }}
        data-testid="filter-days"
      />
    </Flex>
  );
}

function WarningCell({ w }: { w: WarningView }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Link to={warningPath(w.id)} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {w.itemName}
      </Link>
      <div style={muted}>
        办件编号 {w.caseNo} · {w.departmentName}
      </div>
    </div>
  );
}

function RuleCell({ w }: { w: WarningView }) {
  return (
    <div>
      <Flex gap={4} wrap align="center">
        <LevelTag level={w.level} />
        <span>{RULE_LABELS[w.ruleCode]}</span>
      </Flex>
      <div style={muted}>{w.detail}</div>
    </div>
  );
}

function StatusCell({ w }: { w: WarningView }) {
  return w.resolvedAt ? (
    <div>
      <div>已消除 {when(w.resolvedAt)}</div>
      {w.resolution ? <div style={muted}>{w.resolution}</div> : null}
    </div>
  ) : (
    <span>未消除</span>
  );
}

export default function SupervisionConsole() {
  const { me } = useSession();
  const roles = me?.roles ?? [];
  // the service office reads like the supervisor; a department's head and admin see their own only
  const isOverseer = isSupervisor(roles) || roles.includes('office_admin');
  const title = isOverseer ? '电子监察' : '本部门预警';
  useTitle(title);
  const isWide = Grid.useBreakpoint().md ?? true;
  const [departmentId, setDepartmentId] = useState<string>();
  const [level, setLevel] = useState<WarningLevel>();
  const [rule, setRule] = useState<RuleCode>();
  const [status, setStatus] = useState<Status>('open');
  const [days, setDays] = useState<[string, string] | undefined>();
  const [page, setPage] = useState(1);
  const counts = useLoad<{ items: DepartmentCount[] }>('/api/supervision/warnings/by-department');
  const departments = useLoad<{ items: { id: string; name: string }[] }>(
    isOverseer ? '/api/org/departments' : null,
  );
  const list = useLoad<WarningPage>(
    `/api/supervision/warnings${query({ departmentId, level, rule, status, from: days?.[0], to: days?.[1], page })}`,
  );
  const filter =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setPage(1);
    };
  const rows = counts.data?.items ?? [];

  return (
    <PageCard
      title={title}
      extra={
        <Flex gap={8} wrap>
          <Link to="/workbench/supervision/orders">{isOverseer ? '督办单' : '督办件'}</Link>
          {isOverseer ? <Link to="/workbench/supervision/rules">监察规则</Link> : null}
        </Flex>
      }
    >
      <p style={{ marginTop: 0 }}>
        {isOverseer
          ? '各部门办件的临近超期（黄牌）、超期（红牌）、补正告知超时和特别程序无理由预警；点开预警查看办件计时并发出督办。'
          : `电子监察对${me?.department?.name ?? '本部门'}办件亮出的黄牌、红牌：请在期限内办结，已超期的办件请尽快处理。`}
      </p>
      <ProblemAlert error={counts.error ?? list.error} />
      <Totals rows={rows} />
      {isOverseer ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            各部门情况
          </Typography.Title>
          <DepartmentTable
            rows={rows}
            isLoading={counts.isLoading}
            picked={departmentId}
            onPick={filter(setDepartmentId)}
            isWide={isWide}
          />
        </>
      ) : null}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        预警列表
      </Typography.Title>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        {isOverseer ? (
          <Filter
            label="部门"
            value={departmentId}
            onChange={filter(setDepartmentId)}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            testId="filter-department"
            width={240}
          />
        ) : null}
        <Filter
          label="级别"
          value={level}
          onChange={filter(setLevel)}
          options={(['red', 'yellow'] as const).map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
          testId="filter-level"
          width={100}
        />
        <Filter
          label="规则"
          value={rule}
          onChange={filter(setRule)}
          options={RULE_CODES.map((c) => ({ value: c, label: RULE_LABELS[c] }))}
          testId="filter-rule"
          width={150}
        />
        <Filter<Status>
          label="状态"
          value={status}
          allLabel={null}
          onChange={(v) => filter(setStatus)(v ?? 'open')}
          options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          testId="filter-status"
          width={100}
        />
        <DaysFilter value={days} onChange={filter(setDays)} />
      </Flex>
      <Table<WarningView>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
        locale={{ emptyText: <EmptyText>没有符合条件的预警</EmptyText> }}
        columns={
          isWide
            ? [
                { title: '办件', render: (_, w) => <WarningCell w={w} /> },
                { title: '预警', width: 300, render: (_, w) => <RuleCell w={w} /> },
                { title: '预警时间', width: 150, render: (_, w) => when(w.raisedAt) },
                { title: '状态', width: 170, render: (_, w) => <StatusCell w={w} /> },
              ]
            : [
                {
                  title: '预警',
                  render: (_, w) => (
                    <Flex vertical gap={4}>
                      <WarningCell w={w} />
                      <RuleCell w={w} />
                      <div style={muted}>预警于 {when(w.raisedAt)}</div>
                      <StatusCell w={w} />
                    </Flex>
                  ),
                },
              ]
        }
      />
    </PageCard>
  );
}
