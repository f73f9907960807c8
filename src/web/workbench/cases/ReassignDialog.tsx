// 改派 one task: a colleague of the department holding the step's role (from /api/workflow/assignees)
// and the reason; the server's field messages land on the fields, anything else above the form.
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { AssigneeList } from '../../../modules/workflow/schema.ts';
import { post } from '../../api.ts';
import type { TaskView } from '../../common/cases.ts';
import { spreadProblems } from '../../common/field-errors.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';

type Values = { staffId: string; reason: string };

export function ReassignDialog({
  task,
  onClose,
  onDone,
}: {
  task: TaskView;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const people = useLoad<AssigneeList>(`/api/workflow/assignees?role=${task.role}`);
  const options = (people.data?.items ?? [])
    .filter((p) => p.id !== task.assigneeId)
    .map((p) => ({ value: p.id, label: p.name }));

  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await post(`/api/workflow/tasks/${task.id}/reassign`, values);
      onDone();
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`改派 ${task.caseNo}`}
      okText="改派"
      cancelText="取消"
      okButtonProps={{ loading: isBusy }}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <p style={{ marginBottom: 12 }}>
        {task.title} · {task.stepName} · 当前办理人：{task.assigneeName ?? '待签收'}
      </p>
      <ProblemAlert error={error ?? people.error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="staffId"
          label="改派给"
          rules={[{ required: true, message: '请选择改派给谁' }]}
          extra="本部门中担任该环节角色的在岗人员"
        >
          <Select
            options={options}
            loading={people.isLoading}
            placeholder="选择同事"
            notFoundContent="没有可改派的同事"
            aria-label="改派给"
            data-testid="reassign-staff"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="改派原因"
          rules={[
            { required: true, whitespace: true, message: '请填写改派原因' },
            { max: 500, message: '不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reassign-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
