// Departments (部门): list, create and edit name, short name, kind and unified social credit code.
import { Button, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { patch, post, problemForForm } from '../api.ts';
import { PageCard } from '../common/PageCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { itemsOf, useLoad } from '../common/useLoad.ts';
import { useSession } from '../session.tsx';
import { rule, usccMessage } from '../validators.ts';
import type { Department, List } from './types.ts';

type Values = Omit<Department, 'id'>;

export default function Departments() {
  const { me } = useSession();
  const { data, error, isLoading, reload } = useLoad<List<Department>>('/api/org/departments');
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  function open(target: Department | 'new') {
    setFormError(null);
    setEditing(target);
    form.setFieldsValue(
      target === 'new'
        ? { divisionCode: me?.divisionCode ?? '', name: '', shortName: '', kind: '', uscc: '' }
        : target,
    );
  }

  async function submit(values: Values) {
    setBusy(true);
    setFormError(null);
    try {
      if (editing === 'new') await post('/api/admin/departments', values);
      else if (editing) {
        const { divisionCode: _unchanged, ...changes } = values;
        await patch(`/api/admin/departments/${editing.id}`, changes);
      }
      setEditing(null);
      await reload();
    } catch (e) {
      setFormError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageCard
      title="部门管理"
      extra={
        <Button type="primary" onClick={() => open('new')} data-testid="department-new">
          新增部门
        </Button>
      }
    >
      <ProblemAlert error={error} />
      <Table<Department>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={itemsOf(data)}
        scroll={{ x: 720 }}
        columns={[
          { title: '部门名称', dataIndex: 'name' },
          { title: '简称', dataIndex: 'shortName' },
          { title: '类别', dataIndex: 'kind' },
          { title: '统一社会信用代码', dataIndex: 'uscc' },
          { title: '行政区划', dataIndex: 'divisionCode' },
          {
            title: '操作',
            render: (_, d) => (
              <Button size="small" onClick={() => open(d)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增部门' : '编辑部门'}
        okText="保存"
        confirmLoading={isBusy}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <ProblemAlert error={formError} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="divisionCode"
            label="行政区划代码"
            rules={[{ required: true, pattern: /^\d{6}(\d{3})?$/, message: '应为 6 位或 9 位数字' }]}
          >
            <Input disabled={editing !== 'new'} maxLength={9} />
          </Form.Item>
          <Form.Item
            name="name"
            label="部门名称"
            rules={[{ required: true, whitespace: true, message: '请输入部门名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="shortName"
            label="简称"
            rules={[{ required: true, whitespace: true, message: '请输入简称' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="kind" label="类别">
            <Input maxLength={50} placeholder="如：政府组成部门" />
          </Form.Item>
          <Form.Item
            name="uscc"
            label="统一社会信用代码"
            rules={[{ required: true, message: '请输入统一社会信用代码' }, rule(usccMessage)]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
