// Contact and delivery (联系信息与送达方式) as form fields named ['contact', …] and 'deliveryMethod', the
// shape of the submission body, so the server's "body.contact.phone" message lands on its field.
import { Form, Input, Radio } from 'antd';
import { phoneMessage, rule } from '../validators.ts';
import { type Contact, DELIVERY_LABEL, type DeliveryMethod } from './cases.ts';

export type ContactValues = { contact?: Partial<Contact>; deliveryMethod?: DeliveryMethod | null };

const POSTCODE = /^\d{6}$/;

export function ContactFields() {
  return (
    <>
      <div className="form-grid">
        <Form.Item
          name={['contact', 'name']}
          label="联系人"
          rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['contact', 'phone']}
          label="联系电话（手机）"
          rules={[{ required: true, message: '请填写联系电话' }, rule(phoneMessage)]}
        >
          <Input maxLength={11} inputMode="tel" autoComplete="tel" />
        </Form.Item>
      </div>
      <Form.Item
        name={['contact', 'address']}
        label="联系地址"
        rules={[{ required: true, whitespace: true, message: '请填写联系地址' }]}
      >
        <Input maxLength={200} autoComplete="street-address" />
      </Form.Item>
      <Form.Item
        name={['contact', 'postcode']}
        label="邮政编码"
        rules={[{ pattern: POSTCODE, message: '邮政编码为 6 位数字' }]}
        style={{ maxWidth: 240 }}
      >
        <Input maxLength={6} inputMode="numeric" autoComplete="postal-code" />
      </Form.Item>
      <Form.Item
        name="deliveryMethod"
        label="结果送达方式"
        rules={[{ required: true, message: '请选择送达方式' }]}
      >
        <Radio.Group
          options={(Object.keys(DELIVERY_LABEL) as DeliveryMethod[]).map((v) => ({
            value: v,
            label: DELIVERY_LABEL[v],
          }))}
        />
      </Form.Item>
    </>
  );
}

/** The contact as a draft may hold it: only the parts that already pass the server's checks. */
export function draftContact(contact: Partial<Contact> | undefined): Partial<Contact> {
  const out: Partial<Contact> = {};
  const name = contact?.name?.trim();
  const phone = contact?.phone?.trim();
  const address = contact?.address?.trim();
  const postcode = contact?.postcode?.trim();
  if (name && name.length <= 50) out.name = name;
  if (phone && !phoneMessage(phone) && /^1[3-9]\d{9}$/.test(phone)) out.phone = phone;
  if (address && address.length <= 200) out.address = address;
  if (postcode && POSTCODE.test(postcode)) out.postcode = postcode;
  return out;
}

/** The contact as the submission sends it. */
export function submitContact(contact: Partial<Contact> | undefined): Contact {
  return {
    name: contact?.name?.trim() ?? '',
    phone: contact?.phone?.trim() ?? '',
    address: contact?.address?.trim() ?? '',
    postcode: contact?.postcode?.trim() || null,
  };
}
