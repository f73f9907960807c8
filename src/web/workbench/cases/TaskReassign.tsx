// 任务改派 (/workbench/tasks) for the department admin: every open task of the department — case, item,
// step, who holds it and its deadline — searchable by case number or item, each with 改派.
import { Button, Flex, Grid, Input, message, Table } from 'antd';
import { useState } from 'react';
import { query } from '../../api.ts';
import type { InboxView, TaskView } from '../../common/cases.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { CaseCell } from './CaseCell.tsx';
import { ReassignDialog } from './ReassignDialog.tsx';

const PAGE_SIZE = 20;

const stepLabel = (t: Pick<TaskView, 'stepName' | 'signers' | 'slot'>) =>
  `${t.stepName}${t.signers > 1 ? `（会签 ${t.slot}/${t.signers}）` : ''}`;

export default function TaskReassign() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<TaskView | null>(null);
  const [notice, contextHolder] = message.useMessage();
  const { data, error, isLoading, reload } = useLoad<InboxView>(
    `/api/workflow/department-tasks${query({ q, page, pageSize: PAGE_SIZE })}`,
  );
  const isWide = Grid.useBreakpoint().md ?? true;
  const holder = (t: TaskView) => t.assigneeName ?? '待签收';
  const reassignButton = (t: TaskView) => (
    <Button size="small" onClick={() => setPicked(t)} aria-label={`改派 ${t.caseNo}`}>
      改派
    </Button>
  );
  const caseColumn = {
    title: '办件',
    render: (_: unknown, t: TaskView) => (
      <CaseCell caseId={t.subjectId} caseNo={t.caseNo} title={t.title} testId={`dtask-${t.caseNo}`}>
        <div style={{ fontSize: 13 }}>
          {stepLabel(t)} · {holder(t)} · 期限 {t.dueOn}
        </div>
        {isWide ? null : <div style={{ marginTop: 4 }}>{reassignButton(t)}</div>}
      </CaseCell>
    ),
  };
  return (
    <PageCard title="任务改派">
      {contextHolder}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          aria-label="按办件编号或事项名称搜索"
          placeholder="办件编号或事项名称"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <ProblemAlert error={error} />
      <Table<TaskView>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={isWide ? { x: 760 } : undefined}
        locale={{ emptyText: <EmptyText>本部门暂无在办任务</EmptyText> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={
          isWide
            ? [
                caseColumn,
                { title: '环节', render: (_, t) => stepLabel(t) },
                { title: '办理人', render: (_, t) => holder(t) },
                { title: '环节期限', dataIndex: 'dueOn' },
                { title: '操作', render: (_, t) => reassignButton(t) },
              ]
            : [caseColumn]
        }
      />
      {picked ? (
        <ReassignDialog
          task={picked}
          onClose={() => setPicked(null)}
          onDone={() => {
            setPicked(null);
            void notice.success('已改派');
            void reload();
          }}
        />
      ) : null}
    </PageCard>
  );
}
