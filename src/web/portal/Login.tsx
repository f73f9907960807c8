// Citizen sign-in by ID number or mobile number. Staff sign in at /workbench/login (second factor).
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type LoginResult, post, problemForForm } from '../api.ts';
import { FormCard } from '../common/FormCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { useSession } from '../session.tsx';

type Values = { username: string; password: string };

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null, fallback: string): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

export default function Login() {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const { setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const result = await post<LoginResult>('/api/auth/login', {
        kind: 'citizen',
        username: values.username.trim().toUpperCase(),
        password: values.password,
      });
      setMe(result.me);
      navigate(safeNext(params.get('next'), '/me'));
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormCard title="个人用户登录">
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="login-form">
        <Form.Item
          name="username"
          label="身份证号码或手机号码"
          rules={[{ required: true, whitespace: true, message: '请输入身份证号码或手机号码' }]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={isBusy}
          data-testid="login-submit"
        >
          登录
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        还没有账号？<Link to="/register">注册个人用户</Link>
      </Typography.Paragraph>
    </FormCard>
  );
}
