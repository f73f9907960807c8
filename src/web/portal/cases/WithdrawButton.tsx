// 撤回申请: before a decision, with a reason, after a confirmation.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { post, problemForForm } from '../../api.ts';
import type { CaseView } from '../../common/cases.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';

export function WithdrawButton({ view, onDone }: { view: CaseView; onDone: (next: CaseView) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [isOpen, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    const { reason } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onDone(await post<CaseView>(`/api/cases/${view.id}/withdraw`, { reason }));
      setOpen(false);
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="withdraw">
        撤回申请
      </Button>
      <Modal
        open={isOpen}
        title="撤回申请"
        okText="确认撤回"
        okButtonProps={{ danger: true, loading: isBusy }}
        cancelText="取消"
        onOk={() => void confirm().catch(() => {})}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>撤回后本次申请终止办理，如需办理须重新申请。确定撤回“{view.itemName}”吗？</p>
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="撤回原因"
            rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
