// The TOTP second factor on screen: while enrolling, the QR code and the secret to type in by hand;
// then the 6-digit code, checked by POST /api/auth/totp/verify. Staff sign-in and 安全设置 share it.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { type Me, post, problemForForm, type TotpEnrolment } from '../api.ts';
import { ProblemAlert } from '../common/ProblemAlert.tsx';

export function TotpStep({
  enrolment,
  onDone,
  intro = '首次登录须绑定身份验证器。',
  headingLevel = 2,
}: {
  enrolment: TotpEnrolment | null;
  onDone: (me: Me) => void;
  /** Why the authenticator is being bound, before the scanning instructions. */
  intro?: string;
  /** The level of the "绑定动态口令" heading in the page's outline. */
  headingLevel?: 2 | 3;
}) {
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
          <Typography.Title level={headingLevel} id="enrol-title" style={{ fontSize: 16 }}>
            绑定动态口令
          </Typography.Title>
          <Typography.Paragraph>
            {intro}请用身份验证器应用扫描二维码，或手动输入下方密钥。
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
