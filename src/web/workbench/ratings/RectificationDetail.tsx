// 整改工单 (/workbench/ratings/:id): the bad rating, the order's deadline and state, its history and the
// next step. The case department's head and admin work it — 核实 (finding) → 整改 (measures) → 答复 (reply
// to the applicant) → 回访 (result, satisfied?) → 办结 — and may appeal (申诉) the rating once; the
// service office decides a pending appeal. Supervisors read only.
import { Breadcrumb, Button, Flex, Form, Input, Radio, Skeleton, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { post } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { APPEAL_LABELS, levelTone, type RectificationView, rectificationTone } from '../../common/ratings.ts';
import { Section } from '../../common/Section.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';

type StepForm = { path: string; title: string; field: string; label: string; button: string };
const NEXT: Partial<Record<RectificationView['state'], StepForm>> = {
  verify: { path: 'verify', title: '核实', field: 'finding', label: '核实情况', button: '提交核实' },
  rectify: { path: 'rectify', title: '整改', field: 'measures', label: '整改措施', button: '提交整改' },
  reply: { path: 'reply', title: '答复申请人', field: 'reply', label: '答复内容', button: '提交答复' },
  visit: { path: 'visit', title: '回访', field: 'result', label: '回访情况', button: '提交回访' },
  visited: { path: 'close', title: '办结', field: 'note', label: '办结说明（选填）', button: '办结工单' },
};

function useSend(id: string, onDone: (next: RectificationView) => void) {
  const [error, setError] = useState<unknown>(null);
  const [isSending, setSending] = useState(false);
  const send = async (path: string, body: object) => {
    setSending(true);
    setError(null);
    try {
      onDone(await post<RectificationView>(`/api/ratings/rectifications/${id}/${path}`, body));
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return { send, error, isSending };
}

function NextStep({ o, onDone }: { o: RectificationView; onDone: (next: RectificationView) => void }) {
  const step = NEXT[o.state];
  const [form] = Form.useForm();
  const { send, error, isSending } = useSend(o.id, (next) => {
    form.resetFields();
    onDone(next);
  });
  if (!step) return null;
  const isVisit = step.path === 'visit';
  const isClose = step.path === 'close';
  return (
    <Section title={`下一步：${step.title}`} testId="next-step">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: Record<string, string>) =>
          send(
            step.path,
            isVisit
              ? { result: v.result, isSatisfied: v.isSatisfied === 'yes' }
              : isClose
                ? v.note?.trim()
                  ? { note: v.note.trim() }
                  : {}
                : { [step.field]: v[step.field] },
          )
        }
      >
        <Form.Item
          name={step.field}
          label={step.label}
          rules={isClose ? [] : [{ required: true, whitespace: true, message: `请填写${step.label}` }]}
        >
          <Input.TextArea
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            data-testid={`field-${step.field}`}
          />
        </Form.Item>
        {isVisit ? (
          <Form.Item
            name="isSatisfied"
            label="申请人是否满意"
            rules={[{ required: true, message: '请选择' }]}
          >
            <Radio.Group
              options={[
                { value: 'yes', label: '满意' },
                { value: 'no', label: '不满意' },
              ]}
            />
          </Form.Item>
        ) : null}
        <ProblemAlert error={error} />
        <Button
          type="primary"
          htmlType="submit"
          loading={isSending}
          style={{ marginTop: 8 }}
          data-testid="step-submit"
        >
          {step.button}
        </Button>
      </Form>
    </Section>
  );
}

function AppealBox({
  o,
  isDepartment,
  isOffice,
  onDone,
}: {
  o: RectificationView;
  isDepartment: boolean;
  isOffice: boolean;
  onDone: (next: RectificationView) => void;
}) {
  const { send, error, isSending } = useSend(o.id, onDone);
  const [form] = Form.useForm();
  const canAppeal = isDepartment && o.state !== 'closed' && o.appealState === null;
  const canDecide = isOffice && o.appealState === 'pending';
  if (!canAppeal && !canDecide && !o.appealState) return null;
  return (
    <Section title="申诉" testId="appeal">
      {o.appealState ? (
        <dl className="kv" style={{ marginBottom: 8 }}>
          <dt>申诉状态</dt>
          <dd>{APPEAL_LABELS[o.appealState]}</dd>
          <dt>申诉理由</dt>
          <dd>{o.appealReason}</dd>
          {o.appealDecision ? (
            <>
              <dt>复核意见</dt>
              <dd>{o.appealDecision}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {canAppeal ? (
        <Form form={form} layout="vertical" onFinish={(v: { reason: string }) => send('appeal', v)}>
          <Form.Item
            name="reason"
            label="申诉理由（恶意差评、误评）"
            rules={[{ required: true, whitespace: true, message: '请填写申诉理由' }]}
          >
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <ProblemAlert error={error} />
          <Button htmlType="submit" loading={isSending} data-testid="appeal-submit">
            提出申诉
          </Button>
        </Form>
      ) : null}
      {canDecide ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { decision: string; isUpheld: string }) =>
            send('appeal-decision', { decision: v.decision, isUpheld: v.isUpheld === 'yes' })
          }
        >
          <Form.Item name="isUpheld" label="复核结论" rules={[{ required: true, message: '请选择复核结论' }]}>
            <Radio.Group
              options={[
                { value: 'yes', label: '申诉成立（差评不计入统计，工单办结）' },
                { value: 'no', label: '申诉不成立（继续整改）' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="decision"
            label="复核意见"
            rules={[{ required: true, whitespace: true, message: '请填写复核意见' }]}
          >
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <ProblemAlert error={error} />
          <Button type="primary" htmlType="submit" loading={isSending} data-testid="decide-submit">
            提交复核
          </Button>
        </Form>
      ) : null}
    </Section>
  );
}

export default function RectificationDetail() {
  const { id = '' } = useParams();
  useTitle('整改工单');
  const { me } = useSession();
  const { data, error, reload } = useLoad<RectificationView>(`/api/ratings/rectifications/${id}`);
  const [fresh, setFresh] = useState<RectificationView | null>(null);
  const o = fresh?.id === id ? fresh : data;
  if (error) return <ProblemAlert error={error} />;
  if (!o || !me) return <Skeleton active aria-label="加载中" />;
  const isDepartment =
    me.department?.id === o.departmentId && me.roles.some((r) => r === 'dept_head' || r === 'dept_admin');
  const isOffice = me.roles.includes('office_admin');
  const done = (next: RectificationView) => {
    setFresh(next);
    void reload();
  };
  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={[{ title: <Link to="/workbench/ratings">好差评整改</Link> }, { title: o.no }]} />
      <PageCard title={`整改工单 ${o.no}`}>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <StatusTag tone={rectificationTone(o)}>
            <span data-testid="order-state">{o.stateLabel}</span>
          </StatusTag>
          {o.isOverdue ? <StatusTag tone="danger">已超期</StatusTag> : null}
        </Flex>
        <dl className="kv">
          <dt>办理事项</dt>
          <dd>{o.itemName}</dd>
          <dt>办件编号</dt>
          <dd style={{ overflowWrap: 'anywhere' }}>{o.caseNo}</dd>
          <dt>责任部门</dt>
          <dd>{o.departmentName}</dd>
          <dt>评价</dt>
          <dd>
            <StatusTag tone={levelTone(o.level)}>{o.levelLabel}</StatusTag>（{o.eventKindLabel}服务）
            {o.ratingText ? <div style={{ overflowWrap: 'anywhere' }}>{o.ratingText}</div> : null}
          </dd>
          <dt>整改期限</dt>
          <dd>{o.dueOn}</dd>
          <dt>生成时间</dt>
          <dd>{when(o.openedAt)}</dd>
        </dl>
      </PageCard>
      {isDepartment && o.appealState !== 'pending' ? <NextStep o={o} onDone={done} /> : null}
      <AppealBox o={o} isDepartment={isDepartment} isOffice={isOffice} onDone={done} />
      <Section title="办理过程">
        <Timeline
          items={o.steps.map((s) => ({
            content: (
              <div>
                <strong>{s.step}</strong>
                <span style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
                  {' '}
                  · {s.byName} · {when(s.at)}
                </span>
                <div style={{ overflowWrap: 'anywhere' }}>{s.content}</div>
              </div>
            ),
          }))}
        />
      </Section>
    </Flex>
  );
}
