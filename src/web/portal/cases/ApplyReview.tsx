// 确认提交: everything the applicant is about to send, section by section, each with a way back to change it.
import { Button, Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import type { FormData } from '../../common/cases.ts';
import { type Contact, DELIVERY_LABEL, type DeliveryMethod, type ItemForm } from '../../common/cases.ts';
import { FileList } from '../../common/FilePicker.tsx';
import { emptyEntry, type MaterialsValue } from '../../common/MaterialsEditor.tsx';
import { SchemaValues } from '../../common/SchemaFields.tsx';

function Section({ title, onEdit, children }: { title: string; onEdit: () => void; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{title}</h3>}
      extra={
        <Button type="link" onClick={onEdit} aria-label={`修改${title}`}>
          修改
        </Button>
      }
    >
      {children}
    </Card>
  );
}

export function ApplyReview({
  item,
  applicantName,
  form,
  materials,
  contact,
  deliveryMethod,
  goTo,
  licenseLabel = () => '已选用的电子证照',
}: {
  item: ItemForm;
  applicantName: string;
  form: FormData;
  materials: MaterialsValue;
  contact: Contact;
  deliveryMethod: DeliveryMethod | null;
  goTo: (step: number) => void;
  licenseLabel?: (licenseId: string) => string;
}) {
  return (
    <Flex vertical gap={12} data-testid="review">
      <dl className="kv">
        <dt>申请事项</dt>
        <dd>{item.itemName}</dd>
        <dt>受理部门</dt>
        <dd>{item.departmentName}</dd>
        <dt>申请人</dt>
        <dd>{applicantName}</dd>
      </dl>
      <Section title="申请表" onEdit={() => goTo(0)}>
        <SchemaValues schema={item.formSchema} data={form} />
      </Section>
      <Section title="申请材料" onEdit={() => goTo(1)}>
        <ul style={{ margin: 0, paddingInlineStart: 18, display: 'grid', gap: 8 }}>
          {item.materials.map((m) => {
            const entry = materials[m.name] ?? emptyEntry;
            const isGiven = entry.files.length > 0 || entry.licenseRef;
            return (
              <li key={m.name} style={{ overflowWrap: 'anywhere' }}>
                {m.name}
                {isGiven ? null : <span style={{ color: '#595959' }}>（未提供）</span>}
                {entry.licenseRef ? <div>免提交，使用电子证照：{licenseLabel(entry.licenseRef)}</div> : null}
                <FileList files={entry.files} />
              </li>
            );
          })}
        </ul>
      </Section>
      <Section title="联系信息与送达方式" onEdit={() => goTo(2)}>
        <dl className="kv">
          <dt>联系人</dt>
          <dd>{contact.name}</dd>
          <dt>联系电话</dt>
          <dd>{contact.phone}</dd>
          <dt>联系地址</dt>
          <dd>{contact.address}</dd>
          <dt>邮政编码</dt>
          <dd>{contact.postcode ?? '—'}</dd>
          <dt>送达方式</dt>
          <dd>{deliveryMethod ? DELIVERY_LABEL[deliveryMethod] : '—'}</dd>
        </dl>
      </Section>
    </Flex>
  );
}
