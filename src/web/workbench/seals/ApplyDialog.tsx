// 申请印章 for the department admin: the kind, the seal's name (the department's name and the kind until
// the admin changes it, e.g. 信阳市市场监督管理局行政审批专用章), the reason and the validity in years.
// The seal is applied for in the admin's own department; the new seal's view goes back.
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { post } from '../../api.ts';
import { spreadProblems } from '../../common/field-errors.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { SEAL_KIND_LABELS, SEAL_KINDS, type SealKind, type SealView } from './seals.ts';

type Values = { kind: SealKind; name: string; reason: string; validityYears: number };

export function ApplyDialog({
  departmentName,
  onClose,
  onDone,
}: {
  departmentName: string;
  onClose: () => void;
  onDone: (seal: SealView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const defaultName = (kind: SealKind) => `${departmentName}${SEAL_KIND_LABELS[kind]}`;

  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onDone(await post<SealView>('/api/seals', { ...values, name: values.name.trim() }));
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="申请印章"
      okText="提交申请"
      cancelText="取消"
      okButtonProps={{ loading: isBusy }}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <p style={{ margin: '0 0 12px', color: 'rgba(0, 0, 0, 0.65)' }}>
        申请提交后由政务服务管理机构审核、制作、备案并发放，发放后方可用于签章。
      </p>
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'approval', name: defaultName('approval'), validityYears: 5 }}
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          // the name follows the kind while it is still the default of the previous kind
          if (changed.kind && SEAL_KINDS.some((k) => all.name === defaultName(k))) {
            form.setFieldValue('name', defaultName(changed.kind));
          }
        }}
      >
        <Form.Item name="kind" label="印章类型" rules={[{ required: true, message: '请选择印章类型' }]}>
          <Select
            aria-label="印章类型"
            options={SEAL_KINDS.map((k) => ({ value: k, label: SEAL_KIND_LABELS[k] }))}
            data-testid="apply-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="印章名称"
          extra="印章上刻的文字，默认为部门名称加印章类型"
          rules={[
            { required: true, whitespace: true, message: '请填写印章名称' },
            { min: 2, message: '至少 2 个字' },
            { max: 60, message: '不超过 60 字' },
          ]}
        >
          <Input maxLength={60} data-testid="apply-name" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="申请理由"
          rules={[
            { required: true, whitespace: true, message: '请填写申请理由' },
            { min: 2, message: '至少 2 个字' },
            { max: 500, message: '不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="apply-reason" />
        </Form.Item>
        <Form.Item
          name="validityYears"
          label="有效期（年）"
          extra="自制作之日起算，1–10 年"
          rules={[{ required: true, message: '请填写有效期' }]}
        >
          <InputNumber min={1} max={10} precision={0} style={{ width: 120 }} data-testid="apply-years" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
