// One office or department step on a seal in a dialog: 审核 (通过 / 不通过 with the reason), 制作, 备案 and
// 发放 (an optional note), 挂失 and 销毁 (a reason, after a plain warning of what stops at once). The
// server's field messages land on the fields, anything else above the form; the fresh view goes back.
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { post } from '../../api.ts';
import { spreadProblems } from '../../common/field-errors.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { ACTION_LABELS, type SealAction, type SealPublicView, type SealView } from './seals.ts';

type Values = { approve?: boolean; reason?: string; note?: string };

const TITLES: Record<SealAction, string> = {
  review: '审核印章申请',
  make: '制作印章',
  file: '印章备案',
  issue: '发放印章',
  'report-lost': '印章挂失',
  destroy: '销毁印章',
};

const NOTES: Record<SealAction, string> = {
  review: '通过后进入制作；不通过则申请结束，部门可重新申请。',
  make: '制作将生成该印章的 SM2 签名密钥、RSA 证书和印模图像，有效期自今日起算。',
  file: '备案后可发放给申请部门。',
  issue: '发放后申请部门即可使用该印章签章（如设置了授权，仅限被授权人员、部门管理员和审批负责人）。',
  'report-lost': '',
  destroy: '',
};

const WARNINGS: Partial<Record<SealAction, string>> = {
  'report-lost':
    '挂失后该印章立即停止签章：挂失时刻及之后的签章一律无效，之前的签章仍然有效。挂失不可撤销，如需继续用印请重新申请。',
  destroy: '销毁后印章的私钥将被清除，印章不可恢复，也不能再用于签章。',
};

const reasonRules = (what: string) => [
  { required: true, whitespace: true, message: `请填写${what}` },
  { min: 2, message: '至少 2 个字' },
  { max: 500, message: '不超过 500 字' },
];

function bodyOf(action: SealAction, v: Values): object {
  if (action === 'review') return { approve: v.approve, reason: v.reason };
  if (action === 'report-lost' || action === 'destroy') return { reason: v.reason };
  if (action === 'make') return {};
  return v.note?.trim() ? { note: v.note.trim() } : {};
}

export function SealActionDialog({
  seal,
  action,
  onClose,
  onDone,
}: {
  seal: Pick<SealPublicView, 'id' | 'name' | 'code'>;
  action: SealAction;
  onClose: () => void;
  onDone: (next: SealView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isDanger = action === 'report-lost' || action === 'destroy';
  const warning = WARNINGS[action];

  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onDone(await post<SealView>(`/api/seals/${seal.id}/${action}`, bodyOf(action, values)));
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={TITLES[action]}
      okText={`确定${ACTION_LABELS[action]}`}
      cancelText="取消"
      okButtonProps={{ loading: isBusy, danger: isDanger }}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <p style={{ margin: '0 0 12px', overflowWrap: 'anywhere' }}>
        {seal.name}（印章编码 {seal.code}）
      </p>
      {warning ? (
        <Alert
          type="warning"
          showIcon
          title={warning}
          style={{ marginBottom: 12 }}
          data-testid="seal-warning"
        />
      ) : (
        <p style={{ margin: '0 0 12px', color: 'rgba(0, 0, 0, 0.65)' }}>{NOTES[action]}</p>
      )}
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={action === 'review' ? { approve: true } : undefined}
      >
        {action === 'review' ? (
          <Form.Item name="approve" label="审核结论" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: '通过' },
                { value: false, label: '不通过' },
              ]}
            />
          </Form.Item>
        ) : null}
        {action === 'review' || isDanger ? (
          <Form.Item
            name="reason"
            label={action === 'review' ? '审核意见' : `${ACTION_LABELS[action]}原因`}
            rules={reasonRules(action === 'review' ? '审核意见' : `${ACTION_LABELS[action]}原因`)}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="seal-reason" />
          </Form.Item>
        ) : null}
        {action === 'file' || action === 'issue' ? (
          <Form.Item name="note" label="备注（可选）" rules={[{ max: 500, message: '不超过 500 字' }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="seal-note" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
