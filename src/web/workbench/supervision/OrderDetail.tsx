// 督办单详情 (/workbench/supervision/orders/:id), where the notifications link. The order, its case and the
// warning it follows; the case department's head or admin answers it while it waits (回复督办), the
// supervisor closes it with the result once answered (办结督办). A refused step shows the server's
// problem above the form; the page then shows the order as it is now.
import { Breadcrumb, Button, Flex, Form, Input, message, Skeleton } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { post } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { spreadProblems } from '../../common/field-errors.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { Section } from '../../common/Section.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { isDepartmentSide, isSupervisor, type OrderView, ruleLabel, warningPath } from './supervision.ts';
import { LevelTag, OrderStateTags } from './Tags.tsx';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** One text and a button: 回复 (field `answer`) or 办结 (field `result`). */
function StepForm({
  orderId,
  step,
  onDone,
}: {
  orderId: string;
  step: 'answer' | 'close';
  onDone: (o: OrderView) => void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = step === 'answer' ? 'answer' : 'result';
  const label = step === 'answer' ? '回复内容' : '监察结果';
  async function submit(v: { text: string }) {
    setBusy(true);
    setError(null);
    try {
      onDone(await post<OrderView>(`/api/supervision/orders/${orderId}/${step}`, { [field]: v.text }));
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <ProblemAlert error={error} />
      <Form.Item
        name="text"
        label={label}
        extra={
          step === 'answer'
            ? '说明超期或预警的原因、已采取的整改措施和预计办结时间。'
            : '对部门回复的审核意见和督办结论，将记入电子监察信息（监察结果描述）。'
        }
        rules={[
          { required: true, whitespace: true, message: `请填写${label}` },
          { max: 2000, message: '不超过 2000 字' },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid={`${step}-text`} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isBusy} data-testid={`${step}-submit`}>
        {step === 'answer' ? '提交回复' : '办结督办'}
      </Button>
    </Form>
  );
}

export default function OrderDetail() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { data: order, error, reload } = useLoad<OrderView>(`/api/supervision/orders/${id}`);
  const [notice, contextHolder] = message.useMessage();
  useTitle(order ? `督办单 ${order.no}` : '督办单');
  if (error) return <ProblemAlert error={error} />;
  if (!order || !me) return <Skeleton active aria-label="加载中" />;
  const supervisor = isSupervisor(me.roles);
  const department = isDepartmentSide(me.roles) && me.department?.id === order.departmentId;
  const listPath = '/workbench/supervision/orders';

  return (
    <Flex vertical gap={16}>
      {contextHolder}
      <Breadcrumb
        items={[
          { title: <Link to={listPath}>{supervisor ? '督办单' : '督办件'}</Link> },
          { title: order.no },
        ]}
      />
      <PageCard
        title={`督办单 ${order.no}`}
        extra={department ? <Link to={`/workbench/cases/${order.caseId}`}>打开办件</Link> : null}
      >
        <dl className="kv kv-grid" data-testid="order-facts">
          <Row label="状态" testId="order-state">
            <OrderStateTags order={order} />
          </Row>
          <Row label="事项">{order.itemName || '—'}</Row>
          <Row label="办件编号">{order.caseNo}</Row>
          <Row label="责任部门">{order.departmentName}</Row>
          <Row label="督办依据">
            {order.warningId ? (
              <Flex gap={4} wrap align="center">
                <LevelTag level={order.level} />
                <Link to={warningPath(order.warningId)}>{ruleLabel(order.ruleCode)}</Link>
              </Flex>
            ) : (
              '—'
            )}
          </Row>
          <Row label="发出人">{order.issuedByName}</Row>
          <Row label="发出时间">{when(order.issuedAt)}</Row>
          <Row label="回复期限" testId="order-due">
            {order.dueOn}
          </Row>
        </dl>
      </PageCard>
      <Section title="督办内容">
        <p
          style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="order-content"
        >
          {order.content}
        </p>
      </Section>
      <Section title="部门回复" testId="answer-section">
        {order.answer ? (
          <>
            <p
              style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="order-answer"
            >
              {order.answer}
            </p>
            <p style={{ margin: '8px 0 0', color: 'rgba(0, 0, 0, 0.65)' }}>
              {order.answeredByName} 回复于 {order.answeredAt ? when(order.answeredAt) : ''}
              {order.isAnsweredLate ? '（已超过回复期限）' : ''}
            </p>
          </>
        ) : department && order.state === 'issued' ? (
          <StepForm
            orderId={order.id}
            step="answer"
            onDone={() => {
              void notice.success('已提交回复');
              void reload();
            }}
          />
        ) : (
          <span>部门尚未回复{order.isOverdue ? '，已超过回复期限' : ''}。</span>
        )}
      </Section>
      {order.state !== 'issued' ? (
        <Section title="督办结果" testId="result-section">
          {order.result ? (
            <>
              <p
                style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-testid="order-result"
              >
                {order.result}
              </p>
              <p style={{ margin: '8px 0 0', color: 'rgba(0, 0, 0, 0.65)' }}>
                办结于 {order.closedAt ? when(order.closedAt) : ''}
              </p>
            </>
          ) : supervisor ? (
            <StepForm
              orderId={order.id}
              step="close"
              onDone={() => {
                void notice.success('督办已办结');
                void reload();
              }}
            />
          ) : (
            <span>等待电子监察审核回复。</span>
          )}
        </Section>
      ) : null}
    </Flex>
  );
}
