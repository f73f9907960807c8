// 数据质量看板 (/workbench/sharing/quality): 数据局 (and the service office) see how each department keeps
// its published resources — totals, a table per department, and every resource with the latest load's
// completeness, validity, uniqueness and timeliness, its rejected rows and whether an accepted load
// came within the update cycle. Worst first; overdue resources highlighted; each links to its load
// history. On a phone the resources are cards and the department table scrolls inside its region.
import { Card, Col, Flex, Grid, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type {
  QualityBoard as Board,
  BoardDepartment,
  BoardResource,
  BoardStatus,
} from '../../../modules/sharing/schema.ts';
import { query } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag, type Tone } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { Filter } from '../supervision/Filter.tsx';
import { ScrollRegion } from './grants/ScrollRegion.tsx';
import { CYCLE_LABEL } from './sharing.ts';

const STATUS_LABEL: Record<BoardStatus, string> = {
  refused: '最近挂接未入库',
  overdue: '超期未更新',
  unmounted: '未挂接数据',
  ok: '正常',
};
const STATUS_TONE: Record<BoardStatus, Tone> = {
  refused: 'danger',
  overdue: 'danger',
  unmounted: 'warning',
  ok: 'success',
};
const DIMENSIONS = [
  ['completeness', '完整性'],
  ['validity', '有效性'],
  ['uniqueness', '唯一性'],
  ['timeliness', '及时性'],
] as const;
const OVERDUE_BACKGROUND = '#fff1f0';

const score = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const barColor = (n: number) => (n >= 0.95 ? '#389e0d' : n >= 0.8 ? '#d46b08' : '#cf1322');

/** One measure as a labelled bar (— when the load did not measure it). */
function Measure({ label, value, name }: { label: string; value: number | null; name: string }) {
  return (
    <Flex align="center" gap={6} style={{ minWidth: 0 }}>
      <span style={{ flex: 'none', width: 42, fontSize: 13 }}>{label}</span>
      {value === null ? (
        <span style={{ fontSize: 13 }}>—</span>
      ) : (
        <Progress
          percent={Math.round(value * 1000) / 10}
          size="small"
          status="normal"
          strokeColor={barColor(value)}
          format={(p) => `${p}%`}
          aria-label={`${name}${label}`}
          style={{ margin: 0, flex: 1, minWidth: 90 }}
        />
      )}
    </Flex>
  );
}

function Measures({ r }: { r: BoardResource }) {
  const load = r.latestLoad;
  if (!load) return <span>{r.mountKind === 'api' ? '接口挂接，无数据质量报告' : '尚未挂接数据'}</span>;
  return (
    <Flex vertical gap={2}>
      {DIMENSIONS.map(([key, label]) => (
        <Measure key={key} label={label} value={load[key]} name={r.name} />
      ))}
    </Flex>
  );
}

function StatusCell({ r }: { r: BoardResource }) {
  return (
    <Flex vertical gap={4} align="flex-start">
      <StatusTag tone={STATUS_TONE[r.status]}>{STATUS_LABEL[r.status]}</StatusTag>
      {r.isOverdue && r.status !== 'overdue' ? <StatusTag tone="danger">超期未更新</StatusTag> : null}
      {r.isOverdue ? (
        <span style={{ fontSize: 13 }}>
          {r.overdueDays < 1 ? '已超期不足 1 天' : `已超期 ${r.overdueDays} 天`}
        </span>
      ) : null}
    </Flex>
  );
}

function LoadCell({ r }: { r: BoardResource }) {
  const load = r.latestLoad;
  return (
    <Flex vertical gap={2} style={{ fontSize: 13 }}>
      <span>更新周期：{CYCLE_LABEL[r.updateCycle]}</span>
      <span>最近挂接：{r.lastLoadAt ? when(r.lastLoadAt) : '—'}</span>
      {load ? (
        <span>
          {load.status === 'accepted'
            ? `入库 ${load.rows} 行`
            : load.rejectedRows > 0
              ? `未入库：问题行 ${load.rejectedRows}（共 ${load.problemCount} 处问题）`
              : `未入库：文件有 ${load.problemCount} 处问题`}
        </span>
      ) : null}
      {r.dueAt ? <span>最迟应于 {when(r.dueAt, true)} 更新</span> : null}
    </Flex>
  );
}

function NameCell({ r }: { r: BoardResource }) {
  // the load history is the provider's and 数据局's (the service office reads the metadata only)
  const roles = useSession().me?.roles ?? [];
  const canSeeLoads = roles.includes('data_reviewer') || roles.includes('data_officer');
  return (
    <Flex vertical gap={2}>
      <Link to={`/workbench/sharing/resources/${r.id}`}>{r.name}</Link>
      <span style={{ fontSize: 13 }}>
        {r.code ?? '—'} · {r.departmentName}
      </span>
      {canSeeLoads ? (
        <Link
          to={`/workbench/sharing/resources/${r.id}#loads`}
          style={{ fontSize: 13 }}
          aria-label={`${r.name}的挂接记录`}
          data-testid={`load-history-${r.id}`}
        >
          挂接记录
        </Link>
      ) : null}
    </Flex>
  );
}

function ResourceCards({ items }: { items: BoardResource[] }) {
  if (items.length === 0) return <EmptyText>没有符合条件的资源</EmptyText>;
  return (
    <Flex vertical gap={12} data-testid="board-resources">
      {items.map((r) => (
        <Card
          key={r.id}
          size="small"
          style={r.isOverdue ? { background: OVERDUE_BACKGROUND, borderColor: '#ffa39e' } : undefined}
          data-testid="board-resource"
        >
          <Flex vertical gap={8}>
            <NameCell r={r} />
            <Flex gap={8} wrap align="center">
              <StatusCell r={r} />
              <span style={{ fontSize: 13 }}>质量分 {score(r.score)}</span>
            </Flex>
            <Measures r={r} />
            <LoadCell r={r} />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

function ResourceTable({ items, isLoading }: { items: BoardResource[]; isLoading: boolean }) {
  return (
    <ScrollRegion label="资源数据质量">
      <Table<BoardResource>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={items}
        style={{ minWidth: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>没有符合条件的资源</EmptyText> }}
        onRow={(r) => ({
          style: r.isOverdue ? { background: OVERDUE_BACKGROUND } : undefined,
          'data-testid': 'board-resource',
        })}
        columns={[
          { title: '信息资源', width: 260, render: (_, r) => <NameCell r={r} /> },
          { title: '状态', width: 140, render: (_, r) => <StatusCell r={r} /> },
          { title: '质量分', width: 80, render: (_, r) => score(r.score) },
          { title: '最近一次挂接的质量', width: 260, render: (_, r) => <Measures r={r} /> },
          { title: '挂接与更新', render: (_, r) => <LoadCell r={r} /> },
        ]}
        data-testid="board-resources"
      />
    </ScrollRegion>
  );
}

function DepartmentTable({ items }: { items: BoardDepartment[] }) {
  return (
    <ScrollRegion label="各部门数据质量">
      <Table<BoardDepartment>
        rowKey="departmentId"
        size="small"
        dataSource={items}
        style={{ minWidth: 560 }}
        pagination={false}
        locale={{ emptyText: <EmptyText>暂无已发布的资源</EmptyText> }}
        columns={[
          { title: '部门', render: (_, d) => d.departmentName },
          { title: '资源', width: 70, render: (_, d) => d.resources },
          { title: '已挂接', width: 80, render: (_, d) => d.mounted },
          {
            title: '超期未更新',
            width: 100,
            render: (_, d) => (d.overdue ? <StatusTag tone="danger">{d.overdue}</StatusTag> : <span>0</span>),
          },
          { title: '未入库', width: 80, render: (_, d) => d.refused },
          { title: '平均质量分', width: 100, render: (_, d) => score(d.averageScore) },
        ]}
        data-testid="board-departments"
      />
    </ScrollRegion>
  );
}

function Figure({ title, value, isAlert }: { title: string; value: string | number; isAlert?: boolean }) {
  return (
    <Col xs={12} sm={8} lg={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic
          title={title}
          value={value}
          styles={isAlert ? { content: { color: '#cf1322' } } : undefined}
        />
      </Card>
    </Col>
  );
}

export default function QualityBoard() {
  useTitle('数据质量看板');
  const isWide = Grid.useBreakpoint().md ?? true;
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<BoardStatus | undefined>(undefined);
  const { data, error, isLoading } = useLoad<Board>(
    `/api/sharing/quality-board${query({ departmentId, status })}`,
  );
  // the department choices come from the whole board, before a department is chosen
  const [departments, setDepartments] = useState<BoardDepartment[]>([]);
  useEffect(() => {
    if (data && !departmentId) setDepartments(data.departments);
  }, [data, departmentId]);
  const t = data?.totals;
  return (
    <PageCard
      title="数据质量看板"
      extra={
        <Flex gap={8} wrap>
          <Filter
            label="部门"
            value={departmentId}
            options={departments.map((d) => ({ value: d.departmentId, label: d.departmentName }))}
            onChange={setDepartmentId}
            testId="board-department"
            width={200}
          />
          <Filter<BoardStatus>
            label="状态"
            value={status}
            options={(Object.keys(STATUS_LABEL) as BoardStatus[]).map((s) => ({
              value: s,
              label: STATUS_LABEL[s],
            }))}
            onChange={setStatus}
            testId="board-status"
            width={160}
          />
        </Flex>
      }
    >
      <ProblemAlert error={error} />
      <Typography.Paragraph style={{ marginTop: 0 }}>
        各部门已发布信息资源最近一次挂接的质量（完整性、有效性、唯一性、及时性取自挂接时的质量报告）与更新情况；超过更新周期仍无新数据入库的资源标红。问题最多的排在前面。
        {data ? `统计于 ${when(data.generatedAt)}。` : ''}
      </Typography.Paragraph>
      {t ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="board-totals">
          <Figure title="已发布资源" value={t.resources} />
          <Figure title="已挂接" value={t.mounted} />
          <Figure title="超期未更新" value={t.overdue} isAlert={t.overdue > 0} />
          <Figure title="最近挂接未入库" value={t.refused} isAlert={t.refused > 0} />
          <Figure title="平均质量分" value={score(t.averageScore)} />
        </Row>
      ) : null}
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        各部门
      </Typography.Title>
      <DepartmentTable items={data?.departments ?? []} />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        信息资源（{data?.resources.length ?? 0}）
      </Typography.Title>
      {isWide ? (
        <ResourceTable items={data?.resources ?? []} isLoading={isLoading} />
      ) : (
        <ResourceCards items={data?.resources ?? []} />
      )}
    </PageCard>
  );
}
