// 审批流程 of one item (/workbench/processes/:implementationId, department admin): the review steps after
// acceptance — add, reorder, remove, set role, 会签 signers, deadline and condition — saved as a new
// revision; the server's messages land on the step fields they name.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Flex, Form, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { put } from '../../api.ts';
import type { ItemForm, ProcessView } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { spreadProblems } from '../../common/field-errors.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { StepFields, type StepValues, toStep, toStepValues } from './StepFields.tsx';

type Values = { definition: { steps: StepValues[] } };

const freshKey = (steps: StepValues[]) => {
  let n = steps.length + 1;
  while (steps.some((s) => s.key === `step${n}`)) n++;
  return `step${n}`;
};

function Editor({ process, item }: { process: ProcessView; item: ItemForm | null }) {
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState<ProcessView>(process);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function save(values: Values) {
    const steps = values.definition.steps;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const next = await put<ProcessView>(`/api/workflow/processes/${process.implementationId}`, {
        definition: { steps: steps.map((s, i) => toStep(s, i === steps.length - 1)) },
      });
      setSaved(next);
      setNotice(`已保存为第 ${next.revision} 版流程，新受理的办件按此流程办理。`);
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={save}
      initialValues={{ definition: { steps: process.definition.steps.map(toStepValues) } }}
      data-testid="process-form"
    >
      <p style={{ marginTop: 0 }}>
        {saved.isDefault
          ? '当前使用默认流程（审查 → 决定）。'
          : `第 ${saved.revision} 版，保存于 ${when(saved.updatedAt)}。`}
        受理由窗口完成；以下为受理后的审批环节，最后一个环节为作出决定（准予或不予许可）。
      </p>
      {notice ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={notice}
          style={{ marginBottom: 12 }}
          data-testid="process-saved"
        />
      ) : null}
      <ProblemAlert error={error} />
      <Form.List name={['definition', 'steps']}>
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={12}>
            {fields.map((field) => (
              <StepFields
                key={field.key}
                index={field.name}
                count={fields.length}
                schema={item?.formSchema ?? null}
                onMove={(to) => move(field.name, to)}
                onRemove={() => remove(field.name)}
              />
            ))}
            <div>
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const steps = (form.getFieldValue(['definition', 'steps']) ?? []) as StepValues[];
                  add(
                    {
                      key: freshKey(steps),
                      name: '',
                      role: 'reviewer',
                      signers: 1,
                      deadlineDays: 2,
                      applicantKind: '',
                      field: '',
                    },
                    Math.max(0, fields.length - 1),
                  );
                }}
                data-testid="add-step"
              >
                在决定环节前添加环节
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <Button
        type="primary"
        htmlType="submit"
        loading={isBusy}
        style={{ marginTop: 16 }}
        data-testid="save-process"
      >
        保存流程
      </Button>
    </Form>
  );
}

export default function ProcessEditor() {
  const { implementationId = '' } = useParams();
  const process = useLoad<ProcessView>(`/api/workflow/processes/${implementationId}`);
  const item = useLoad<ItemForm>(`/api/cases/forms/${implementationId}`);
  const [title, setTitle] = useState('审批流程');
  useEffect(() => {
    if (item.data) setTitle(`审批流程：${item.data.itemName}`);
  }, [item.data]);
  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={[{ title: <Link to="/workbench/processes">审批流程</Link> }, { title: '编辑' }]} />
      <PageCard title={title}>
        <ProblemAlert error={process.error} />
        {process.data ? (
          <Editor process={process.data} item={item.data} />
        ) : process.error ? null : (
          <Skeleton active />
        )}
      </PageCard>
    </Flex>
  );
}
