// Staff sign-in: password, then the TOTP second factor. A first sign-in enrols the authenticator
// (QR code and the secret to type in by hand); later ones just ask for the 6-digit code.
import { Alert, Button, Form, Input, Layout, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type LoginResult, type Me, post, problemForForm, type TotpEnrolment } from '../api.ts';
import { useSession } from '../session.tsx';
import { FormCard } from '../shared/FormCard.tsx';
import { ProblemAlert } from '../shared/ProblemAlert.tsx';

type Step = 'password' | 'totp' | 'totp-enrol';

function TotpStep({ enrolment, onDone }: { enrolment: TotpEnrolment | null; onDone: (me: Me) => void }) {
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  async function submit({ code }: { code: string }) {
    setBusy(true);
    setError(null);
    try {
      onDone(await post<Me>('/api/auth/totp/verify', { code: code.trim() }));
    } catch (e) {
      setError(problemForForm(form, e));
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {enrolment ? (
        <section aria-labelledby="enrol-title" data-testid="totp-enrolment">
          <Typography.Title level={2} id="enrol-title" style={{ fontSize: 16 }}>
            绑定动态口令
          </Typography.Title>
          <Typography.Paragraph>
            首次登录须绑定身份验证器。请用身份验证器应用扫描二维码，或手动输入下方密钥。
          </Typography.Paragraph>
          <img
            src={enrolment.qrDataUrl}
            alt="动态口令绑定二维码"
            width={180}
            height={180}
            style={{ display: 'block', margin: '0 auto 12px' }}
          />
          <Typography.Paragraph>
            密钥：
            <Typography.Text
              code
              copyable={{ text: enrolment.secret }}
              data-testid="totp-secret"
              style={{ wordBreak: 'break-all' }}
            >
              {enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}
            </Typography.Text>
          </Typography.Paragraph>
        </section>
      ) : (
        <Alert type="info" showIcon title="请输入身份验证器中的 6 位动态口令" style={{ marginBottom: 16 }} />
      )}
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="code"
          label="动态口令"
          rules={[
            { required: true, message: '请输入动态口令' },
            { pattern: /^\d{6}$/, message: '动态口令为 6 位数字' },
          ]}
        >
          <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="totp-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isBusy} data-testid="totp-submit">
          验证
        </Button>
      </Form>
    </>
  );
}

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
