// Citizen registration (实名注册): real name, ID number, mobile, password. The same rules as the
// server run in the browser first; the server's per-field messages land on the fields they name.
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Me, post, problemForForm } from '../api.ts';
import { FormCard } from '../common/FormCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { useSession } from '../session.tsx';
import { idNumberMessage, passwordProblem, phoneMessage, rule } from '../validators.ts';

type Values = { realName: string; idNumber: string; phone: string; password: string; confirm: string };

export default function Register() {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const { setMe } = useSession();
  const navigate = useNavigate();

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const me = await post<Me>('/api/auth/citizen/register', {
        realName: values.realName.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
        phone: values.phone.trim(),
        password: values.password,
      });
      setMe(me);
      navigate('/me');
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormCard title="个人用户注册">
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        data-testid="register-form"
      >
        <Form.Item
          name="realName"
          label="真实姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入真实姓名' },
            { max: 50, message: '姓名最多 50 个字' },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="居民身份证号码"
          rules={[{ required: true, message: '请输入身份证号码' }, rule(idNumberMessage)]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号码"
          rules={[{ required: true, message: '请输入手机号码' }, rule(phoneMessage)]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="password"
          label="登录密码"
          extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类"
          rules={[{ required: true, message: '请设置密码' }, rule((v) => passwordProblem(v))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={isBusy}
          data-testid="register-submit"
        >
          注册并登录
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        已有账号？<Link to="/login">立即登录</Link>
      </Typography.Paragraph>
    </FormCard>
  );
}
