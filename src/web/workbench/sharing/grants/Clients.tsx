// 接入系统 (/workbench/sharing/clients): a consuming department's systems that call the sharing API with
// OAuth2 client credentials. The secret is shown once, right after registering; a system can be disabled.
import { Alert, Button, Form, Input, InputNumber, Modal, message, Table, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../../api.ts';
import { EmptyText } from '../../../common/EmptyText.tsx';
import { PageCard } from '../../../common/PageCard.tsx';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { StatusTag } from '../../../common/StatusTag.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { useTitle } from '../../../common/useTitle.ts';
import { type CreatedClient, type SystemClient, time } from './grants.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

export default function Clients() {
  useTitle('接入系统');
  const { data, error, isLoading, reload } = useLoad<{ items: SystemClient[] }>('/api/sharing/clients');
  const [isOpen, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, holder] = message.useMessage();
  const [form] = Form.useForm<{ name: string; ratePerMinute: number }>();

  async function register(v: { name: string; ratePerMinute: number }) {
    setActionError(null);
    try {
      setCreated(await post<CreatedClient>('/api/sharing/clients', v));
      void reload();
    } catch (e) {
      setActionError(e);
    }
  }
  async function disable(c: SystemClient) {
    setActionError(null);
    try {
      await post(`/api/sharing/clients/${c.clientId}/disable`);
      void notice.success('已停用');
      void reload();
    } catch (e) {
      setActionError(e);
    }
  }
  const close = () => {
    setOpen(false);
    setCreated(null);
    form.resetFields();
  };
  const issuer = `${window.location.origin}/oidc`;

  return (
    <PageCard
      title="接入系统"
      extra={
        <Button type="primary" onClick={() => setOpen(true)} data-testid="new-client">
          登记接入系统
        </Button>
      }
    >
      {holder}
      <p style={{ marginTop: 0, wordBreak: 'break-all' }}>
        接入系统以 OAuth2 客户端凭证方式（client_credentials）向 {issuer} 获取访问令牌，再调用
        /share/v1/resources/{'{资源代码}'}/rows。
      </p>
      <ProblemAlert error={error ?? actionError} />
      <ScrollRegion label="接入系统列表">
        <Table<SystemClient>
          rowKey="clientId"
          size="small"
          loading={isLoading}
          dataSource={data?.items ?? []}
          style={{ minWidth: 640 }}
          pagination={false}
          locale={{ emptyText: <EmptyText>暂无接入系统</EmptyText> }}
          data-testid="clients"
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '客户端标识', render: (_, c) => <Typography.Text code>{c.clientId}</Typography.Text> },
            { title: '每分钟上限', dataIndex: 'ratePerMinute' },
            { title: '登记', render: (_, c) => `${c.createdByName} ${time(c.createdAt)}` },
            {
              title: '状态',
              render: (_, c) =>
                c.isEnabled ? (
                  <StatusTag tone="success">启用</StatusTag>
                ) : (
                  <StatusTag tone="neutral">已停用</StatusTag>
                ),
            },
            {
              title: '操作',
              render: (_, c) =>
                c.isEnabled ? (
                  <Button size="small" type="link" danger onClick={() => disable(c)}>
                    停用
                  </Button>
                ) : null,
            },
          ]}
        />
      </ScrollRegion>
      <Modal
        open={isOpen}
        title={created ? '登记成功' : '登记接入系统'}
        onCancel={close}
        footer={
          created ? (
            <Button type="primary" onClick={close} data-testid="client-saved">
              我已保存，关闭
            </Button>
          ) : (
            <>
              <Button onClick={close}>取消</Button>
              <Button type="primary" onClick={() => form.submit()} data-testid="client-ok">
                登记
              </Button>
            </>
          )
        }
      >
        {created ? (
          <Alert
            type="warning"
            showIcon
            title="请立即保存客户端密钥，关闭后不再显示"
            description={
              <>
                <div>
                  客户端标识：
                  <Typography.Text code copyable>
                    {created.clientId}
                  </Typography.Text>
                </div>
                <div style={{ wordBreak: 'break-all' }}>
                  客户端密钥：
                  <Typography.Text code copyable data-testid="client-secret">
                    {created.clientSecret}
                  </Typography.Text>
                </div>
              </>
            }
          />
        ) : (
          <Form form={form} layout="vertical" onFinish={register} initialValues={{ ratePerMinute: 600 }}>
            <ProblemAlert error={actionError} />
            <Form.Item
              name="name"
              label="系统名称"
              rules={[{ required: true, min: 2, message: '请填写系统名称' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="ratePerMinute" label="每分钟调用上限">
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </PageCard>
  );
}
