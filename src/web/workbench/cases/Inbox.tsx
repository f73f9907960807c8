// 审批待办 (/workbench/inbox) for reviewers and heads: 待办 (open tasks of my department and roles),
// 已签收 (held by me), 已办 (done by me), each with its count; search by case number or item; claim
// (签收) and release (退回待办池) in place; 办理 opens the case.
import { Button, Flex, Input, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { post, query } from '../../api.ts';
import {
  type InboxBox,
  type InboxView,
  TASK_ACTION_LABEL,
  type TaskView,
  workbenchCasePath,
} from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { CaseCell } from './CaseCell.tsx';

const PAGE_SIZE = 20;
const BOXES: { key: InboxBox; label: string }[] = [
  { key: 'todo', label: '待办' },
  { key: 'mine', label: '已签收' },
  { key: 'done', label: '已办' },
];

export default function Inbox() {
  const [box, setBox] = useState<InboxBox>('todo');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error, isLoading, reload } = useLoad<InboxView>(
    `/api/workflow/inbox${query({ box, q, page, pageSize: PAGE_SIZE })}`,
  );
  async function change(task: TaskView, verb: 'claim' | 'release') {
    setActionError(null);
    try {
      await post(`/api/workflow/tasks/${task.id}/${verb}`);
      await reload();
    } catch (e) {
      setActionError(e);
    }
  }
  const step = (t: TaskView) => `${t.stepName}${t.signers > 1 ? `（会签 ${t.slot}/${t.signers}）` : ''}`;
  return (
    <PageCard title="审批待办">
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
          data-testid="inbox-search"
        />
      </Flex>
      <Tabs
        activeKey={box}
        onChange={(k) => {
          setBox(k as InboxBox);
          setPage(1);
        }}
        items={BOXES.map((b) => ({
          key: b.key,
          label: (
            <span data-testid={`box-${b.key}`}>
              {b.label}（{data?.counts[b.key] ?? 0}）
            </span>
          ),
        }))}
      />
      <ProblemAlert error={error ?? actionError} />
      <Table<TaskView>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 860 }}
        locale={{
          emptyText: (
            <EmptyText>
              {box === 'todo' ? '暂无待办' : box === 'mine' ? '没有已签收的任务' : '暂无已办'}
            </EmptyText>
          ),
        }}
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
            render: (_, t) => (
              <CaseCell caseId={t.subjectId} caseNo={t.caseNo} title={t.title} testId={`task-${t.caseNo}`}>
                <div style={{ fontSize: 13 }}>
                  {step(t)} · {box === 'done' ? `已办 ${when(t.completedAt)}` : `期限 ${t.dueOn}`}
                </div>
              </CaseCell>
            ),
          },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '环节', render: (_, t) => step(t) },
          {
            title: box === 'done' ? '办理结果' : '环节期限',
            render: (_, t) =>
              box === 'done'
                ? `${t.action ? TASK_ACTION_LABEL[t.action] : '—'} · ${when(t.completedAt)}`
                : t.dueOn,
          },
          {
            title: '操作',
            render: (_, t) => (
              <Flex gap={4} wrap>
                {box === 'todo' ? (
                  <Button
                    size="small"
                    onClick={() => void change(t, 'claim')}
                    aria-label={`签收 ${t.caseNo}`}
                  >
                    签收
                  </Button>
                ) : null}
                {box === 'mine' ? (
                  <Button
                    size="small"
                    onClick={() => void change(t, 'release')}
                    aria-label={`退回待办池 ${t.caseNo}`}
                  >
                    退回待办池
                  </Button>
                ) : null}
                <Link to={workbenchCasePath(t.subjectId)} aria-label={`办理 ${t.caseNo}`}>
                  {box === 'done' ? '查看' : '办理'}
                </Link>
              </Flex>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
