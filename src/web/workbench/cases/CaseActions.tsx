// The buttons of the actions the server allows on a case now (CaseView.allowed): 受理, 一次性告知补正 (a
// list of items), 不予受理 (reason and legal basis), 退件, 特别程序 start/end, 延长审批, 办结.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { type CaseView, SPECIAL_KINDS } from '../../common/cases.ts';
import { ActionDialog, type ActionSpec } from './ActionDialog.tsx';

const text = (name: string, label: string, message: string, rows = 2, max = 1000) => (
  <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, message }]}>
    <Input.TextArea maxLength={max} autoSize={{ minRows: rows, maxRows: 8 }} />
  </Form.Item>
);
const optionalNote = (label: string) => (
  <Form.Item name="note" label={label}>
    <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
  </Form.Item>
);

function SupplementItems({ names }: { names: string[] }) {
  return (
    <Form.List name="items" initialValue={[{ name: '', reason: '' }]}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, i) => (
            <div
              key={field.key}
              style={{ border: '1px solid #eef0f3', borderRadius: 6, padding: '8px 10px' }}
            >
              <Form.Item
                name={[field.name, 'name']}
                label={`第 ${i + 1} 项：材料名称`}
                rules={[{ required: true, whitespace: true, message: '请填写需要补正的材料' }]}
                style={{ marginBottom: 8 }}
              >
                <AutoComplete options={names.map((n) => ({ value: n }))} maxLength={200} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'reason']}
                label="补正要求"
                rules={[{ required: true, whitespace: true, message: '请写明补正要求' }]}
                style={{ marginBottom: 4 }}
              >
                <Input maxLength={500} />
              </Form.Item>
              {fields.length > 1 ? (
                <Button type="link" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                  删除此项
                </Button>
              ) : null}
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ name: '', reason: '' })}>
            添加一项
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

type Any = Record<string, unknown>;
const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function specs(view: CaseView): Record<string, ActionSpec<Any>> {
  const names = [...new Set(view.materials.map((m) => m.name))];
  const at = (suffix: string) => (id: string) => `/api/cases/${id}/${suffix}`;
  return {
    accept: {
      key: 'accept',
      label: '受理',
      title: '受理',
      isPrimary: true,
      note: '材料齐全、符合法定形式，予以受理；受理后开始计算办理时限，进入审查。',
      path: at('accept'),
      fields: optionalNote('受理意见（选填）'),
      body: (v) => ({ note: trim(v.note) }),
    },
    supplement: {
      key: 'supplement',
      label: '一次性告知补正',
      title: '一次性告知补正',
      note: '请一次性列出全部需要补正的材料及要求。',
      path: at('supplement'),
      fields: (
        <>
          <SupplementItems names={names} />
          <div style={{ marginTop: 12 }}>{optionalNote('补充说明（选填）')}</div>
        </>
      ),
      body: (v) => ({
        items: ((v.items as Any[] | undefined) ?? []).map((i) => ({
          name: trim(i.name),
          reason: trim(i.reason),
        })),
        note: trim(v.note),
      }),
    },
    refuse: {
      key: 'refuse',
      label: '不予受理',
      title: '不予受理',
      isDanger: true,
      path: at('refuse'),
      fields: (
        <>
          {text('reason', '不予受理理由', '请填写理由')}
          {text('basis', '法律依据', '请填写法律依据', 2, 500)}
        </>
      ),
      body: (v) => ({ reason: trim(v.reason), basis: trim(v.basis) }),
    },
    return: {
      key: 'return',
      label: '退件',
      title: '退件',
      isDanger: true,
      path: at('return'),
      fields: text('reason', '退件原因', '请填写退件原因'),
      body: (v) => ({ reason: trim(v.reason) }),
    },
    special_start: {
      key: 'special_start',
      label: '启动特别程序',
      title: '启动特别程序',
      note: '特别程序期间暂停计时（行政许可法第四十五条）。',
      path: at('special/start'),
      fields: (
        <>
          <Form.Item name="kind" label="程序种类" rules={[{ required: true, message: '请选择程序种类' }]}>
            <Select options={SPECIAL_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          {text('reason', '启动原因', '请填写原因')}
        </>
      ),
      body: (v) => ({ kind: v.kind, reason: trim(v.reason) }),
    },
    special_end: {
      key: 'special_end',
      label: '结束特别程序',
      title: '结束特别程序',
      path: at('special/end'),
      fields: text('result', '程序结果', '请填写特别程序的结果', 3, 2000),
      body: (v) => ({ result: trim(v.result) }),
    },
    extend: {
      key: 'extend',
      label: '延长审批期限',
      title: '延长审批期限',
      note: '每件只能延长一次，并告知申请人。',
      path: at('extend'),
      initial: { days: 5 },
      fields: (
        <>
          <Form.Item name="days" label="延长工作日" rules={[{ required: true, message: '请填写延长天数' }]}>
            <InputNumber min={1} max={30} precision={0} />
          </Form.Item>
          {text('reason', '延长理由', '请填写延长理由')}
        </>
      ),
      body: (v) => ({ days: v.days, reason: trim(v.reason) }),
    },
    conclude: {
      key: 'conclude',
      label: '办结',
      title: '办结',
      isPrimary: true,
      path: at('conclude'),
      fields: optionalNote('办结说明（选填）'),
      body: (v) => ({ note: trim(v.note) }),
    },
  };
}

export function CaseActions({ view, onDone }: { view: CaseView; onDone: (next: CaseView) => void }) {
  const all = specs(view);
  const buttons: ReactNode[] = view.allowed
    .map((a) => all[a])
    .filter((s): s is ActionSpec<Any> => s !== undefined)
    .map((spec) => <ActionDialog key={spec.key} view={view} spec={spec} onDone={onDone} />);
  if (buttons.length === 0) return null;
  return (
    <Flex gap={8} wrap data-testid="case-actions" style={{ marginTop: 12 }}>
      {buttons}
    </Flex>
  );
}
