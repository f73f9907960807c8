// 好差评整改 (/workbench/ratings): the rectification orders bad ratings opened — a department's head and
// admin see their own and work them; supervisors and the service office read every department's.
// Filters: 办理中 / 已办结 / 全部 and 已超期. The service office's 差评申诉复核 (/workbench/ratings/appeals)
// is the same list narrowed to appeals waiting for its decision.
import { Button, Checkbox, Flex, Grid, InputNumber, message, Segmented, Table } from 'antd';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { put, query } from '../../api.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import {
  APPEAL_LABELS,
  type RectificationList as List,
  type RectificationView,
  rectificationTone,
} from '../../common/ratings.ts';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';

const muted = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 } as const;
type StateFilter = 'open' | 'closed' | 'all';

function OrderCell({ o, showDepartment }: { o: RectificationView; showDepartment: boolean }) {
  return (
    <div style={{ minWidth: 0 }} data-testid={`order-${o.no}`}>
      <Link to={`/workbench/ratings/${o.id}`} style={{ fontWeight: 600 }}>
        {o.no}
      </Link>
      <div style={muted}>
        {o.itemName} · {o.eventKindLabel} · {o.levelLabel}
      </div>
      {showDepartment ? <div style={muted}>{o.departmentName}</div> : null}
    </div>
  );
}

function StateCell({ o }: { o: RectificationView }) {
  return (
    <Flex gap={4} wrap>
      <StatusTag tone={rectificationTone(o)}>{o.stateLabel}</StatusTag>
      {o.isOverdue ? <StatusTag tone="danger">已超期</StatusTag> : null}
      {o.appealState && o.outcome !== 'appeal_upheld' ? (
        <StatusTag tone="info">{APPEAL_LABELS[o.appealState]}</StatusTag>
      ) : null}
    </Flex>
  );
}

function Orders({ title, isAppeals, footer }: { title: string; isAppeals: boolean; footer?: ReactNode }) {
  useTitle(title);
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const [state, setState] = useState<StateFilter>('open');
  const [isOverdue, setOverdue] = useState(false);
  const path = `/api/ratings/rectifications${query(
    isAppeals ? { state: 'all', appeal: 'pending' } : { state, overdue: isOverdue ? 'true' : undefined },
  )}`;
  const { data, error, isLoading } = useLoad<List>(path);
  const isOverseer = !!me?.roles.some((r) => r === 'supervisor' || r === 'office_admin');
  const columns = [
    {
      key: 'order',
      title: '工单',
      render: (_: unknown, o: RectificationView) => <OrderCell o={o} showDepartment={isOverseer} />,
    },
    { key: 'state', title: '状态', render: (_: unknown, o: RectificationView) => <StateCell o={o} /> },
    ...(screens.md
      ? [
          { key: 'due', title: '整改期限', dataIndex: 'dueOn' },
          { key: 'case', title: '办件编号', dataIndex: 'caseNo' },
        ]
      : []),
  ];
  return (
    <PageCard title={title}>
      {isAppeals ? null : (
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<StateFilter>
            aria-label="工单状态"
            value={state}
            onChange={setState}
            options={[
              { value: 'open', label: '办理中' },
              { value: 'closed', label: '已办结' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Checkbox
            checked={isOverdue}
            onChange={(e) => setOverdue(e.target.checked)}
            data-testid="overdue-only"
          >
            只看已超期
          </Checkbox>
        </Flex>
      )}
      <ProblemAlert error={error} />
      <Table<RectificationView>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <EmptyText>{isAppeals ? '没有待复核的申诉' : '没有整改工单'}</EmptyText> }}
        data-testid="rectification-list"
      />
      {footer}
    </PageCard>
  );
}

export default function RectificationList() {
  return <Orders title="好差评整改" isAppeals={false} />;
}

/** The service office's setting: how many working days a department has to rectify a bad rating. */
function RectifyDays() {
  const id = useId();
  const { data, error } = useLoad<{ rectifyDays: number }>('/api/ratings/settings');
  const [days, setDays] = useState<number | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  useEffect(() => {
    if (data) setDays(data.rectifyDays);
  }, [data]);
  const save = async () => {
    setSaveError(null);
    try {
      await put('/api/ratings/settings', { rectifyDays: days });
      void message.success('已保存，新生成的整改工单按此期限计算');
    } catch (e) {
      setSaveError(e);
    }
  };
  return (
    <Flex gap={8} align="center" wrap style={{ marginTop: 16 }} data-testid="rectify-days">
      <label htmlFor={id}>差评整改期限（工作日）</label>
      <InputNumber id={id} min={1} max={60} value={days} onChange={(v) => setDays(v)} />
      <Button onClick={save} disabled={days === null}>
        保存
      </Button>
      <ProblemAlert error={error ?? saveError} />
    </Flex>
  );
}

export function AppealQueue() {
  return <Orders title="差评申诉复核" isAppeals footer={<RectifyDays />} />;
}
