// 一件事申办 (/bundles/:id/apply): the wizard's four steps for a bundle — the optional members ticked and
// the merged form, one upload per merged material, contact and delivery, review — filed with one
// Idempotency-Key per attempt (reused on a retry); the server's field messages on their fields; the
// parent case number at the end (its page lists the sub-cases).
import { Breadcrumb, Card, Checkbox, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../api.ts';
import { submitContact } from '../../common/ContactFields.tsx';
import type { ItemForm } from '../../common/cases.ts';
import type { BundleGuide } from '../../common/catalog.ts';
import { toMaterialInputs } from '../../common/MaterialsEditor.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { cleanFormData, initialFormValues, SchemaFields } from '../../common/SchemaFields.tsx';
import { useSession } from '../../session.tsx';
import { ApplyDone } from './ApplyDone.tsx';
import { availableMembers, bundleItemForm, takenMembers } from './bundle-apply.ts';
import { RequireCitizen } from './RequireCitizen.tsx';
import { useWizard, type WizardValues } from './useWizard.ts';
import { WizardPanel } from './WizardPanel.tsx';
import { WizardSteps } from './WizardSteps.tsx';

type Opened = { guide: BundleGuide; forms: Map<string, ItemForm> };

async function openBundle(id: string): Promise<Opened> {
  const guide = await get<BundleGuide>(`/api/catalog/bundles/${id}`);
  const ids = availableMembers(guide).flatMap((m) => (m.implementation ? [m.implementation.id] : []));
  const forms = await Promise.all(ids.map((i) => get<ItemForm>(`/api/cases/forms/${i}`)));
  return { guide, forms: new Map(forms.map((f) => [f.implementationId, f])) };
}

function Loader() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    openBundle(id).then(setOpened, setError);
  }, [id]);
  if (error) return <ProblemAlert error={error} />;
  if (!opened || !me) return <Skeleton active aria-label="加载中" />;
  return (
    <Wizard opened={opened} applicantName={me.acting?.name ?? me.displayName} contactName={me.displayName} />
  );
}

export default function BundleApply() {
  return (
    <RequireCitizen>
      <Loader />
    </RequireCitizen>
  );
}

function Wizard({
  opened,
  applicantName,
  contactName,
}: {
  opened: Opened;
  applicantName: string;
  contactName: string;
}) {
  const { guide, forms } = opened;
  const [optional, setOptional] = useState<string[]>([]);
  const item = useMemo(() => bundleItemForm(guide, forms, optional), [guide, forms, optional]);
  const wizard = useWizard(item, {});
  const { form, step, materials } = wizard;
  const members = availableMembers(guide);
  const taken = takenMembers(guide, optional);

  const submit = () =>
    wizard.file('/api/cases/bundles', () => {
      const v = form.getFieldsValue(true) as WizardValues;
      return {
        bundleId: guide.id,
        division: guide.division,
        optionalItemIds: optional,
        form: cleanFormData(item.formSchema, v.form ?? {}),
        materials: toMaterialInputs(item.materials, materials),
        contact: submitContact(v.contact),
        deliveryMethod: v.deliveryMethod,
      };
    });

  if (wizard.filed) return <ApplyDone filed={wizard.filed} />;
  const choice = (
    <fieldset style={{ border: 0, margin: '0 0 16px', padding: 0 }}>
      <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8 }}>办理的事项</legend>
      <Flex vertical gap={6}>
        {members.map((m) => (
          <Checkbox
            key={m.itemId}
            checked={m.isRequired || optional.includes(m.itemId)}
            disabled={m.isRequired}
            onChange={(e) =>
              setOptional((o) => (e.target.checked ? [...o, m.itemId] : o.filter((x) => x !== m.itemId)))
            }
            data-testid={`member-${m.itemId}`}
          >
            {m.name}
            {m.isRequired ? '（必办）' : '（按需办理）'}
          </Checkbox>
        ))}
      </Flex>
      {members.some((m) => !m.isRequired) ? (
        <div style={{ fontSize: 13, color: 'rgba(0, 0, 0, 0.65)', marginTop: 6 }}>
          勾选需要一并办理的事项，申请表和材料随之调整。
        </div>
      ) : null}
    </fieldset>
  );
  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to={`/bundles/${guide.id}`}>{guide.name}</Link> },
          { title: '一件事申办' },
        ]}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }} data-testid="apply-title">
          一件事申办：{guide.name}
        </Typography.Title>
        <p style={{ margin: '0 0 12px', color: 'rgba(0, 0, 0, 0.65)' }}>
          一次提交，{taken.length} 个事项并联办理 · 申请人：{applicantName}
        </p>
        <WizardSteps current={step} />
      </Card>
      <Card styles={{ body: { padding: 16 } }}>
        <ProblemAlert error={wizard.error} />
        <WizardPanel
          wizard={wizard}
          initialValues={{
            form: initialFormValues(item.formSchema),
            contact: { name: contactName },
            deliveryMethod: 'online',
          }}
          first={
            <>
              {choice}
              <SchemaFields schema={item.formSchema} prefix="form" />
            </>
          }
          materialsNote="各事项相同的材料已合并，只需上传一次。支持 PDF、JPG、PNG、OFD 文件，单个文件不超过 20 MB。"
          item={item}
          applicantName={applicantName}
          onSubmit={() => void submit()}
        />
      </Card>
    </Flex>
  );
}
