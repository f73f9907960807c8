// 监察规则 (/workbench/supervision/rules). Each rule with its level, what it watches, its parameters and
// whether it is on; the supervisor edits parameters and switches a rule on or off in a dialog. The
// numbers go to the server as typed: its refusal (监察规则参数不合理, with what is wrong) shows in the
// dialog. The service office reads the rules without editing.
import { Button, Flex, Form, InputNumber, Modal, message, Switch, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, put } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { isSupervisor, RULE_HINTS, RULE_PARAMS_UI, type RuleView } from './supervision.ts';
import { LevelTag } from './Tags.tsx';

const muted = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 } as const;

function ParamsText({ rule }: { rule: RuleView }) {
  const fields = RULE_PARAMS_UI[rule.code];
  if (fields.length === 0) return <span style={muted}>无参数</span>;
  return <span>{fields.map((f) => `${f.label} ${rule.params[f.key] ?? '—'} ${f.unit}`).join('，')}</span>;
}

/** The server names a parameter by its key ("percent: …"); the dialog shows the field's label instead. */
function relabel(error: unknown, fields: Array<{ key: string; label: string; unit: string }>): unknown {
  if (!(error instanceof ApiError) || !error.detail) return error;
  let detail = error.detail;
  for (const f of fields) detail = detail.replaceAll(`${f.key}:`, `${f.label}（${f.unit}）：`);
  return new ApiError(error.status, {
    code: error.code,
    title: error.title,
    detail,
    errors: error.fieldErrors,
    requestId: error.requestId,
  });
}

function EditDialog({
  rule,
  onClose,
  onDone,
}: {
  rule: RuleView;
  onClose: () => void;
  onDone: (r: RuleView) => void;
}) {
  const [form] = Form.useForm<{ isEnabled: boolean; params: Record<string, number | null> }>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = RULE_PARAMS_UI[rule.code];
  async function submit() {
    const v = form.getFieldsValue(true) as { isEnabled: boolean; params?: Record<string, number | null> };
    setBusy(true);
    setError(null);
    try {
      const params = Object.fromEntries(fields.map((f) => [f.key, v.params?.[f.key] ?? null]));
      onDone(await put<RuleView>(`/api/supervision/rules/${rule.code}`, { isEnabled: v.isEnabled, params }));
    } catch (e) {
      setError(relabel(e, fields));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={`修改监察规则：${rule.name}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: isBusy }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <p style={{ marginTop: 0 }}>{RULE_HINTS[rule.code]}</p>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ isEnabled: rule.isEnabled, params: rule.params }}>
        <Form.Item name="isEnabled" label="启用" valuePropName="checked">
          <Switch data-testid="rule-enabled" />
        </Form.Item>
        {fields.map((f) => (
          <Form.Item key={f.key} name={['params', f.key]} label={f.label}>
            <InputNumber
              precision={0}
              suffix={f.unit}
              style={{ width: 220 }}
              data-testid={`param-${f.key}`}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

export default function RuleList() {
  useTitle('监察规则');
  const { me } = useSession();
  const canEdit = isSupervisor(me?.roles ?? []);
  const { data, error, isLoading, reload } = useLoad<{ items: RuleView[] }>('/api/supervision/rules');
  const [editing, setEditing] = useState<RuleView | null>(null);
  const [notice, contextHolder] = message.useMessage();
  return (
    <PageCard title="监察规则" extra={<Link to="/workbench/supervision">返回电子监察</Link>}>
      {contextHolder}
      <p style={{ marginTop: 0 }}>
        规则在每次办件状态变化时和每分钟一次的巡检中评估；修改参数后，下一次评估即按新参数亮牌或消除预警。
      </p>
      <ProblemAlert error={error} />
      <Table<RuleView>
        rowKey="code"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: '规则',
            render: (_, r) => (
              <Flex vertical gap={4} data-testid={`rule-${r.code}`}>
                <Flex gap={8} wrap align="center">
                  <strong>{r.name}</strong>
                  <LevelTag level={r.level} />
                  {r.isEnabled ? null : <StatusTag tone="neutral">已停用</StatusTag>}
                </Flex>
                <div style={muted}>{RULE_HINTS[r.code]}</div>
                <div data-testid={`rule-params-${r.code}`}>
                  <ParamsText rule={r} />
                </div>
                <div style={muted}>更新于 {when(r.updatedAt)}</div>
              </Flex>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  width: 90,
                  render: (_: unknown, r: RuleView) => (
                    <Button onClick={() => setEditing(r)} data-testid={`edit-${r.code}`}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <EditDialog
          rule={editing}
          onClose={() => setEditing(null)}
          onDone={(r) => {
            setEditing(null);
            void notice.success(`已保存：${r.name}`);
            void reload();
          }}
        />
      ) : null}
    </PageCard>
  );
}
