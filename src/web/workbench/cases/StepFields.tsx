// One review step of a process as form fields: name, role, signers (会签 when more than one), deadline
// in working days, and the condition under which it runs (applicant kind and/or one form field's value).
// The decision step is always the last one: one signer, no condition.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { FormSchema, ProcessStep } from '../../common/cases.ts';
import { STEP_ROLE_LABEL, type StepRole } from '../../common/cases.ts';
import { StatusTag } from '../../common/StatusTag.tsx';

/** A step as the form holds it: the condition flattened into three optional fields. */
export type StepValues = Omit<ProcessStep, 'condition' | 'isDecision'> & {
  /** '' for any */
  applicantKind?: 'citizen' | 'enterprise' | '' | null;
  /** '' for none */
  field?: string | null;
  equals?: string | null;
};

export const toStepValues = (s: ProcessStep): StepValues => ({
  key: s.key,
  name: s.name,
  role: s.role,
  signers: s.signers,
  deadlineDays: s.deadlineDays,
  applicantKind: s.condition?.applicantKind ?? '',
  field: s.condition?.field ?? '',
  equals: s.condition?.equals ?? null,
});

export function toStep(v: StepValues, isDecision: boolean): ProcessStep {
  const condition: NonNullable<ProcessStep['condition']> = {};
  if (v.applicantKind) condition.applicantKind = v.applicantKind;
  if (v.field) condition.field = v.field;
  if (v.equals?.trim()) condition.equals = v.equals.trim();
  return {
    key: v.key,
    name: v.name.trim(),
    role: v.role,
    signers: v.signers,
    deadlineDays: v.deadlineDays,
    isDecision,
    condition: Object.keys(condition).length > 0 ? condition : null,
  };
}

const ROLES = (Object.keys(STEP_ROLE_LABEL) as StepRole[]).map((r) => ({
  value: r,
  label: STEP_ROLE_LABEL[r],
}));

export function StepFields({
  index,
  count,
  schema,
  onMove,
  onRemove,
}: {
  /** the Form.List field name (its position) */
  index: number;
  count: number;
  schema: FormSchema | null;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const isDecision = index === count - 1;
  const fields = Object.entries(schema?.properties ?? {}).map(([name, f]) => ({
    value: name,
    label: f.title,
  }));
  const n = index + 1;
  return (
    <fieldset
      data-testid={`step-${n}`}
      style={{ border: '1px solid #e3e8ef', borderRadius: 8, padding: '8px 12px 0', margin: 0, minWidth: 0 }}
    >
      <legend
        style={{ fontSize: 14, fontWeight: 600, padding: '0 4px', width: 'auto', margin: 0, border: 0 }}
      >
        第 {n} 环节 {isDecision ? <StatusTag tone="info">决定环节</StatusTag> : null}
      </legend>
      <Form.Item name={[index, 'key']} hidden>
        <Input />
      </Form.Item>
      <Flex gap="0 12px" wrap>
        <Form.Item
          name={[index, 'name']}
          label="环节名称"
          rules={[{ required: true, whitespace: true, message: '请填写环节名称' }]}
          style={{ width: 160 }}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name={[index, 'role']}
          label="办理角色"
          rules={[{ required: true }]}
          style={{ width: 150 }}
        >
          <Select options={ROLES} />
        </Form.Item>
        <Form.Item
          name={[index, 'signers']}
          label="会签人数"
          rules={[{ required: true, message: '请填写人数' }]}
          style={{ width: 110 }}
        >
          <InputNumber min={1} max={isDecision ? 1 : 9} precision={0} disabled={isDecision} />
        </Form.Item>
        <Form.Item
          name={[index, 'deadlineDays']}
          label="时限（工作日）"
          rules={[{ required: true, message: '请填写时限' }]}
          style={{ width: 150 }}
        >
          <InputNumber min={0} max={60} precision={0} />
        </Form.Item>
      </Flex>
      {isDecision ? null : (
        <Flex gap="0 12px" wrap align="end">
          <Form.Item name={[index, 'applicantKind']} label="条件：申请人类型" style={{ width: 170 }}>
            <Select
              options={[
                { value: '', label: '不限' },
                { value: 'citizen', label: '自然人' },
                { value: 'enterprise', label: '法人' },
              ]}
            />
          </Form.Item>
          <Form.Item name={[index, 'field']} label="条件：表单字段" style={{ width: 180 }}>
            <Select options={[{ value: '', label: '不限' }, ...fields]} />
          </Form.Item>
          <Form.Item name={[index, 'equals']} label="字段取值等于" style={{ width: 160 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
      )}
      <Flex gap={4} style={{ marginBottom: 8 }}>
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={index === 0 || isDecision}
          onClick={() => onMove(index - 1)}
          aria-label={`上移第 ${n} 环节`}
        >
          上移
        </Button>
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={index >= count - 2}
          onClick={() => onMove(index + 1)}
          aria-label={`下移第 ${n} 环节`}
        >
          下移
        </Button>
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          disabled={isDecision || count <= 1}
          onClick={onRemove}
          aria-label={`删除第 ${n} 环节`}
        >
          删除
        </Button>
      </Flex>
    </fieldset>
  );
}
