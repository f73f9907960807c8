// Service halls (政务服务大厅) and their windows (窗口): list, add a hall, add a window to a hall.
import { Button, Checkbox, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { post, problemForForm } from '../api.ts';
import { PageCard } from '../common/PageCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { itemsOf, useLoad } from '../common/useLoad.ts';
import { useSession } from '../session.tsx';
import type { Department, Hall, HallWindow, List } from './types.ts';

type Dialog = { kind: 'hall' } | { kind: 'window'; hall: Hall } | null;
type Values = Record<string, string | boolean | string[]>;

export default function Halls() {
  const { me } = useSession();
  const halls = useLoad<List<Hall>>('/api/org/halls');
  const departments = useLoad<List<Department>>('/api/org/departments');
  const [form] = Form.useForm<Values>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const departmentName = new Map(itemsOf(departments.data).map((d) => [d.id, d.shortName || d.name]));

  function open(next: Dialog) {
    setFormError(null);
    form.resetFields();
    if (next?.kind === 'hall') form.setFieldsValue({ divisionCode: me?.divisionCode ?? '' });
    setDialog(next);
  }

  async function submit(values: Values) {
    setBusy(true);
    setFormError(null);
    try {
      if (dialog?.kind === 'hall') await post('/api/admin/halls', values);
      if (dialog?.kind === 'window') await post('/api/admin/windows', { ...values, hallId: dialog.hall.id });
      setDialog(null);
      await halls.reload();
    } catch (e) {
      setFormError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  const windowColumns = [
    { title: '窗口号', dataIndex: 'number' },
    { title: '窗口名称', dataIndex: 'name' },
    {
      title: '类型',
      dataIndex: 'isComprehensive',
      render: (v: boolean) =>
        v ? <StatusTag tone="info">综合窗口</StatusTag> : <StatusTag tone="neutral">专业窗口</StatusTag>,
    },
    {
      title: '进驻部门',
      dataIndex: 'departmentIds',
      render: (ids: string[]) => ids.map((id) => departmentName.get(id) ?? id).join('、') || '—',
    },
  ];

  return (
    <PageCard
      title="大厅与窗口"
      extra={
        <Button type="primary" onClick={() => open({ kind: 'hall' })} data-testid="hall-new">
          新增大厅
        </Button>
      }
    >
      <ProblemAlert error={halls.error} />
      <Table<Hall>
        rowKey="id"
        size="small"
        loading={halls.isLoading}
        dataSource={itemsOf(halls.data)}
        scroll={{ x: 720 }}
        expandable={{
          expandedRowRender: (h) => (
            <Table<HallWindow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={h.windows}
              columns={windowColumns}
              locale={{ emptyText: '暂无窗口' }}
            />
          ),
        }}
        columns={[
          { title: '大厅名称', dataIndex: 'name' },
          { title: '地址', dataIndex: 'address' },
          { title: '办公时间', dataIndex: 'hours' },
          { title: '电话', dataIndex: 'phone' },
          { title: '窗口数', render: (_, h) => h.windows.length },
          {
            title: '操作',
            render: (_, h) => (
              <Button size="small" onClick={() => open({ kind: 'window', hall: h })}>
                添加窗口
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'window' ? `为“${dialog.hall.name}”添加窗口` : '新增大厅'}
        okText="保存"
        confirmLoading={isBusy}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <ProblemAlert error={formError} />
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog?.kind === 'window' ? (
            <>
              <Form.Item
                name="number"
                label="窗口编号"
                rules={[
                  { required: true, pattern: /^[0-9A-Za-z-]{1,10}$/, message: '1–10 位字母、数字或连字符' },
                ]}
              >
                <Input maxLength={10} />
              </Form.Item>
              <Form.Item
                name="name"
                label="窗口名称"
                rules={[{ required: true, whitespace: true, message: '请输入窗口名称' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="isComprehensive" valuePropName="checked">
                <Checkbox>综合窗口（无差别受理）</Checkbox>
              </Form.Item>
              <Form.Item name="departmentIds" label="进驻部门">
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  aria-label="进驻部门"
                  options={itemsOf(departments.data).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="divisionCode"
                label="行政区划代码"
                rules={[{ required: true, pattern: /^\d{6}(\d{3})?$/, message: '应为 6 位或 9 位数字' }]}
              >
                <Input maxLength={9} />
              </Form.Item>
              <Form.Item
                name="name"
                label="大厅名称"
                rules={[{ required: true, whitespace: true, message: '请输入大厅名称' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="address" label="地址">
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="hours" label="办公时间">
                <Input maxLength={200} placeholder="如：工作日 9:00–17:00" />
              </Form.Item>
              <Form.Item name="phone" label="咨询电话">
                <Input maxLength={30} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </PageCard>
  );
}
