// Staff sign-in: password, then the TOTP second factor. A first sign-in enrols the authenticator
// (QR code and the secret to type in by hand); later ones just ask for the 6-digit code.
import { Button, Form, Input, Layout, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type LoginResult, type Me, post, problemForForm, type TotpEnrolment } from '../api.ts';
import { FormCard } from '../common/FormCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { useSession } from '../session.tsx';
import { TotpStep } from './TotpStep.tsx';

type Step = 'password' | 'totp' | 'totp-enrol';

export default function StaffLogin() {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [step, setStep] = useState<Step>('password');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const { setMe } = useSession();
  const navigate = useNavigate();

  function finish(me: Me) {
    setMe(me);
    navigate('/workbench');
  }

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const result = await post<LoginResult>('/api/auth/login', { kind: 'staff', ...values });
      setMe(result.me);
      if (result.next === 'done') return finish(result.me);
      if (result.next === 'totp-enrol') setEnrolment(await post<TotpEnrolment>('/api/auth/totp/enrol'));
      setStep(result.next);
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Layout.Content id="main" style={{ padding: '32px 12px' }}>
        <FormCard title="工作人员登录">
          {step === 'password' ? (
            <>
              <ProblemAlert error={error} />
              <Form form={form} layout="vertical" onFinish={submit} data-testid="staff-login-form">
                <Form.Item
                  name="username"
                  label="用户名"
                  rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
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
                  data-testid="staff-login-submit"
                >
                  登录
                </Button>
              </Form>
            </>
          ) : (
            <TotpStep enrolment={step === 'totp-enrol' ? enrolment : null} onDone={finish} />
          )}
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            <Link to="/">返回门户首页</Link>
          </Typography.Paragraph>
        </FormCard>
      </Layout.Content>
    </Layout>
  );
}
