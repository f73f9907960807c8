// The state of an application wizard: the step (each starting at the top of the page), the materials
// given, their messages, the problem shown, and filing with one Idempotency-Key per attempt — kept for
// a retry when the answer was lost or still in flight, dropped after a definite refusal.
import { Form, type FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, postIdempotent } from '../../api.ts';
import type { ContactValues } from '../../common/ContactFields.tsx';
import { type CaseView, type ItemForm, newSubmissionKey } from '../../common/cases.ts';
import { fieldProblemsOf, isFinalRefusal, spreadProblems } from '../../common/field-errors.ts';
import { type MaterialsValue, missingMaterials } from '../../common/MaterialsEditor.tsx';
import { stepOfProblems } from './WizardSteps.tsx';

export type WizardValues = ContactValues & { form?: Record<string, unknown> };
export type MaterialsChange = (update: (previous: MaterialsValue) => MaterialsValue) => void;
export type Wizard = ReturnType<typeof useWizard>;

/** Checks the step being left; a missing required material gives its messages instead of a throw. */
export async function checkStep(
  step: number,
  form: FormInstance<WizardValues>,
  item: ItemForm,
  materials: MaterialsValue,
): Promise<{ problems: Map<string, string>; error: ApiError } | null> {
  if (step === 0) await form.validateFields(Object.keys(item.formSchema.properties).map((n) => ['form', n]));
  if (step === 1) {
    const missing = missingMaterials(item.materials, materials);
    if (missing.length) {
      return {
        problems: new Map(missing.map((n) => [n, '请上传此项必需材料'])),
        error: new ApiError(0, { title: `还有 ${missing.length} 项必需材料未上传` }),
      };
    }
  }
  if (step === 2) await form.validateFields([['contact'], 'deliveryMethod'], { recursive: true });
  return null;
}

/** A refused submission: field messages on their fields, material messages by name, the step to show. */
export function refusalOf(form: FormInstance<WizardValues>, error: unknown, sentMaterials: string[]) {
  const spread = spreadProblems(form, error, sentMaterials);
  return {
    problems: spread.materials,
    step: stepOfProblems(fieldProblemsOf(error), spread.materials.size > 0),
    shown: spread.shown,
  };
}

export function useWizard(item: ItemForm, initialMaterials: MaterialsValue, onChange?: () => void) {
  const [form] = Form.useForm<WizardValues>();
  const [step, setStepState] = useState(0);
  const setStep = (n: number) => {
    setStepState(n);
    window.scrollTo({ top: 0 });
  };
  const [materials, setMaterials] = useState<MaterialsValue>(initialMaterials);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const [filed, setFiled] = useState<CaseView | null>(null);
  const submissionKey = useRef<string | null>(null);

  const changeMaterials: MaterialsChange = (update) => {
    setMaterials(update);
    setProblems(new Map());
    setError(null);
    onChange?.();
  };

  async function next() {
    setError(null);
    const stopped = await checkStep(step, form, item, materials);
    if (stopped) {
      setProblems(stopped.problems);
      setError(stopped.error);
      return;
    }
    setStep(step + 1);
  }

  /** Files the application; `before` runs first (the draft saved once more), then the body is made. */
  async function file(
    path: string,
    makeBody: () => { materials: { name: string }[] },
    before?: () => Promise<void>,
  ) {
    setBusy(true);
    setError(null);
    let sent: string[] = [];
    try {
      await before?.();
      const body = makeBody();
      sent = body.materials.map((m) => m.name);
      submissionKey.current ??= newSubmissionKey();
      const result = await postIdempotent<{ case: CaseView }>(path, body, submissionKey.current);
      setFiled(result.case);
    } catch (e) {
      if (isFinalRefusal(e)) submissionKey.current = null;
      const refusal = refusalOf(form, e, sent);
      setProblems(refusal.problems);
      setStep(refusal.step);
      setError(refusal.shown);
    } finally {
      setBusy(false);
    }
  }

  return { form, step, setStep, materials, changeMaterials, problems, error, isBusy, filed, next, file };
}
