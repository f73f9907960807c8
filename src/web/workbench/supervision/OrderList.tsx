// 督办单 (/workbench/supervision/orders). The supervisor sees every department's orders, filtered by
// state (待回复, 已回复, 已办结), 逾期 (issued and past the due day) and department; a department's head
// and admin see their own department's 督办件 with those waiting for an answer first. Each row opens
// the order, where the department answers and the supervisor closes it.
import { Button, Flex, Grid, Table } from 'antd';
import { useState } from 'react';
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
  isSupervisor,
  ORDER_STATE_LABELS,
  ORDER_STATES,
  type OrderPage,
  type OrderState,
  type OrderView,
  orderPath,
} from './supervision.ts';
import { OrderStateTags } from './Tags.tsx';

const muted = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 } as const;

function OrderCell({ o, showDepartment }: { o: OrderView; showDepartment: boolean }) {
  return (
    <div style={{ minWidth: 0 }} data-testid={`order-row-${o.no}`}>
      <Link to={orderPath(o.id)} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {o.itemName || o.caseNo}
      </Link>
      <div style={muted}>
        督办单 {o.no} · 办件编号 {o.caseNo}
        {showDepartment ? ` · ${o.departmentName}` : ''}
      </div>
      <div style={{ overflowWrap: 'anywhere' }}>{o.content}</div>
    </div>
  );
}

export default function OrderList() {
  const { me } = useSession();
  const isOverseer = isSupervisor(me?.roles ?? []) || (me?.roles ?? []).includes('office_admin');
  const title = isOverseer ? '督办单' : '督办件';
  useTitle(title);
  const isWide = Grid.useBreakpoint().md ?? true;
  const [state, setState] = useState<OrderState | undefined>();
  const [isOverdue, setOverdue] = useState(false);
  const [departmentId, setDepartmentId] = useState<string>();
  const [page, setPage] = useState(1);
  const departments = useLoad<{ items: { id: string; name: string }[] }>(
    isOverseer ? '/api/org/departments' : null,
  );
  const list = useLoad<OrderPage>(
    `/api/supervision/orders${query({ state, overdue: isOverdue ? 'true' : undefined, departmentId, page })}`,
  );

  return (
    <PageCard title={title} extra={isOverseer ? <Link to="/workbench/supervision">返回电子监察</Link> : null}>
      <p style={{ marginTop: 0 }}>
        {isOverseer
          ? '电子监察发出的督办：部门在期限内回复，监察人员审核回复后办结。'
          : `电子监察对${me?.department?.name ?? '本部门'}办件发出的督办，请在回复期限内说明原因和整改情况。`}
      </p>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Filter
          label="状态"
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={ORDER_STATES.map((s) => ({ value: s, label: ORDER_STATE_LABELS[s] }))}
          testId="order-state-filter"
          width={110}
        />
        <Button
          type={isOverdue ? 'primary' : 'default'}
          aria-pressed={isOverdue}
          onClick={() => {
            setOverdue(!isOverdue);
            setPage(1);
          }}
          data-testid="overdue-filter"
        >
          只看逾期未回复
        </Button>
        {isOverseer ? (
          <Filter
            label="部门"
            value={departmentId}
            onChange={(v) => {
              setDepartmentId(v);
              setPage(1);
            }}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            testId="order-department-filter"
            width={240}
          />
        ) : null}
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<OrderView>
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
        locale={{ emptyText: <EmptyText>没有符合条件的督办</EmptyText> }}
        columns={
          isWide
            ? [
                { title: '督办', render: (_, o) => <OrderCell o={o} showDepartment={isOverseer} /> },
                { title: '状态', width: 170, render: (_, o) => <OrderStateTags order={o} /> },
                {
                  title: '回复期限',
                  width: 120,
                  render: (_, o) => <span style={{ whiteSpace: 'nowrap' }}>{o.dueOn}</span>,
                },
                { title: '发出时间', width: 150, render: (_, o) => when(o.issuedAt) },
              ]
            : [
                {
                  title: '督办',
                  render: (_, o) => (
                    <Flex vertical gap={4}>
                      <OrderCell o={o} showDepartment={isOverseer} />
                      <OrderStateTags order={o} />
                      <div style={muted}>
                        回复期限 {o.dueOn} · 发出于 {when(o.issuedAt)}
                      </div>
                    </Flex>
                  ),
                },
              ]
        }
      />
    </PageCard>
  );
}
