// 本部门办件 (/workbench/cases): every case of the staff member's department, newest first, filtered by
// state or searched by number, item or applicant; the working days left; each opens its detail.
import { Flex, Input, Table } from 'antd';
import { useState } from 'react';
import { query } from '../../api.ts';
import { RemainingTag } from '../../common/CaseClock.tsx';
import {
  type CasePage,
  type CaseState,
  type CaseSummary,
  isPausedSummary,
  STATE_TONE,
} from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StateFilter } from '../../common/StateFilter.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useSession } from '../../session.tsx';
import { CaseCell } from './CaseCell.tsx';

const PAGE_SIZE = 20;

export default function DepartmentCases() {
  const { me } = useSession();
  const [state, setState] = useState<CaseState | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useLoad<CasePage>(
    `/api/cases/department${query({ state, q, page, pageSize: PAGE_SIZE })}`,
  );
  return (
    <PageCard title="本部门办件">
      <p style={{ marginTop: 0 }}>{me?.department?.name ?? ''}受理和办理中的全部办件。</p>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <StateFilter
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          aria-label="按办件编号、事项或申请人搜索"
          placeholder="办件编号、事项或申请人"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <ProblemAlert error={error} />
      <Table<CaseSummary>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: <EmptyText>暂无办件</EmptyText> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: '办件',
            render: (_, c) => (
              <CaseCell caseId={c.id} caseNo={c.caseNo} title={c.itemName} testId={`case-${c.caseNo}`}>
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  <StatusTag tone={STATE_TONE[c.state]}>{c.stateLabel}</StatusTag>
                  <RemainingTag
                    remainingDays={c.remainingDays}
                    isOverdue={c.isOverdue}
                    isPaused={isPausedSummary(c)}
                  />
                </Flex>
              </CaseCell>
            ),
          },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '渠道', render: (_, c) => (c.channel === 'online' ? '网上申报' : '窗口收件') },
          { title: '提交时间', render: (_, c) => when(c.submittedAt) },
        ]}
      />
    </PageCard>
  );
}
