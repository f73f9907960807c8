// 补正: a file picker for each item of the department's one complete list of what is missing; sending
// answers the request and the case goes back to the department.
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { post } from '../../api.ts';
import type { CaseView, FileView } from '../../common/cases.ts';
import { FilePicker } from '../../common/FilePicker.tsx';
import { fieldProblemsOf, materialProblems } from '../../common/field-errors.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';

export function SupplyForm({ view, onDone }: { view: CaseView; onDone: (next: CaseView) => void }) {
  const items = view.supplement?.items ?? [];
  const [files, setFiles] = useState<Record<string, FileView[]>>({});
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  async function send() {
    const materials = items
      .filter((i) => (files[i.name] ?? []).length > 0)
      .map((i) => ({ name: i.name, fileIds: (files[i.name] ?? []).map((f) => f.id), licenseRef: null }));
    const missing = items.filter((i) => (files[i.name] ?? []).length === 0);
    if (missing.length) {
      setProblems(new Map(missing.map((i) => [i.name, '请上传补正材料'])));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await post<CaseView>(`/api/cases/${view.id}/supply`, { materials }));
    } catch (e) {
      setProblems(
        materialProblems(
          fieldProblemsOf(e),
          materials.map((m) => m.name),
        ),
      );
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={12} data-testid="supply-form">
      <Alert type="warning" showIcon title="请按以上要求一次性上传补正材料，提交后部门将继续办理。" />
      <ProblemAlert error={error} />
      {items.map((item, i) => (
        <div key={item.name}>
          <div style={{ fontWeight: 600, marginBottom: 4, overflowWrap: 'anywhere' }}>{item.name}</div>
          <FilePicker
            label={item.name}
            files={files[item.name] ?? []}
            onAdd={(added) => {
              setFiles((all) => ({ ...all, [item.name]: [...(all[item.name] ?? []), ...added] }));
              setProblems(new Map());
            }}
            onRemove={(id) =>
              setFiles((all) => ({ ...all, [item.name]: (all[item.name] ?? []).filter((f) => f.id !== id) }))
            }
            error={problems.get(item.name)}
            testId={`supply-files-${i}`}
          />
        </div>
      ))}
      <div>
        <Button type="primary" loading={isBusy} onClick={() => void send()} data-testid="supply-submit">
          提交补正材料
        </Button>
      </div>
    </Flex>
  );
}
