// 共享审批 (/workbench/sharing/approvals): the provider's data officer approves requests on its
// resources (narrow the fields, filter rows, unmask sensitive items, set a daily quota and expiry) or
// rejects them with a reason, and revokes grants; a revoked grant stops the next call.
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, message, Select, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { post } from '../../../api.ts';
import { PageCard } from '../../../common/PageCard.tsx';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { useTitle } from '../../../common/useTitle.ts';
import type { ResourceView } from '../sharing.ts';
import type { Grant, ShareRequest } from './grants.ts';
import { GrantTable, RequestTable } from './MyShares.tsx';

// a validator, not `required`: antd would put aria-required on the group's div (not allowed there)
const atLeastOne = (_: unknown, v?: string[]) =>
  v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少选择一项'));

type ApproveValues = {
  fields: string[];
  unmasked: string[];
  dailyQuota?: number | null;
  expiresOn?: Dayjs | null;
  filterKey?: string;
  filterValues?: string;
};

export default function Approvals() {
  useTitle('共享审批');
  const requests = useLoad<{ items: ShareRequest[] }>('/api/sharing/requests?side=provided');
  const grants = useLoad<{ items: Grant[] }>('/api/sharing/grants?side=provided');
  const [notice, holder] = message.useMessage();
  const [error, setError] = useState<unknown>(null);
  const [approving, setApproving] = useState<ShareRequest | null>(null);
  const [rejecting, setRejecting] = useState<ShareRequest | null>(null);
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<ApproveValues>();
  const resource = useLoad<ResourceView>(approving ? `/api/sharing/resources/${approving.resourceId}` : null);
  const asked = (resource.data?.items ?? []).filter((i) => approving?.fields.includes(i.key));

  async function run(path: string, body: object, done: string) {
    setError(null);
    try {
      await post(path, body);
      void notice.success(done);
      setApproving(null);
      setRejecting(null);
      setRevoking(null);
      setReason('');
      void requests.reload();
      void grants.reload();
    } catch (e) {
      setError(e);
    }
  }
  const approve = (v: ApproveValues) =>
    approving &&
    run(
      `/api/sharing/requests/${approving.id}/approve`,
      {
        fields: v.fields,
        unmasked: v.unmasked ?? [],
        dailyQuota: v.dailyQuota ?? null,
        expiresOn: v.expiresOn ? v.expiresOn.format('YYYY-MM-DD') : null,
        rowFilter:
          v.filterKey && v.filterValues
            ? [{ key: v.filterKey, values: v.filterValues.split(/[,，\s]+/).filter(Boolean) }]
            : [],
      },
      '已同意并授权',
    );

  const pending = (requests.data?.items ?? []).filter((q) => q.state === 'pending');
  const decided = (requests.data?.items ?? []).filter((q) => q.state !== 'pending');
  return (
    <PageCard title="共享审批">
      {holder}
      <p style={{ marginTop: 0 }}>
        其他部门对本部门资源的共享申请和已授出的授权。敏感信息项默认脱敏；撤销授权后下一次调用即被拒绝。
      </p>
      <ProblemAlert
        error={requests.error ?? grants.error ?? (approving || rejecting || revoking ? null : error)}
      />
      <Tabs
        tabBarGutter={16}
        items={[
          {
            key: 'pending',
            label: `待审批（${pending.length}）`,
            children: (
              <RequestTable
                items={pending}
                isLoading={requests.isLoading}
                extra={{
                  title: '操作',
                  render: (_: unknown, q: ShareRequest) => (
                    <>
                      <Button
                        size="small"
                        type="link"
                        data-testid="approve-request"
                        onClick={() => {
                          form.setFieldsValue({ fields: q.fields, unmasked: [], dailyQuota: null });
                          setApproving(q);
                        }}
                      >
                        同意
                      </Button>
                      <Button size="small" type="link" danger onClick={() => setRejecting(q)}>
                        不同意
                      </Button>
                    </>
                  ),
                }}
              />
            ),
          },
          {
            key: 'grants',
            label: '已授权',
            children: (
              <GrantTable
                items={grants.data?.items ?? []}
                isLoading={grants.isLoading}
                extra={{
                  title: '操作',
                  render: (_: unknown, g: Grant) =>
                    g.state === 'active' ? (
                      <Button
                        size="small"
                        type="link"
                        danger
                        data-testid="revoke-grant"
                        onClick={() => setRevoking(g)}
                      >
                        撤销
                      </Button>
                    ) : null,
                }}
              />
            ),
          },
          {
            key: 'decided',
            label: '已处理',
            children: <RequestTable items={decided} isLoading={requests.isLoading} />,
          },
        ]}
      />
      <Modal
        open={approving !== null}
        title="同意共享申请"
        onCancel={() => setApproving(null)}
        onOk={() => form.submit()}
        okText="同意并授权"
        okButtonProps={{ 'data-testid': 'approve-ok' }}
      >
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={approve}>
          <Form.Item name="fields" label="授权信息项（只能缩小）" rules={[{ validator: atLeastOne }]}>
            <Checkbox.Group options={asked.map((i) => ({ label: i.name, value: i.key }))} />
          </Form.Item>
          <Form.Item name="unmasked" label="以明文提供的敏感信息项（默认全部脱敏）">
            <Checkbox.Group
              options={asked
                .filter((i) => i.sensitivity !== 'general')
                .map((i) => ({ label: i.name, value: i.key }))}
            />
          </Form.Item>
          <Form.Item name="filterKey" label="行过滤：信息项（可选）">
            <Select allowClear options={asked.map((i) => ({ label: i.name, value: i.key }))} />
          </Form.Item>
          <Form.Item name="filterValues" label="行过滤：取值（逗号分隔）">
            <Input placeholder="如 存续,在业" maxLength={2000} />
          </Form.Item>
          <Form.Item name="dailyQuota" label="每日调用次数上限（空为不限）">
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expiresOn" label="有效期至（空为申请期限结束）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={rejecting !== null || revoking !== null}
        title={rejecting ? '不同意共享申请' : '撤销授权'}
        onCancel={() => {
          setRejecting(null);
          setRevoking(null);
        }}
        onOk={() =>
          rejecting
            ? run(`/api/sharing/requests/${rejecting.id}/reject`, { reason }, '已退回申请')
            : revoking && run(`/api/sharing/grants/${revoking.id}/revoke`, { reason }, '已撤销授权')
        }
        okText="确定"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, 'data-testid': 'reason-ok' }}
      >
        <ProblemAlert error={error} />
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="请写明原因"
          aria-label="原因"
          maxLength={1000}
        />
      </Modal>
    </PageCard>
  );
}
