// The citizen's enterprises: open one (the caller becomes its legal representative) and, for those
// they represent, manage the agents (经办人) they authorise.
import { Button, Card, Collapse, Empty, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type EnterpriseRef, type Me, post, problemForForm } from '../api.ts';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { useSession } from '../session.tsx';
import { rule, usccMessage } from '../validators.ts';
import { Mandates } from './Mandates.tsx';

type NewEnterprise = { uscc: string; name: string };

function OpenEnterprise({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<NewEnterprise>();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  async function submit(values: NewEnterprise) {
    setBusy(true);
    setError(null);
    try {
      await post<EnterpriseRef>('/api/enterprises', {
        uscc: values.uscc.trim().toUpperCase(),
        name: values.name.trim(),
      });
      form.resetFields();
      setOpen(false);
      onDone();
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="open-enterprise">
        登记我的企业
      </Button>
      <Modal
        open={isOpen}
        title="登记企业（本人为法定代表人）"
        okText="提交"
        confirmLoading={isBusy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="uscc"
            label="统一社会信用代码"
            rules={[{ required: true, message: '请输入统一社会信用代码' }, rule(usccMessage)]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            name="name"
            label="企业名称"
            rules={[{ required: true, whitespace: true, message: '请输入企业名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function Enterprises({ me }: { me: Me }) {
  const { refresh } = useSession();
  const represented = me.enterprises.filter((e) => e.relation === 'legal_rep');
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>我的企业</h2>}
      extra={<OpenEnterprise onDone={refresh} />}
    >
      {me.enterprises.length === 0 ? (
        <Empty description="尚未关联企业" />
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 12px' }} data-testid="enterprise-list">
          {me.enterprises.map((e) => (
            <li key={e.id} style={{ padding: '8px 0', borderBottom: '1px solid #eef0f3' }}>
              <strong>{e.name}</strong>{' '}
              <StatusTag tone={e.relation === 'legal_rep' ? 'info' : 'success'}>
                {e.relation === 'legal_rep' ? '法定代表人' : '经办人'}
              </StatusTag>
              <div style={{ color: '#4a5363', fontSize: 13 }}>统一社会信用代码：{e.uscc}</div>
            </li>
          ))}
        </ul>
      )}
      {represented.length > 0 ? (
        <Collapse
          items={represented.map((e) => ({
            key: e.id,
            label: `${e.name} · 经办人授权`,
            children: <Mandates enterprise={e} />,
          }))}
        />
      ) : null}
    </Card>
  );
}
