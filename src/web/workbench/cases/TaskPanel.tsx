// The review steps of a case (审批环节) and, for the steps this staff member may work, claiming (签收),
// releasing (退回待办池) and acting with an opinion: 通过/退回, or 准予许可/不予许可 on the decision step.
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { type Me, post, problemForForm } from '../../api.ts';
import {
  type CaseView,
  STEP_ROLE_LABEL,
  TASK_ACTION_LABEL,
  type TaskAction,
  type TaskView,
} from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag, type Tone } from '../../common/StatusTag.tsx';

const TASK_STATE: Record<TaskView['state'], { label: string; tone: Tone }> = {
  open: { label: '待签收', tone: 'info' },
  claimed: { label: '办理中', tone: 'warning' },
  done: { label: '已办', tone: 'success' },
  cancelled: { label: '已取消', tone: 'neutral' },
};

/** Tasks this person may work now: the ones they hold, else one open slot of each step of their role
 * they have not signed yet (a 会签 step takes one signature per person). The server decides again. */
export function workableTasks(tasks: TaskView[], me: Me): TaskView[] {
  const stepOf = (t: TaskView) => `${t.stepKey}@${t.createdAt}`;
  const held = tasks.filter((t) => t.state === 'claimed' && t.assigneeId === me.accountId);
  const taken = new Set(tasks.filter((t) => t.assigneeId === me.accountId).map(stepOf));
  const open: TaskView[] = [];
  for (const t of tasks) {
    if (t.state !== 'open' || !me.roles.includes(t.role) || taken.has(stepOf(t))) continue;
    taken.add(stepOf(t));
    open.push(t);
  }
  return [...held, ...open];
}

function ActForm({
  caseId,
  task,
  me,
  onDone,
}: {
  caseId: string;
  task: TaskView;
  me: Me;
  onDone: (next: CaseView | null) => void;
}) {
  const [form] = Form.useForm<{ opinion: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const actions: TaskAction[] = task.isDecision ? ['approve', 'deny'] : ['pass', 'return'];

  async function run(what: string, work: () => Promise<CaseView | null>) {
    setBusy(what);
    setError(null);
    try {
      onDone(await work());
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(null);
    }
  }
  const act = async (action: TaskAction) => {
    const { opinion } = await form.validateFields();
    await run(action, () => post<CaseView>(`/api/cases/${caseId}/tasks/${task.id}/act`, { action, opinion }));
  };
  const claimOrRelease = (verb: 'claim' | 'release') =>
    run(verb, async () => {
      await post(`/api/workflow/tasks/${task.id}/${verb}`);
      return null;
    });
  const isMine = task.state === 'claimed' && task.assigneeId === me.accountId;
  return (
    <div
      data-testid={`act-${task.stepName}`}
      style={{ border: '1px solid #d6e4ff', borderRadius: 8, padding: 12 }}
    >
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 0 }}>
        办理：{task.stepName}
        {task.signers > 1 ? `（会签 ${task.slot}/${task.signers}）` : ''}
      </Typography.Title>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="opinion"
          label="办理意见"
          rules={[{ required: true, whitespace: true, message: '请填写办理意见' }]}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
      <Flex gap={8} wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'pass' || a === 'approve' ? 'primary' : 'default'}
            danger={a === 'deny'}
            loading={busy === a}
            onClick={() => void act(a).catch(() => {})}
            data-testid={`task-${a}`}
          >
            {TASK_ACTION_LABEL[a]}
          </Button>
        ))}
        {isMine ? (
          <Button loading={busy === 'release'} onClick={() => void claimOrRelease('release')}>
            退回待办池
          </Button>
        ) : (
          <Button
            loading={busy === 'claim'}
            onClick={() => void claimOrRelease('claim')}
            data-testid="task-claim"
          >
            签收
          </Button>
        )}
      </Flex>
    </div>
  );
}

export function TaskPanel({
  caseId,
  tasks,
  me,
  pausedBecause,
  onChanged,
}: {
  caseId: string;
  tasks: TaskView[];
  me: Me;
  /** why the steps cannot be worked now (a special procedure, a supplement request), or null */
  pausedBecause: string | null;
  /** a case view when acting changed the case; null when only a task changed */
  onChanged: (next: CaseView | null) => void;
}) {
  const workable = pausedBecause ? [] : workableTasks(tasks, me);
  return (
    <Flex vertical gap={12}>
      {pausedBecause && tasks.some((t) => t.state === 'open' || t.state === 'claimed') ? (
        <Typography.Text data-testid="steps-paused">{pausedBecause}</Typography.Text>
      ) : null}
      {workable.map((t) => (
        <ActForm key={t.id} caseId={caseId} task={t} me={me} onDone={onChanged} />
      ))}
      {tasks.length === 0 ? (
        <Typography.Text>受理后生成审批环节。</Typography.Text>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 8 }} data-testid="task-list">
          {tasks.map((t) => (
            <li key={t.id}>
              <Flex gap={6} wrap align="center">
                <strong>
                  {t.stepName}
                  {t.signers > 1 ? `（会签 ${t.slot}/${t.signers}）` : ''}
                </strong>
                <StatusTag tone={TASK_STATE[t.state].tone}>{TASK_STATE[t.state].label}</StatusTag>
                <span style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>
                  {STEP_ROLE_LABEL[t.role]} · 环节期限 {t.dueOn}
                  {t.assigneeName ? ` · ${t.assigneeName}` : ''}
                  {t.completedAt ? ` · ${when(t.completedAt)}` : ''}
                </span>
              </Flex>
              {t.action ? (
                <div style={{ overflowWrap: 'anywhere' }}>
                  {TASK_ACTION_LABEL[t.action]}：{t.opinion ?? ''}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Flex>
  );
}
