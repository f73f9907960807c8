// The edit dialog of one license type (证照目录): validity in years (empty = 长期), the printed fields,
// notes and whether it is in use, sent as PATCH /api/licenses/types/:id; field messages land on the form.
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { patch, problemForForm } from '../../api.ts';
import type { LicenseTypeView } from '../../common/licenses.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';

type Values = { validityYears: number | null; fields: string[]; notes: string; isActive: boolean };

export function TypeEditor({
  type,
  onClose,
  onDone,
}: {
  type: LicenseTypeView;
  onClose: () => void;
  onDone: (changed: LicenseTypeView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await patch<LicenseTypeView>(`/api/licenses/types/${type.id}`, {
          validityYears: values.validityYears ?? null,
          fields: values.fields.map((f) => f.trim()).filter(Boolean),
          notes: values.notes ?? '',
          isActive: values.isActive,
        }),
      );
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`编辑证照类型：${type.name}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: isBusy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          validityYears: type.validityYears,
          fields: type.fields,
          notes: type.notes,
          isActive: type.isActive,
        }}
      >
        <Form.Item
          name="validityYears"
          label="有效期（年）"
          extra="留空表示长期有效或按法规另行确定"
          rules={[{ type: 'integer', min: 1, max: 100, message: '请输入 1–100 的整数' }]}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="fields"
          label="印制字段"
          extra="证照上印制的项目，按顺序排列；输入后回车添加"
          rules={[{ required: true, type: 'array', min: 1, message: '至少保留一个印制字段' }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="notes" label="备注" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="isActive" label="启用" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
