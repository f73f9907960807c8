// 使用授权: whom the department admin lets use the seal, until when; 授权 picks a colleague of the department
// (reviewers and heads, from /api/workflow/assignees) and a last day, 撤销 ends one at once. Without any
// active authorisation every staff member of the department may sign; with one, only the authorised,
// the department admin and the head.
import { Button, DatePicker, Form, Grid, Modal, Popconfirm, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AssigneeList } from '../../../modules/workflow/schema.ts';
import { del, post } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { spreadProblems } from '../../common/field-errors.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { authorizationState, type SealAuthorizationView, type SealView } from './seals.ts';

type Colleague = { id: string; name: string };

/** states in which the seal signs nothing, so no authorisation counts */
const STOPPED: SealView['state'][] = ['rejected', 'lost', 'destroyed'];

/** The department's reviewers and heads, once each, by name. */
function useColleagues(isEnabled: boolean): { items: Colleague[]; error: unknown; isLoading: boolean } {
  const reviewers = useLoad<AssigneeList>(isEnabled ? '/api/workflow/assignees?role=reviewer' : null);
  const heads = useLoad<AssigneeList>(isEnabled ? '/api/workflow/assignees?role=dept_head' : null);
  const byId = new Map<string, Colleague>();
  for (const c of [...(reviewers.data?.items ?? []), ...(heads.data?.items ?? [])]) byId.set(c.id, c);
  return {
    items: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    error: reviewers.error ?? heads.error,
    isLoading: reviewers.isLoading || heads.isLoading,
  };
}

function AuthorizeDialog({
  seal,
  colleagues,
  onClose,
  onDone,
}: {
  seal: SealView;
  colleagues: { items: Colleague[]; error: unknown; isLoading: boolean };
  onClose: () => void;
  onDone: (next: SealView) => void;
}) {
  const [form] = Form.useForm<{ accountId: string; until: Dayjs }>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const last = seal.validTo ? dayjs(seal.validTo) : null;
  const yearOn = dayjs().add(1, 'year').endOf('day');
  const initialUntil = last?.isBefore(yearOn) ? last.endOf('day') : yearOn;

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const until = v.until.endOf('day');
      const capped = last && until.isAfter(last) ? last : until;
      onDone(
        await post<SealView>(`/api/seals/${seal.id}/authorizations`, {
          accountId: v.accountId,
          until: capped.toISOString(),
        }),
      );
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="授权使用印章"
      okText="授权"
      cancelText="取消"
      okButtonProps={{ loading: isBusy }}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <p style={{ margin: '0 0 12px', overflowWrap: 'anywhere' }}>{seal.name}</p>
      <ProblemAlert error={error ?? colleagues.error} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ until: initialUntil }}>
        <Form.Item
          name="accountId"
          label="授权给"
          extra="本部门的审批人员和审批负责人"
          rules={[{ required: true, message: '请选择授权给谁' }]}
        >
          <Select
            aria-label="授权给"
            placeholder="选择同事"
            loading={colleagues.isLoading}
            options={colleagues.items.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent="本部门暂无可授权的同事"
            data-testid="authorize-staff"
          />
        </Form.Item>
        <Form.Item
          name="until"
          label="授权截止日期"
          extra={last ? `不晚于印章有效期（${last.format('YYYY-MM-DD')}）` : undefined}
          rules={[{ required: true, message: '请选择截止日期' }]}
        >
          <DatePicker
            aria-label="授权截止日期"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day') || (last ? d.isAfter(last, 'day') : false)}
            data-testid="authorize-until"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function Authorizations({
  seal,
  isOwnAdmin,
  canGrant,
  onChanged,
}: {
  seal: SealView;
  /** the department admin of the seal's department: sees colleagues' names, may revoke */
  isOwnAdmin: boolean;
  /** may grant now (the seal's state still allows it) */
  canGrant: boolean;
  onChanged: (next: SealView) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const colleagues = useColleagues(isOwnAdmin);
  const isWide = Grid.useBreakpoint().md ?? true;
  const nameOf = (accountId: string) =>
    colleagues.items.find((c) => c.id === accountId)?.name ?? `工作人员（账号 ${accountId.slice(-8)}）`;

  async function revoke(a: SealAuthorizationView) {
    setError(null);
    try {
      onChanged(await del<SealView>(`/api/seals/${seal.id}/authorizations/${a.id}`));
    } catch (e) {
      setError(e);
    }
  }

  const isStopped = STOPPED.includes(seal.state);
  const stateOf = (a: SealAuthorizationView) => {
    const s = authorizationState(a);
    return s === '有效' && isStopped ? '随印章停用' : s;
  };
  const stateTag = (a: SealAuthorizationView) => {
    const s = stateOf(a);
    return <StatusTag tone={s === '有效' ? 'success' : 'neutral'}>{s}</StatusTag>;
  };
  const revokeButton = (a: SealAuthorizationView) =>
    isOwnAdmin && stateOf(a) === '有效' ? (
      <Popconfirm
        title={`撤销${nameOf(a.accountId)}的授权？`}
        description="撤销后立即生效。"
        okText="撤销"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={() => revoke(a)}
      >
        <Button size="small" danger aria-label={`撤销 ${nameOf(a.accountId)} 的授权`}>
          撤销
        </Button>
      </Popconfirm>
    ) : null;

  return (
    <>
      <p style={{ marginTop: 0 }}>
        {isStopped
          ? '印章已停用，不能再签章，授权随之失效。'
          : '未设置授权时，本部门工作人员均可使用该印章签章；设置授权后，仅被授权人员、部门管理员和审批负责人可以签章。'}
      </p>
      {canGrant ? (
        <Button
          type="primary"
          onClick={() => setOpen(true)}
          style={{ marginBottom: 12 }}
          data-testid="authorize"
        >
          授权
        </Button>
      ) : null}
      <ProblemAlert error={error} />
      <Table<SealAuthorizationView>
        rowKey="id"
        size="small"
        dataSource={seal.authorizations}
        pagination={false}
        data-testid="seal-authorizations"
        locale={{ emptyText: <EmptyText>暂无授权</EmptyText> }}
        columns={
          isWide
            ? [
                { title: '被授权人', render: (_, a) => nameOf(a.accountId) },
                { title: '授权截止', render: (_, a) => when(a.until) },
                { title: '授权时间', render: (_, a) => when(a.grantedAt) },
                {
                  title: '状态',
                  render: (_, a) => (
                    <>
                      {stateTag(a)}
                      {a.revokedAt ? <span style={{ fontSize: 13 }}>{when(a.revokedAt)}</span> : null}
                    </>
                  ),
                },
                { title: '操作', render: (_, a) => revokeButton(a) },
              ]
            : [
                {
                  title: '授权',
                  render: (_, a) => (
                    <div>
                      <div>
                        <strong>{nameOf(a.accountId)}</strong> {stateTag(a)}
                      </div>
                      <div style={{ fontSize: 13, color: 'rgba(0, 0, 0, 0.65)' }}>
                        至 {when(a.until)} · 授权于 {when(a.grantedAt)}
                      </div>
                      {revokeButton(a)}
                    </div>
                  ),
                },
              ]
        }
      />
      {isOpen ? (
        <AuthorizeDialog
          seal={seal}
          colleagues={colleagues}
          onClose={() => setOpen(false)}
          onDone={(next) => {
            setOpen(false);
            onChanged(next);
          }}
        />
      ) : null}
    </>
  );
}
