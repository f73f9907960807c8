// 预警详情 (/workbench/supervision/warnings/:id): the warning, the case's clock as of now (received,
// accepted, promised and legal due days, working days left, paused, the first 补正 notice, special
// procedures; the applicant's name masked), every warning the case has had, its orders, and GB/T 39046
// 表 11. The supervisor issues a 督办 from here; the department opens the case itself.
import { Breadcrumb, Button, Flex, message, Skeleton, Table } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { Section } from '../../common/Section.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { IssueOrderDialog } from './IssueOrderDialog.tsx';
import {
  isDepartmentSide,
  isSupervisor,
  type OrderView,
  orderPath,
  RULE_LABELS,
  type WarningDetail,
  type WarningView,
  warningPath,
} from './supervision.ts';
import { Table11View } from './Table11View.tsx';
import { LevelTag, OrderStateTags } from './Tags.tsx';

const muted = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 } as const;

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

const remaining = (days: number | null) =>
  days === null ? '—' : days < 0 ? `已超期 ${-days} 个工作日` : `剩余 ${days} 个工作日`;

function CaseClockFacts({ c }: { c: WarningDetail['case'] }) {
  return (
    <dl className="kv kv-grid" data-testid="case-clock">
      <Row label="办件编号">{c.caseNo}</Row>
      <Row label="事项">{c.itemName}</Row>
      <Row label="办理部门">{c.departmentName}</Row>
      <Row label="申请人">{c.applicantNameMasked}</Row>
      <Row label="办件状态">{c.stateLabel}</Row>
      <Row label="收件日期">{c.receivedOn}</Row>
      <Row label="受理日期">{c.acceptedOn ?? '未受理'}</Row>
      <Row label="承诺时限">{c.promisedDays === null ? '—' : `${c.promisedDays} 个工作日（含延期）`}</Row>
      <Row label="承诺办结日">{c.promisedDueOn ?? '—'}</Row>
      <Row label="承诺期限" testId="remaining">
        <Flex gap={4} wrap>
          <StatusTag tone={c.remainingDays !== null && c.remainingDays < 0 ? 'danger' : 'info'}>
            {remaining(c.remainingDays)}
          </StatusTag>
          {c.isPaused ? <StatusTag tone="warning">暂停计时</StatusTag> : null}
        </Flex>
      </Row>
      <Row label="法定办结日">{c.legalDueOn ?? '—'}</Row>
      <Row label="法定期限">{remaining(c.legalRemainingDays)}</Row>
      <Row label="补正告知">{c.supplementRequestedOn ?? '未告知补正'}</Row>
      <Row label="特别程序">
        {c.specials.length === 0
          ? '无'
          : c.specials.map((s) => (
              <div key={`${s.startedOn}-${s.kind}`}>
                {s.startedOn} {s.kind ?? '特别程序'}：{s.reason || <strong>未填写理由</strong>}
              </div>
            ))}
      </Row>
    </dl>
  );
}

function History({ items, current }: { items: WarningView[]; current: string }) {
  return (
    <Table<WarningView>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      locale={{ emptyText: <EmptyText>暂无</EmptyText> }}
      columns={[
        {
          title: '预警',
          render: (_, w) => (
            <div>
              <Flex gap={4} wrap align="center">
                <LevelTag level={w.level} />
                {w.id === current ? (
                  <span>{RULE_LABELS[w.ruleCode]}（本条）</span>
                ) : (
                  <Link to={warningPath(w.id)}>{RULE_LABELS[w.ruleCode]}</Link>
                )}
              </Flex>
              <div style={muted}>
                {w.no} · 预警于 {when(w.raisedAt)}
              </div>
              <div style={muted}>{w.detail}</div>
            </div>
          ),
        },
        {
          title: '状态',
          width: 150,
          render: (_, w) =>
            w.resolvedAt ? (
              <div>
                <div>已消除</div>
                <div style={muted}>{when(w.resolvedAt)}</div>
                {w.resolution ? <div style={muted}>{w.resolution}</div> : null}
              </div>
            ) : (
              '未消除'
            ),
        },
      ]}
    />
  );
}

export function OrderRows({ orders }: { orders: OrderView[] }) {
  if (orders.length === 0) return <EmptyText>尚未督办</EmptyText>;
  return (
    <Flex vertical gap={12}>
      {orders.map((o) => (
        <div key={o.id} data-testid={`order-${o.no}`}>
          <Flex gap={8} wrap align="center">
            <Link to={orderPath(o.id)} style={{ fontWeight: 600 }}>
              督办单 {o.no}
            </Link>
            <OrderStateTags order={o} />
          </Flex>
          <div style={{ overflowWrap: 'anywhere' }}>{o.content}</div>
          <div style={muted}>
            {o.issuedByName} 发出于 {when(o.issuedAt)}，回复期限 {o.dueOn}
          </div>
        </div>
      ))}
    </Flex>
  );
}

export default function WarningDetailPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const { data, error, reload } = useLoad<WarningDetail>(`/api/supervision/warnings/${id}`);
  const [isIssuing, setIssuing] = useState(false);
  const [notice, contextHolder] = message.useMessage();
  useTitle(data ? `${RULE_LABELS[data.warning.ruleCode]} · 预警详情` : '预警详情');
  if (error) return <ProblemAlert error={error} />;
  if (!data || !me) return <Skeleton active aria-label="加载中" />;
  const w = data.warning;
  const canIssue = isSupervisor(me.roles);
  const waiting = data.orders.find((o) => o.state === 'issued');

  return (
    <Flex vertical gap={16}>
      {contextHolder}
      <Breadcrumb
        items={[{ title: <Link to="/workbench/supervision">电子监察</Link> }, { title: `预警 ${w.no}` }]}
      />
      <PageCard
        title={`${RULE_LABELS[w.ruleCode]}：${w.itemName}`}
        extra={
          <Flex gap={8} wrap>
            {canIssue ? (
              <Button type="primary" onClick={() => setIssuing(true)} data-testid="issue-order">
                发出督办
              </Button>
            ) : null}
            {isDepartmentSide(me.roles) ? <Link to={`/workbench/cases/${w.caseId}`}>打开办件</Link> : null}
          </Flex>
        }
      >
        <dl className="kv kv-grid">
          <Row label="监察编号">{w.no}</Row>
          <Row label="预警级别" testId="warning-level">
            <LevelTag level={w.level} />
          </Row>
          <Row label="预警说明">{w.detail}</Row>
          <Row label="预警时间">{when(w.raisedAt)}</Row>
          <Row label="状态" testId="warning-state">
            {w.resolvedAt ? `已消除（${when(w.resolvedAt)}，${w.resolution ?? ''}）` : '未消除'}
          </Row>
        </dl>
        {waiting && canIssue ? (
          <p style={{ ...muted, marginBottom: 0 }}>该办件已有待回复的督办（回复期限 {waiting.dueOn}）。</p>
        ) : null}
      </PageCard>
      <Section title="办件计时" testId="clock-section">
        <CaseClockFacts c={data.case} />
      </Section>
      <Section title="督办" testId="orders-section">
        <OrderRows orders={data.orders} />
      </Section>
      <Section title="预警历史">
        <History items={data.history} current={w.id} />
      </Section>
      <Section title="电子监察信息（GB/T 39046 表 11）">
        <Table11View caseId={w.caseId} />
      </Section>
      {isIssuing ? (
        <IssueOrderDialog
          warning={w}
          onClose={() => setIssuing(false)}
          onDone={(order) => {
            setIssuing(false);
            void notice.success(`已发出督办 ${order.no}`);
            void reload();
            void navigate(orderPath(order.id));
          }}
        />
      ) : null}
    </Flex>
  );
}
