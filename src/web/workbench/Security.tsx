// 安全设置 for every staff member: change the password and, when the roles do not already demand it,
// bind a TOTP authenticator (the same enrolment as the first sign-in); later sign-ins then ask for a code.
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { post, type TotpEnrolment } from '../api.ts';
import { ChangePassword } from '../common/ChangePassword.tsx';
import { PageCard } from '../common/PageCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { useSession } from '../session.tsx';
import { TotpStep } from './TotpStep.tsx';

function TotpSection() {
  const { me, setMe } = useSession();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [isJustBound, setJustBound] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  if (!me) return null;

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await post<TotpEnrolment>('/api/auth/totp/enrol'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="totp-title" data-testid="totp-section">
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={2} id="totp-title" style={{ fontSize: 16, margin: 0 }}>
          动态口令
        </Typography.Title>
        <span data-testid="totp-state">
          {me.hasTotp ? (
            <StatusTag tone="success">已绑定</StatusTag>
          ) : (
            <StatusTag tone="neutral">未绑定</StatusTag>
          )}
        </span>
      </Flex>
      {me.hasTotp ? (
        isJustBound ? (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="totp-bound"
            title="身份验证器已绑定"
            description="今后登录时，输入密码后还须输入身份验证器中的 6 位动态口令。"
          />
        ) : (
          <Typography.Paragraph style={{ margin: 0 }}>
            登录时须输入身份验证器中的 6 位动态口令。如需更换身份验证器，请联系系统管理员。
          </Typography.Paragraph>
        )
      ) : enrolment ? (
        <div style={{ maxWidth: 440 }}>
          <TotpStep
            enrolment={enrolment}
            headingLevel={3}
            intro="绑定后每次登录都须输入动态口令。"
            onDone={(next) => {
              setMe(next);
              setEnrolment(null);
              setJustBound(true);
            }}
          />
          <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setEnrolment(null)}>
            暂不绑定
          </Button>
        </div>
      ) : (
        <>
          <Typography.Paragraph>
            您的岗位不强制使用动态口令。绑定身份验证器后，登录时除密码外还须输入 6 位动态口令，账号更安全。
          </Typography.Paragraph>
          <ProblemAlert error={error} />
          <Button onClick={start} loading={isBusy} data-testid="totp-start">
            绑定身份验证器
          </Button>
        </>
      )}
    </section>
  );
}

export default function Security() {
  return (
    <PageCard title="安全设置">
      <Flex vertical gap={32}>
        <section aria-labelledby="password-title">
          <Typography.Title level={2} id="password-title" style={{ fontSize: 16, marginTop: 0 }}>
            修改密码
          </Typography.Title>
          <ChangePassword kind="staff" />
        </section>
        <TotpSection />
      </Flex>
    </PageCard>
  );
}
