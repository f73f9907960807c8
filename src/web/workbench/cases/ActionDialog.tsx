// One case action in a dialog: its form, the POST, the server's field messages on the fields, and the
// fresh case view handed back.
import { Button, Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { post } from '../../api.ts';
import type { CaseView } from '../../common/cases.ts';
import { spreadProblems } from '../../common/field-errors.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';

export type ActionSpec<V> = {
  key: string;
  label: string;
  title: string;
  /** what the action does, shown above the form */
  note?: ReactNode;
  isDanger?: boolean;
  isPrimary?: boolean;
  path: (caseId: string) => string;
  fields: ReactNode;
  initial?: Partial<V>;
  body: (values: V) => object;
};

export function ActionDialog<V extends object>({
  view,
  spec,
  onDone,
}: {
  view: CaseView;
  spec: ActionSpec<V>;
  onDone: (next: CaseView) => void;
}) {
  const [form] = Form.useForm<V>();
  const [isOpen, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onDone(await post<CaseView>(spec.path(view.id), spec.body(values)));
      setOpen(false);
    } catch (e) {
      setError(spreadProblems(form, e).shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        type={spec.isPrimary ? 'primary' : 'default'}
        danger={spec.isDanger}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        data-testid={`action-${spec.key}`}
      >
        {spec.label}
      </Button>
      <Modal
        open={isOpen}
        title={spec.title}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ loading: isBusy, danger: spec.isDanger }}
        onOk={() => void submit().catch(() => {})}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={560}
      >
        {spec.note ? <div style={{ marginBottom: 12 }}>{spec.note}</div> : null}
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" preserve={false} initialValues={spec.initial}>
          {spec.fields}
        </Form>
      </Modal>
    </>
  );
}
