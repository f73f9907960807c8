// 在线申办 (/apply/:implementationId, ?draft= to resume): four steps — 填写申请表, 上传材料,
// 联系信息与送达方式, 确认提交 — autosaved as a draft, submitted with one Idempotency-Key per attempt
// (reused on a retry), the server's field messages shown on their fields, the case number at the end.
import { Alert, Breadcrumb, Button, Card, Flex, Form, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError, postIdempotent } from '../../api.ts';
import {
  ContactFields,
  type ContactValues,
  draftContact,
  submitContact,
} from '../../common/ContactFields.tsx';
import { type CaseView, newSubmissionKey } from '../../common/cases.ts';
import { guidePath } from '../../common/catalog.ts';
import { fieldProblemsOf, isFinalRefusal, spreadProblems } from '../../common/field-errors.ts';
import {
  MaterialsEditor,
  type MaterialsValue,
  missingMaterials,
  toMaterialInputs,
} from '../../common/MaterialsEditor.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { cleanFormData, initialFormValues, SchemaFields } from '../../common/SchemaFields.tsx';
import { useSession } from '../../session.tsx';
import { ApplyDone } from './ApplyDone.tsx';
import { ApplyReview } from './ApplyReview.tsx';
import { EarlierDrafts } from './EarlierDrafts.tsx';
import { type Opened, openApplication } from './resume.ts';
import { useAutosave } from './useAutosave.ts';
import { SaveStatus, WizardSteps } from './WizardSteps.tsx';

type Values = ContactValues & { form?: Record<string, unknown> };

/** The first step that shows one of the server's field messages (the review step when none does). */
function stepOfProblems(fields: { path: string }[], hasMaterialProblem: boolean): number {
  const has = (re: RegExp) => fields.some((p) => re.test(p.path));
  if (has(/^body\.form\./)) return 0;
  if (hasMaterialProblem || has(/^body\.materials/)) return 1;
  if (has(/^body\.(contact|deliveryMethod)/)) return 2;
  return 3;
}

export default function ApplyWizard() {
  const { implementationId = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const { me, isLoading } = useSession();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<unknown>(null);
  const draftId = params.get('draft');
  const isCitizen = me?.kind === 'citizen' && me.isMfaComplete;
  // opened once per item and draft; the id of a draft this page created enters the address after the
  // first save, and that must not reopen the page
  const openedFor = useRef<string | null>(null);
  const openKey = `${implementationId}|${draftId ?? ''}`;
  useEffect(() => {
    if (!isCitizen || openedFor.current === openKey) return;
    openedFor.current = openKey;
    setOpened(null);
    openApplication(implementationId, draftId).then(setOpened, setError);
  }, [isCitizen, openKey, implementationId, draftId]);

  if (isLoading) return <Skeleton active aria-label="加载中" />;
  if (!isCitizen) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (error) return <ProblemAlert error={error} />;
  if (!opened) return <Skeleton active aria-label="加载中" />;
  return (
    <Wizard
      key={opened.draft?.id ?? 'new'}
      opened={opened}
      applicantName={me.acting?.name ?? me.displayName}
      contactName={me.displayName}
      onDraftCreated={(id) => {
        openedFor.current = `${implementationId}|${id}`;
      }}
    />
  );
}

function Wizard({
  opened,
  applicantName,
  contactName,
  onDraftCreated,
}: {
  opened: Opened;
  applicantName: string;
  contactName: string;
  onDraftCreated: (draftId: string) => void;
}) {
  const { item, draft } = opened;
  const [form] = Form.useForm<Values>();
  const [, setParams] = useSearchParams();
  const [step, setStepState] = useState(0);
  // a new step starts at the top of the page
  const setStep = (n: number) => {
    setStepState(n);
    window.scrollTo({ top: 0 });
  };
  const [materials, setMaterials] = useState<MaterialsValue>(opened.materials);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const [filed, setFiled] = useState<CaseView | null>(null);
  const submissionKey = useRef<string | null>(null);
  const fieldNames = Object.keys(item.formSchema.properties);

  const content = () => {
    const v = form.getFieldsValue(true) as Values;
    return {
      implementationId: item.implementationId,
      form: cleanFormData(item.formSchema, v.form ?? {}),
      materials: toMaterialInputs(item.materials, materials),
      contact: draftContact(v.contact),
      deliveryMethod: v.deliveryMethod ?? null,
    };
  };
  const autosave = useAutosave(draft?.id ?? null, content, (id) => {
    onDraftCreated(id);
    setParams(
      (p) => {
        p.set('draft', id);
        return p;
      },
      { replace: true },
    );
  });
  const changeMaterials = (update: (previous: MaterialsValue) => MaterialsValue) => {
    setMaterials(update);
    setProblems(new Map());
    setError(null);
    autosave.touch();
  };

  async function next() {
    setError(null);
    if (step === 0) await form.validateFields(fieldNames.map((n) => ['form', n]));
    if (step === 1) {
      const missing = missingMaterials(item.materials, materials);
      if (missing.length) {
        setProblems(new Map(missing.map((n) => [n, '请上传此项必需材料'])));
        setError(new ApiError(0, { title: `还有 ${missing.length} 项必需材料未上传` }));
        return;
      }
    }
    if (step === 2) await form.validateFields([['contact'], 'deliveryMethod'], { recursive: true });
    setStep(step + 1);
  }

  async function submit() {
    setBusy(true);
    setError(null);
    autosave.stop();
    await autosave.saveNow();
    const v = form.getFieldsValue(true) as Values;
    const body = {
      implementationId: item.implementationId,
      form: cleanFormData(item.formSchema, v.form ?? {}),
      materials: toMaterialInputs(item.materials, materials),
      contact: submitContact(v.contact),
      deliveryMethod: v.deliveryMethod,
      draftId: autosave.draftId(),
    };
    submissionKey.current ??= newSubmissionKey();
    try {
      const result = await postIdempotent<{ case: CaseView }>('/api/cases', body, submissionKey.current);
      setFiled(result.case);
    } catch (e) {
      // a definite refusal ends this attempt; a lost answer or one still in flight is retried with the key
      if (isFinalRefusal(e)) submissionKey.current = null;
      const spread = spreadProblems(
        form,
        e,
        body.materials.map((m) => m.name),
      );
      setProblems(spread.materials);
      setStep(stepOfProblems(fieldProblemsOf(e), spread.materials.size > 0));
      setError(spread.shown);
    } finally {
      setBusy(false);
    }
  }

  if (filed) return <ApplyDone filed={filed} />;
  const v = form.getFieldsValue(true) as Values;
  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to={guidePath(item.implementationId)}>办事指南</Link> },
          { title: '在线申办' },
        ]}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }} data-testid="apply-title">
          在线申办：{item.itemName}
        </Typography.Title>
        <p style={{ margin: '0 0 12px', color: 'rgba(0, 0, 0, 0.65)' }}>
          {item.departmentName}
          {item.promisedLimitDays !== null ? ` · 承诺 ${item.promisedLimitDays} 个工作日办结` : ''} · 申请人：
          {applicantName}
        </p>
        {draft ? null : (
          <EarlierDrafts implementationId={item.implementationId} ownDraftId={autosave.draftId()} />
        )}
        <WizardSteps current={step} />
        <SaveStatus state={autosave.state} savedAt={autosave.savedAt} />
      </Card>
      <Card styles={{ body: { padding: 16 } }}>
        <ProblemAlert error={error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            form: initialFormValues(item.formSchema, draft?.content.form),
            contact: draft?.content.contact ?? { name: contactName },
            deliveryMethod: draft?.content.deliveryMethod ?? 'online',
          }}
          onValuesChange={() => autosave.touch()}
          data-testid="apply-form"
        >
          <section hidden={step !== 0} aria-label="填写申请表">
            <SchemaFields schema={item.formSchema} prefix="form" />
          </section>
          <section hidden={step !== 1} aria-label="上传材料">
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="支持 PDF、JPG、PNG、OFD 文件，单个文件不超过 20 MB；每项材料可上传多个文件。"
            />
            <MaterialsEditor
              materials={item.materials}
              value={materials}
              onChange={changeMaterials}
              problems={problems}
            />
          </section>
          <section hidden={step !== 2} aria-label="联系信息与送达方式">
            <ContactFields />
          </section>
        </Form>
        {step === 3 ? (
          <ApplyReview
            item={item}
            applicantName={applicantName}
            form={cleanFormData(item.formSchema, v.form ?? {})}
            materials={materials}
            contact={submitContact(v.contact)}
            deliveryMethod={v.deliveryMethod ?? null}
            goTo={setStep}
          />
        ) : null}
        <Flex gap={8} justify="space-between" wrap style={{ marginTop: 16 }}>
          <Button disabled={step === 0 || isBusy} onClick={() => setStep(step - 1)}>
            上一步
          </Button>
          {step < 3 ? (
            <Button type="primary" onClick={() => void next().catch(() => {})} data-testid="wizard-next">
              下一步
            </Button>
          ) : (
            <Button type="primary" loading={isBusy} onClick={() => void submit()} data-testid="wizard-submit">
              提交申请
            </Button>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
