// 窗口收件 (/workbench/intake, window clerks): choose the item, enter the walk-in applicant (kind, name, ID
// number or credit code — checked in the browser as the server will), the form, the scanned materials and
// the contact; submit with an Idempotency-Key (reused on a retry) and get the case number. Acceptance,
// a supplement request or a refusal follow on the case's page.
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { get, postIdempotent } from '../../api.ts';
import { ContactFields, type ContactValues, submitContact } from '../../common/ContactFields.tsx';
import { type CaseView, type ItemForm, newSubmissionKey, workbenchCasePath } from '../../common/cases.ts';
import { isFinalRefusal, spreadProblems } from '../../common/field-errors.ts';
import {
  MaterialsEditor,
  type MaterialsValue,
  missingMaterials,
  toMaterialInputs,
} from '../../common/MaterialsEditor.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { cleanFormData, initialFormValues, SchemaFields } from '../../common/SchemaFields.tsx';
import { idNumberMessage, usccMessage } from '../../validators.ts';
import { ItemPicker, type PickedItem } from './ItemPicker.tsx';

type Applicant = { kind: 'citizen' | 'enterprise'; name: string; idNumber: string };
type Values = ContactValues & { applicant: Applicant; form?: Record<string, unknown> };

function ApplicantFields() {
  const kind = Form.useWatch(['applicant', 'kind']) as Applicant['kind'] | undefined;
  const isEnterprise = kind === 'enterprise';
  return (
    <>
      <Form.Item name={['applicant', 'kind']} label="申请人类型" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'citizen', label: '自然人' },
            { value: 'enterprise', label: '法人或其他组织' },
          ]}
        />
      </Form.Item>
      <div className="form-grid">
        <Form.Item
          name={['applicant', 'name']}
          label={isEnterprise ? '单位名称' : '姓名'}
          rules={[{ required: true, whitespace: true, message: '请填写申请人名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name={['applicant', 'idNumber']}
          label={isEnterprise ? '统一社会信用代码' : '公民身份号码'}
          dependencies={[['applicant', 'kind']]}
          rules={[
            { required: true, whitespace: true, message: '请填写证件号码' },
            {
              validator: async (_, v: string | undefined) => {
                const value = (v ?? '').trim().toUpperCase();
                const problem = value ? (isEnterprise ? usccMessage(value) : idNumberMessage(value)) : null;
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      </div>
    </>
  );
}

function IntakeForm({ item, onFiled }: { item: ItemForm; onFiled: (filed: CaseView) => void }) {
  const [form] = Form.useForm<Values>();
  const [materials, setMaterials] = useState<MaterialsValue>({});
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const key = useRef<string | null>(null);

  async function submit(v: Values) {
    const missing = missingMaterials(item.materials, materials);
    if (missing.length) {
      setProblems(new Map(missing.map((n) => [n, '请上传此项必需材料的扫描件'])));
      return;
    }
    const body = {
      implementationId: item.implementationId,
      applicant: {
        kind: v.applicant.kind,
        name: v.applicant.name.trim(),
        idNumber: v.applicant.idNumber.trim().toUpperCase(),
      },
      form: cleanFormData(item.formSchema, v.form ?? {}),
      materials: toMaterialInputs(item.materials, materials),
      contact: submitContact(v.contact),
      deliveryMethod: v.deliveryMethod,
    };
    setBusy(true);
    setError(null);
    key.current ??= newSubmissionKey();
    try {
      onFiled((await postIdempotent<{ case: CaseView }>('/api/cases/window', body, key.current)).case);
    } catch (e) {
      if (isFinalRefusal(e)) key.current = null;
      const spread = spreadProblems(
        form,
        e,
        body.materials.map((m) => m.name),
      );
      setProblems(spread.materials);
      setError(spread.shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        applicant: { kind: 'citizen' },
        form: initialFormValues(item.formSchema),
        deliveryMethod: 'window',
      }}
      data-testid="intake-form"
    >
      <ProblemAlert error={error} />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        申请人
      </Typography.Title>
      <ApplicantFields />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        申请表
      </Typography.Title>
      <SchemaFields schema={item.formSchema} prefix="form" />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        申请材料（扫描件）
      </Typography.Title>
      <MaterialsEditor
        materials={item.materials}
        value={materials}
        onChange={(update) => {
          setMaterials(update);
          setProblems(new Map());
        }}
        problems={problems}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        联系信息与送达方式
      </Typography.Title>
      <ContactFields />
      <Button type="primary" htmlType="submit" loading={isBusy} data-testid="intake-submit">
        收件并生成办件编号
      </Button>
    </Form>
  );
}

export default function WindowIntake() {
  const navigate = useNavigate();
  const [picked, setPicked] = useState<PickedItem | null>(null);
  const [item, setItem] = useState<ItemForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<CaseView | null>(null);

  function pick(p: PickedItem) {
    setPicked(p);
    setItem(null);
    setError(null);
    get<ItemForm>(`/api/cases/forms/${p.implementationId}`).then(setItem, setError);
  }
  const restart = () => {
    setPicked(null);
    setItem(null);
    setFiled(null);
  };

  if (filed) {
    return (
      <Card>
        <Result
          status="success"
          title={<h1 style={{ fontSize: 20, margin: 0 }}>收件成功</h1>}
          subTitle={
            <div>
              办件编号：<strong data-testid="case-no">{filed.caseNo}</strong>（{filed.itemName} ·{' '}
              {filed.applicantName} · {filed.stateLabel}）
            </div>
          }
          extra={[
            <Button
              key="open"
              type="primary"
              onClick={() => navigate(workbenchCasePath(filed.id))}
              data-testid="open-case"
            >
              打开办件（受理、补正或不予受理）
            </Button>,
            <Button key="next" onClick={restart}>
              继续收件
            </Button>,
          ]}
        />
      </Card>
    );
  }
  return (
    <PageCard title="窗口收件" extra={picked ? <Button onClick={restart}>重新选择事项</Button> : undefined}>
      {!picked ? (
        <ItemPicker onPick={pick} />
      ) : (
        <Flex vertical gap={12}>
          <Alert
            type="info"
            showIcon
            title={`申请事项：${picked.name}`}
            description={picked.departmentName ?? undefined}
          />
          <ProblemAlert error={error} />
          {item ? <IntakeForm item={item} onFiled={setFiled} /> : error ? null : <Skeleton active />}
        </Flex>
      )}
    </PageCard>
  );
}
