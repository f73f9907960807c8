// The body shared by the 在线申办 and 一件事申办 wizards: the form with its first three steps (the page's
// own first step, 上传材料, 联系信息与送达方式), 确认提交, and 上一步/下一步/提交申请.
import { Alert, Button, Flex, Form } from 'antd';
import type { ReactNode } from 'react';
import { ContactFields, submitContact } from '../../common/ContactFields.tsx';
import type { ItemForm } from '../../common/cases.ts';
import { MaterialsEditor } from '../../common/MaterialsEditor.tsx';
import { cleanFormData } from '../../common/SchemaFields.tsx';
import { ApplyReview } from './ApplyReview.tsx';
import type { HeldLicenses } from './heldLicenses.ts';
import type { Wizard, WizardValues } from './useWizard.ts';

export function WizardPanel({
  wizard,
  initialValues,
  onValuesChange,
  first,
  materialsNote,
  item,
  applicantName,
  onSubmit,
  licenses,
}: {
  wizard: Wizard;
  initialValues: WizardValues;
  onValuesChange?: () => void;
  /** the first step: the application form (and anything the page puts above it) */
  first: ReactNode;
  materialsNote: string;
  item: ItemForm;
  applicantName: string;
  onSubmit: () => void;
  /** the applicant's licenses for 免提交 (在线申办 only) */
  licenses?: HeldLicenses;
}) {
  const { form, step, setStep, materials, isBusy } = wizard;
  const v = form.getFieldsValue(true) as WizardValues;
  return (
    <>
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        data-testid="apply-form"
      >
        <section hidden={step !== 0} aria-label="填写申请表">
          {first}
        </section>
        <section hidden={step !== 1} aria-label="上传材料">
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={materialsNote} />
          <MaterialsEditor
            materials={item.materials}
            value={materials}
            onChange={wizard.changeMaterials}
            problems={wizard.problems}
            licenseOptions={licenses?.byType}
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
          licenseLabel={licenses?.labelOf}
        />
      ) : null}
      <Flex gap={8} justify="space-between" wrap style={{ marginTop: 16 }}>
        <Button disabled={step === 0 || isBusy} onClick={() => setStep(step - 1)}>
          上一步
        </Button>
        {step < 3 ? (
          <Button type="primary" onClick={() => void wizard.next().catch(() => {})} data-testid="wizard-next">
            下一步
          </Button>
        ) : (
          <Button type="primary" loading={isBusy} onClick={onSubmit} data-testid="wizard-submit">
            提交申请
          </Button>
        )}
      </Flex>
    </>
  );
}
