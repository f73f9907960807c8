// 我的办件 (/mine/cases): the applicant's cases, newest first, with their state and the working days left;
// filter by state; each opens its detail with the timeline.
import { Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { query } from '../../api.ts';
import { RemainingTag } from '../../common/CaseClock.tsx';
import { type CasePage, type CaseState, casePath, isPausedSummary, STATE_TONE } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StateFilter } from '../../common/StateFilter.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { RequireCitizen } from './RequireCitizen.tsx';

const PAGE_SIZE = 10;

function CaseList() {
  const [state, setState] = useState<CaseState | undefined>();
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useLoad<CasePage>(
    `/api/cases/mine${query({ state, page, pageSize: PAGE_SIZE })}`,
  );
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          我的办件
        </Typography.Title>
        <Flex gap={12} wrap align="center">
          <Link to="/mine/drafts">我的草稿</Link>
          <Link to="/mine/licenses">我的证照</Link>
          <Link to="/lookup">办件查询</Link>
        </Flex>
      </Flex>
      <Card styles={{ body: { padding: 12 } }}>
        <div style={{ marginBottom: 8 }}>
          <StateFilter
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
          />
        </div>
        <ProblemAlert error={error} />
        <List
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无办件" /> }}
          pagination={
            (data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: data?.total, onChange: setPage, size: 'small' }
              : false
          }
          renderItem={(c) => (
            <List.Item key={c.id} data-testid={`case-${c.caseNo}`}>
              <div style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} wrap align="center">
                  <Link
                    to={casePath(c.id)}
                    style={{ fontSize: 16, fontWeight: 600, overflowWrap: 'anywhere' }}
                  >
                    {c.itemName}
                  </Link>
                  <StatusTag tone={STATE_TONE[c.state]}>{c.stateLabel}</StatusTag>
                </Flex>
                <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13, margin: '4px 0' }}>
                  办件编号 {c.caseNo} · {c.departmentName} · 提交于 {when(c.submittedAt)}
                </div>
                <RemainingTag
                  remainingDays={c.remainingDays}
                  isOverdue={c.isOverdue}
                  isPaused={isPausedSummary(c)}
                />
              </div>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}

export default function MyCases() {
  return (
    <RequireCitizen>
      <CaseList />
    </RequireCitizen>
  );
}
