// One service event's rating (好差评): the five levels (非常满意 … 非常不满意) and an optional comment, or
// the rating already given with its one allowed change and, for a bad rating, what the department's
// rectification came to. `send` posts a new rating or the change; the parent decides where to.
import { Button, Flex, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { when } from './catalog.ts';
import { ProblemAlert } from './ProblemAlert.tsx';
import { LEVEL_LABELS, LEVEL_OPTIONS, levelTone, type RatingView, rectificationTone } from './ratings.ts';
import { StatusTag } from './StatusTag.tsx';

type Answer = { level: number; text?: string };

export function RatingForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  testId,
}: {
  initial?: Answer;
  submitLabel: string;
  onSubmit: (answer: Answer) => Promise<void>;
  onCancel?: () => void;
  testId: string;
}) {
  const [form] = Form.useForm<Answer>();
  const [error, setError] = useState<unknown>(null);
  const [isSending, setSending] = useState(false);
  const finish = async (answer: Answer) => {
    setSending(true);
    setError(null);
    try {
      await onSubmit({ level: answer.level, ...(answer.text?.trim() ? { text: answer.text.trim() } : {}) });
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={finish} data-testid={testId}>
      <Form.Item name="level" label="满意程度" rules={[{ required: true, message: '请选择满意程度' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={LEVEL_OPTIONS.map((o) => ({
            value: o.value,
            label: o.label,
            'data-testid': `level-${o.value}`,
          }))}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
        />
      </Form.Item>
      <Form.Item name="text" label="评价内容（选填）">
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <ProblemAlert error={error} />
      <Flex gap={8} style={{ marginTop: error ? 12 : 0 }}>
        <Button type="primary" htmlType="submit" loading={isSending} data-testid="rate-submit">
          {submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>取消</Button> : null}
      </Flex>
    </Form>
  );
}

/** The rectification that followed a bad rating, as the applicant sees it. */
export function RectificationOutcome({ r }: { r: NonNullable<RatingView['rectification']> }) {
  return (
    <div data-testid="rectification-outcome" style={{ marginTop: 8 }}>
      <Flex gap={8} align="center" wrap>
        <span>差评整改：</span>
        <StatusTag tone={rectificationTone(r)}>{r.stateLabel}</StatusTag>
        {r.state !== 'closed' ? <span>整改期限 {r.dueOn}</span> : null}
      </Flex>
      <dl className="kv" style={{ marginTop: 4 }}>
        {r.reply ? (
          <>
            <dt>部门答复</dt>
            <dd>{r.reply}</dd>
          </>
        ) : null}
        {r.visitResult ? (
          <>
            <dt>回访情况</dt>
            <dd>{r.visitResult}</dd>
          </>
        ) : null}
        {r.closedAt ? (
          <>
            <dt>办结时间</dt>
            <dd>{when(r.closedAt)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

export function GivenRating({ rating, onAmend }: { rating: RatingView; onAmend?: () => void }) {
  return (
    <div data-testid="given-rating">
      <Flex gap={8} align="center" wrap>
        <StatusTag tone={levelTone(rating.level)}>{rating.levelLabel}</StatusTag>
        <span style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
          {when(rating.amendedAt ?? rating.ratedAt)} · {rating.channelLabel}
          {rating.previousLevel ? ` · 已由“${LEVEL_LABELS[rating.previousLevel as 1]}”修改` : ''}
        </span>
        {rating.canAmend && onAmend ? (
          <Button size="small" onClick={onAmend} data-testid="amend">
            修改评价
          </Button>
        ) : null}
      </Flex>
      {rating.text ? <p style={{ margin: '6px 0 0', overflowWrap: 'anywhere' }}>{rating.text}</p> : null}
      {rating.rectification ? <RectificationOutcome r={rating.rectification} /> : null}
    </div>
  );
}

/** A given rating, or the form to give one; the change (once) through the same form. */
export function RatingPrompt({
  rating,
  onRate,
  onAmend,
  testId,
}: {
  rating: RatingView | null;
  onRate: (answer: Answer) => Promise<void>;
  onAmend: (ratingId: string, answer: Answer) => Promise<void>;
  testId: string;
}) {
  const [isAmending, setAmending] = useState(false);
  if (!rating) return <RatingForm submitLabel="提交评价" onSubmit={onRate} testId={testId} />;
  if (isAmending)
    return (
      <RatingForm
        testId={testId}
        initial={{ level: rating.level, text: rating.text ?? '' }}
        submitLabel="提交修改（仅可修改一次）"
        onSubmit={async (a) => {
          await onAmend(rating.id, a);
          setAmending(false);
        }}
        onCancel={() => setAmending(false)}
      />
    );
  return <GivenRating rating={rating} onAmend={() => setAmending(true)} />;
}
