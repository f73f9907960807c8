// Staff accounts (工作人员): list with roles and state, create with an initial password, change
// roles or department, disable, and unlock after too many failed sign-ins.
import { Button, Form, Input, Modal, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { patch, post, problemForForm } from '../api.ts';
import { PageCard } from '../common/PageCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { itemsOf, useLoad } from '../common/useLoad.ts';
import { useSession } from '../session.tsx';
import { passwordProblem, rule } from '../validators.ts';
import { ROLE_LABEL } from '../workbench/menu.ts';
import type { Department, List, RoleInfo, Staff } from './types.ts';

type Values = Partial<Omit<Staff, 'id' | 'isLocked' | 'hasTotp'>> & { password?: string };

export default function StaffAdmin() {
  const { me } = useSession();
  const staff = useLoad<List<Staff>>('/api/admin/staff');
  const roles = useLoad<List<RoleInfo>>('/api/admin/roles');
  const departments = useLoad<List<Department>>('/api/org/departments');
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const departmentName = new Map(itemsOf(departments.data).map((d) => [d.id, d.name]));
  const roleOptions = itemsOf(roles.data).map((r) => ({
    value: r.role,
    label: r.needsTotp ? `${r.label}（需动态口令）` : r.label,
  }));

  function open(target: Staff | 'new') {
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(
      target === 'new' ? { divisionCode: me?.divisionCode ?? '', roles: [], departmentId: null } : target,
    );
    setEditing(target);
  }

  async function submit(values: Values) {
    setBusy(true);
    setFormError(null);
    try {
      if (editing === 'new')
        await post('/api/admin/staff', { ...values, departmentId: values.departmentId ?? null });
      else if (editing) {
        const { username: _u, password: _p, ...changes } = values;
        await patch(`/api/admin/staff/${editing.id}`, changes);
      }
      setEditing(null);
      await staff.reload();
    } catch (e) {
      setFormError(problemForForm(form, e));
    } finally {
      setBusy(false);
    }
  }

  async function unlock(s: Staff) {
    setError(null);
    try {
      await post(`/api/admin/staff/${s.id}/unlock`);
      await staff.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <PageCard
      title="工作人员"
      extra={
        <Button type="primary" onClick={() => open('new')} data-testid="staff-new">
          新增工作人员
        </Button>
      }
    >
      <ProblemAlert error={staff.error ?? error} />
      <Table<Staff>
        rowKey="id"
        size="small"
        loading={staff.isLoading}
        dataSource={itemsOf(staff.data)}
        scroll={{ x: 820 }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'name' },
          {
            title: '部门',
            dataIndex: 'departmentId',
            render: (id: string | null) => (id ? (departmentName.get(id) ?? '—') : '—'),
          },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (rs: Staff['roles']) =>
              rs.map((r) => (
                <StatusTag key={r} tone="neutral">
                  {ROLE_LABEL[r]}
                </StatusTag>
              )),
          },
          {
            title: '状态',
            render: (_, s) => (
              <>
                {s.isDisabled ? (
                  <StatusTag tone="neutral">已停用</StatusTag>
                ) : (
                  <StatusTag tone="success">正常</StatusTag>
                )}
                {s.isLocked ? <StatusTag tone="danger">已锁定</StatusTag> : null}
                {s.hasTotp ? <StatusTag tone="info">已绑定口令</StatusTag> : null}
              </>
            ),
          },
          {
            title: '操作',
            render: (_, s) => (
              <>
                <Button size="small" onClick={() => open(s)} style={{ marginRight: 8 }}>
                  编辑
                </Button>
                {s.isLocked ? (
                  <Button size="small" onClick={() => unlock(s)}>
                    解锁
                  </Button>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增工作人员' : '编辑工作人员'}
        okText="保存"
        confirmLoading={isBusy}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <ProblemAlert error={formError} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32 位字母、数字或 _ . -' },
            ]}
          >
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label="姓名"
            rules={[{ required: true, whitespace: true, min: 2, message: '请输入姓名（至少 2 个字）' }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="departmentId" label="所属部门">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label="所属部门"
              options={itemsOf(departments.data).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item
            name="divisionCode"
            label="行政区划代码"
            rules={[{ required: true, pattern: /^\d{6}(\d{3})?$/, message: '应为 6 位或 9 位数字' }]}
          >
            <Input maxLength={9} />
          </Form.Item>
          <Form.Item
            name="roles"
            label="角色"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}
          >
            <Select
              mode="multiple"
              aria-label="角色"
              options={roleOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          {editing === 'new' ? (
            <Form.Item
              name="password"
              label="初始密码"
              extra="至少 12 位，包含大写字母、小写字母、数字、符号中的至少 3 类"
              rules={[
                { required: true, message: '请设置初始密码' },
                rule((v) => passwordProblem(v, 'staff')),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : (
            <Form.Item name="isDisabled" label="停用账号" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </PageCard>
  );
}
