// 订阅变更通知 on a published resource's page: a data officer chooses push (callback URL, HMAC or
// Ed25519) or pull; the HMAC secret is shown once, right after subscribing.
import { Alert, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { post } from '../../../api.ts';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { type Created, SIGNING_LABEL, subscriptionPath } from './exchange.ts';

type Values = { mode: 'webhook' | 'pull'; url?: string; signing: 'hmac-sha256' | 'ed25519' };

export function SubscribeButton({ resourceId }: { resourceId: string }) {
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);

  async function submit(values: Values) {
    setError(null);
    try {
      setCreated(await post<Created>('/api/sharing/subscriptions', { resourceId, ...values }));
    } catch (e) {
      setError(e);
    }
  }
  const close = () => {
    setOpen(false);
    setCreated(null);
    form.resetFields();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="subscribe">
        订阅变更通知
      </Button>
      <Modal
        open={isOpen}
        title={created ? '订阅成功' : '订阅变更通知'}
        onCancel={close}
        footer={
          created ? (
            <Button type="primary" onClick={close}>
              我已保存，关闭
            </Button>
          ) : (
            <>
              <Button onClick={close}>取消</Button>
              <Button type="primary" onClick={() => form.submit()} data-testid="subscribe-ok">
                订阅
              </Button>
            </>
          )
        }
      >
        {created ? (
          <div data-testid="subscribed">
            {created.secret ? (
              <Alert
                type="warning"
                showIcon
                title="请立即保存签名密钥，关闭后不再显示"
                description={
                  <Typography.Text code copyable data-testid="secret">
                    {created.secret}
                  </Typography.Text>
                }
              />
            ) : null}
            {created.publicKey ? (
              <>
                <p>用以下公钥验证通知签名（Ed25519）：</p>
                <Typography.Paragraph code copyable style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
                  {created.publicKey}
                </Typography.Paragraph>
              </>
            ) : null}
            {created.mode === 'pull' ? (
              <p>请按游标拉取变更：GET /api/sharing/subscriptions/{created.id}/changes</p>
            ) : null}
            <p>
              <Link to={subscriptionPath(created.id)}>查看订阅与投递记录</Link>
            </p>
          </div>
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ mode: 'webhook', signing: 'hmac-sha256' }}
            onFinish={submit}
          >
            <p style={{ marginTop: 0 }}>
              通知只说明资源何时、如何变更（版本、批次、行数），不含数据本身；数据请凭共享授权通过共享接口读取。
            </p>
            <Form.Item name="mode" label="接收方式">
              <Radio.Group
                options={[
                  { value: 'webhook', label: '推送到回调地址' },
                  { value: 'pull', label: '按游标拉取' },
                ]}
              />
            </Form.Item>
            {mode !== 'pull' ? (
              <>
                <Form.Item
                  name="url"
                  label="回调地址"
                  rules={[{ required: true, message: '请填写 http(s) 回调地址' }]}
                >
                  <Input
                    placeholder="https://系统地址/hooks/yiwang"
                    inputMode="url"
                    data-testid="webhook-url"
                  />
                </Form.Item>
                <Form.Item name="signing" label="签名方式">
                  <Radio.Group
                    options={(['hmac-sha256', 'ed25519'] as const).map((v) => ({
                      value: v,
                      label: SIGNING_LABEL[v],
                    }))}
                  />
                </Form.Item>
              </>
            ) : null}
            <ProblemAlert error={error} />
          </Form>
        )}
      </Modal>
    </>
  );
}
