// The dialog behind each status action of 证照管理 (暂扣、撤销、注销、失效、吊销、恢复): the license, what
// the action does, a required reason, and the server's problem (such as 状态不允许) when it refuses.
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { post } from '../../api.ts';
import type { LicenseStatus, LicenseView } from '../../common/licenses.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { ACTION_LABEL } from './actions.ts';

export function StatusDialog({
  license,
  target,
  onClose,
  onDone,
}: {
  license: LicenseView;
  target: LicenseStatus;
  onClose: () => void;
  onDone: (changed: LicenseView) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const verb = ACTION_LABEL[target];
  const isFinal = target !== 'valid' && target !== 'suspended';

  async function submit(values: { reason: string }) {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await post<LicenseView>(`/api/licenses/${license.id}/status`, {
          status: target,
          reason: values.reason.trim(),
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${verb}电子证照`}
      okText={`确认${verb}`}
      cancelText="取消"
      okButtonProps={{ danger: target !== 'valid', loading: isBusy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p style={{ marginTop: 0 }}>
        {license.typeName} · {license.licenseNo} · {license.holderName}
      </p>
      {isFinal ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${verb}后证照永久不能再使用，此操作不可恢复。`}
        />
      ) : null}
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="reason"
          label={`${verb}原因`}
          extra="将告知持证人，并在核验时显示"
          rules={[
            { required: true, whitespace: true, message: `请填写${verb}原因` },
            { max: 500, message: '不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="status-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
