// 在线申办 (/apply/:implementationId, ?draft= to resume): four steps — 填写申请表, 上传材料,
// 联系信息与送达方式, 确认提交 — autosaved as a draft, submitted with one Idempotency-Key per attempt
// (reused on a retry), the server's field messages shown on their fields, the case number at the end.
import { Breadcrumb, Card, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { draftContact, submitContact } from '../../common/ContactFields.tsx';
import { guidePath } from '../../common/catalog.ts';
import { toMaterialInputs } from '../../common/MaterialsEditor.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { cleanFormData, initialFormValues, SchemaFields } from '../../common/SchemaFields.tsx';
import { useSession } from '../../session.tsx';
import { ApplyDone } from './ApplyDone.tsx';
import { EarlierDrafts } from './EarlierDrafts.tsx';
import { useHeldLicenses } from './heldLicenses.ts';
import { type Opened, openApplication } from './resume.ts';
import { useAutosave } from './useAutosave.ts';
import { useWizard, type WizardValues } from './useWizard.ts';
import { WizardPanel } from './WizardPanel.tsx';
import { SaveStatus, WizardSteps } from './WizardSteps.tsx';

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
  const [, setParams] = useSearchParams();
  const wizard = useWizard(item, opened.materials, () => autosave.touch());
  const licenses = useHeldLicenses();
  const { form, step, materials } = wizard;

  const content = () => {
    const v = form.getFieldsValue(true) as WizardValues;
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

  const submit = () =>
    wizard.file(
      '/api/cases',
      () => {
        const v = form.getFieldsValue(true) as WizardValues;
        return {
          implementationId: item.implementationId,
          form: cleanFormData(item.formSchema, v.form ?? {}),
          materials: toMaterialInputs(item.materials, materials),
          contact: submitContact(v.contact),
          deliveryMethod: v.deliveryMethod,
          draftId: autosave.draftId(),
        };
      },
      async () => {
        autosave.stop();
        await autosave.saveNow();
      },
    );

  if (wizard.filed) return <ApplyDone filed={wizard.filed} />;
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
        <ProblemAlert error={wizard.error} />
        <WizardPanel
          wizard={wizard}
          initialValues={{
            form: initialFormValues(item.formSchema, draft?.content.form),
            contact: draft?.content.contact ?? { name: contactName },
            deliveryMethod: draft?.content.deliveryMethod ?? 'online',
          }}
          onValuesChange={() => autosave.touch()}
          first={<SchemaFields schema={item.formSchema} prefix="form" />}
          materialsNote="支持 PDF、JPG、PNG、OFD 文件，单个文件不超过 20 MB；每项材料可上传多个文件。"
          item={item}
          applicantName={applicantName}
          onSubmit={() => void submit()}
          licenses={licenses}
        />
      </Card>
    </Flex>
  );
}
