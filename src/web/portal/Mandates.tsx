// Agents (经办人) an enterprise's legal representative authorises: scope (all items or listed item
// codes) and an expiry date; each mandate can be revoked.
import { Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { MandateView } from '../../modules/identity/schema.ts';
import { type EnterpriseRef, get, post, problemForForm } from '../api.ts';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { idNumberMessage, rule } from '../validators.ts';
import { MandateList } from './MandateList.tsx';

export type Mandate = MandateView;

type Values = {
  agentName: string;
  agentIdNumber: string;
  scope: 'all' | 'items';
  itemCodes?: string[];
  validUntil: Dayjs;
};

export function Mandates({ enterprise }: { enterprise: EnterpriseRef }) {
  const [form] = Form.useForm<Values>();
  const [rows, setRows] = useState<Mandate[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const base = `/api/enterprises/${enterprise.id}/mandates`;

  const load = useCallback(async () => {
    try {
      setRows(await get<Mandate[]>(base));
    } catch (e) {
      setError(e);
    }
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await post<Mandate>(base, {
        agentName: values.agentName.trim(),
        agentIdNumber: values.agentIdNumber.trim().toUpperCase(),
        scope: values.scope,
        itemCodes: values.scope === 'items' ? (values.itemCodes ?? []) : undefined,
        validUntil: values.validUntil.format('YYYY-MM-DD'),
      });
      form.resetFields();
      await load();
    } catch (e) {
      setError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await post<Mandate>(`${base}/${id}/revoke`);
      await load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div data-testid={`mandates-${enterprise.uscc}`}>
      <ProblemAlert error={error} />
      <MandateList rows={rows} onRevoke={revoke} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ scope: 'all', validUntil: dayjs().add(1, 'year') }}
        style={{ marginTop: 16, maxWidth: 520 }}
        data-testid="mandate-form"
      >
        <Form.Item
          name="agentName"
          label="经办人姓名"
          rules={[{ required: true, whitespace: true, message: '请输入经办人姓名' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="agentIdNumber"
          label="经办人身份证号码"
          rules={[{ required: true, message: '请输入经办人身份证号码' }, rule(idNumberMessage)]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="scope" label="授权范围">
          <Radio.Group
            options={[
              { value: 'all', label: '全部事项' },
              { value: 'items', label: '指定事项' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['scope']}>
          {({ getFieldValue }) =>
            getFieldValue('scope') === 'items' ? (
              <Form.Item
                name="itemCodes"
                label="事项编码"
                rules={[{ required: true, message: '请至少填写一个事项编码' }]}
              >
                <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} aria-label="事项编码" />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            inputReadOnly={false}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} data-testid="mandate-submit">
          授权经办人
        </Button>
      </Form>
    </div>
  );
}
