// 发出督办 in a dialog: what the department must do (督办内容) and by when — a number of working days from
// today or a date. The server's field messages land on the fields, anything else above the form.
import { DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { post } from '../../api.ts';
import { spreadProblems } from '../../common/field-errors.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import type { OrderView, WarningView } from './supervision.ts';

type Values = { content: string; by: 'days' | 'date'; days?: number; dueOn?: Dayjs };

export function IssueOrderDialog({
  warning,
  onClose,
  onDone,
}: {
  warning: Pick<WarningView, 'id' | 'caseId' | 'caseNo' | 'itemName' | 'departmentName'>;
  onClose: () => void;
  onDone: (order: OrderView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form) ?? 'days';
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const deadline =
        v.by === 'days' ? { days: v.days } : { dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : undefined };
      onDone(
        await post<OrderView>('/api/supervision/orders', {
          caseId: warning.caseId,
          warningId: warning.id,
          content: v.content,
          ...deadline,
        }),
      );
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="发出督办"
      okText="发出督办"
      cancelText="取消"
      okButtonProps={{ loading: isBusy }}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <p style={{ margin: '0 0 12px', overflowWrap: 'anywhere' }}>
        {warning.itemName}（办件编号 {warning.caseNo}），督办对象：{warning.departmentName}
      </p>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ by: 'days', days: 3 }}>
        <Form.Item
          name="content"
          label="督办内容"
          rules={[
            { required: true, whitespace: true, message: '请填写督办内容' },
            { max: 2000, message: '不超过 2000 字' },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder="例如：该件已超过承诺期限，请说明原因并限期办结"
            data-testid="order-content"
          />
        </Form.Item>
        <Form.Item name="by" label="回复期限">
          <Radio.Group
            options={[
              { value: 'days', label: '工作日天数' },
              { value: 'date', label: '截止日期' },
            ]}
          />
        </Form.Item>
        {by === 'days' ? (
          <Form.Item
            name="days"
            label="自今日起的工作日"
            rules={[{ required: true, message: '请填写工作日天数' }]}
          >
            <InputNumber min={1} max={60} precision={0} suffix="个工作日" style={{ width: 180 }} />
          </Form.Item>
        ) : (
          <Form.Item name="dueOn" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
            <DatePicker style={{ width: 180 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
