// 申请共享 on a published resource's page: a data officer of another department names the purpose,
// legal basis, the data items wanted and the period. 无条件共享 is granted at once; 有条件 waits.
import { Button, Checkbox, DatePicker, Form, Input, Modal, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../../../api.ts';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import type { ShareRequest } from './grants.ts';

// a validator, not `required`: antd would put aria-required on the group's div (not allowed there)
const atLeastOne = (_: unknown, v?: string[]) =>
  v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少选择一项'));

type Item = { key: string; name: string };
type Values = { purpose: string; legalBasis: string; fields: string[]; period: [Dayjs, Dayjs] };

export function RequestShareButton({ resourceId, items }: { resourceId: string; items: Item[] }) {
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  const [notice, holder] = message.useMessage();
  const navigate = useNavigate();

  async function submit(v: Values) {
    setError(null);
    try {
      const q = await post<ShareRequest>('/api/sharing/requests', {
        resourceId,
        purpose: v.purpose,
        legalBasis: v.legalBasis,
        fields: v.fields,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
      });
      void notice.success(q.state === 'granted' ? '无条件共享，已授权' : '已提交，等待提供部门审批');
      setOpen(false);
      navigate('/workbench/sharing/my-shares');
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      {holder}
      <Button onClick={() => setOpen(true)} data-testid="request-share">
        申请共享
      </Button>
      <Modal
        open={isOpen}
        title="共享申请"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="提交申请"
        okButtonProps={{ 'data-testid': 'request-share-ok' }}
      >
        <ProblemAlert error={error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ fields: items.map((i) => i.key) }}
        >
          <Form.Item name="purpose" label="用途" rules={[{ required: true, min: 2, message: '请写明用途' }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label="依据"
            rules={[{ required: true, min: 2, message: '请写明依据' }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="fields" label="所需信息项" rules={[{ validator: atLeastOne }]}>
            <Checkbox.Group options={items.map((i) => ({ label: i.name, value: i.key }))} />
          </Form.Item>
          <Form.Item name="period" label="使用期限" rules={[{ required: true, message: '请选择期限' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
