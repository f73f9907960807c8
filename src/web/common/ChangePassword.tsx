// Change one's own password (POST /api/me/password): the current password, the new one twice. The
// server's messages land on the fields they name; success says the other sessions were signed out.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, post, problemForForm } from '../api.ts';
import { passwordProblem, rule } from '../validators.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePassword({ kind }: { kind: 'citizen' | 'staff' }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isDone, setDone] = useState(false);
  const [isBusy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await post('/api/me/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      setDone(true);
    } catch (e) {
      const rest = problemForForm(form, e);
      // every message already sits on its field: no second copy above the form
      const isAllOnFields =
        e instanceof ApiError &&
        e.fieldErrors.length > 0 &&
        rest instanceof ApiError &&
        !rest.fieldErrors.length;
      setError(isAllOnFields ? null : rest);
    } finally {
      setBusy(false);
    }
  }

  const minLength = kind === 'staff' ? 12 : 8;
  return (
    <>
      {isDone ? (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="password-changed"
          title="密码已修改"
          description="其他设备和浏览器上的登录已全部退出，下次登录请使用新密码。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        style={{ maxWidth: 440 }}
        data-testid="password-form"
      >
        <Form.Item
          name="currentPassword"
          label="当前密码"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={`至少 ${minLength} 位，包含大写字母、小写字母、数字、符号中的至少 3 类`}
          rules={[{ required: true, message: '请设置新密码' }, rule((v) => passwordProblem(v, kind))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} data-testid="password-submit">
          修改密码
        </Button>
      </Form>
    </>
  );
}
