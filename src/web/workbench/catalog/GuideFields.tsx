// The editable guide elements as form fields: promised limit, conditions, materials, places and
// windows, phones, FAQ and local notes. A county or township edits only what it may override.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';

function ListField({
  name,
  label,
  addLabel,
  blank,
  children,
}: {
  name: string;
  label: string;
  addLabel: string;
  blank: unknown;
  children: (field: { name: number; key: number }) => ReactNode;
}) {
  return (
    <fieldset className="facet" style={{ marginBottom: 16 }}>
      <legend>{label}</legend>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`${label} ${i + 1}`}
                extra={
                  <Button
                    type="text"
                    danger
                    aria-label={`删除${label} ${i + 1}`}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                  />
                }
              >
                {children(field)}
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)} block>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function GuideFields({
  isCity,
  legalLimit,
  limitCheck,
}: {
  isCity: boolean;
  legalLimit: number | null;
  /** the server's promised-limit rule: a message when the value breaks it */
  limitCheck: (promised: number | null) => string | null;
}) {
  return (
    <>
      <Form.Item
        name="promisedLimitDays"
        label={`承诺办结时限（工作日${legalLimit === null ? '' : `，不超过法定 ${legalLimit}`}）`}
        rules={[
          {
            validator: async (_, v: number | null | undefined) => {
              const message = limitCheck(v ?? null);
              if (message) throw new Error(message);
            },
          },
        ]}
      >
        <InputNumber min={0} max={3650} style={{ width: 160 }} />
      </Form.Item>
      {isCity ? (
        <>
          <ListField name="conditions" label="受理条件" addLabel="添加受理条件" blank="">
            {(f) => (
              <Form.Item name={f.name} rules={required('请填写受理条件')} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize aria-label={`受理条件 ${f.name + 1}`} maxLength={1000} />
              </Form.Item>
            )}
          </ListField>
          <ListField
            name="materials"
            label="申请材料"
            addLabel="添加申请材料"
            blank={{
              name: '',
              form: '原件',
              copies: 1,
              source: '申请人自备',
              isRequired: true,
              licenseType: null,
              note: '',
              blankFormUrl: null,
              sampleUrl: null,
            }}
          >
            {(f) => (
              <div className="form-grid">
                <Form.Item name={[f.name, 'name']} label="材料名称" rules={required('请填写材料名称')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'form']} label="材料形式">
                  <Select options={['原件', '复印件', '电子'].map((v) => ({ value: v, label: v }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'copies']} label="份数">
                  <InputNumber min={0} max={99} />
                </Form.Item>
                <Form.Item name={[f.name, 'source']} label="来源渠道" rules={required('请填写来源渠道')}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name={[f.name, 'isRequired']} label="必要性" valuePropName="checked">
                  <Checkbox>必须提交</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, 'licenseType']} label="可替代的电子证照">
                  <Input maxLength={100} placeholder="如：居民身份证" />
                </Form.Item>
                <Form.Item name={[f.name, 'note']} label="填报说明">
                  <Input maxLength={500} />
                </Form.Item>
              </div>
            )}
          </ListField>
        </>
      ) : null}
      <ListField
        name="places"
        label="办理地点"
        addLabel="添加办理地点"
        blank={{ name: '', windows: [], address: '', hours: '' }}
      >
        {(f) => (
          <div className="form-grid">
            <Form.Item name={[f.name, 'name']} label="地点名称" rules={required('请填写地点名称')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={[f.name, 'windows']} label="窗口（回车添加）">
              <Select mode="tags" open={false} aria-label="窗口" />
            </Form.Item>
            <Form.Item name={[f.name, 'address']} label="地址">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={[f.name, 'hours']} label="办公时间">
              <Input maxLength={200} />
            </Form.Item>
          </div>
        )}
      </ListField>
      <div className="form-grid">
        <Form.Item name={['phones', 'consult']} label="咨询电话">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name={['phones', 'complaint']} label="投诉电话">
          <Input maxLength={50} />
        </Form.Item>
      </div>
      {isCity ? (
        <ListField name="faq" label="常见问题" addLabel="添加常见问题" blank={{ q: '', a: '' }}>
          {(f) => (
            <>
              <Form.Item name={[f.name, 'q']} label="问题" rules={required('请填写问题')}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'a']}
                label="解答"
                rules={required('请填写解答')}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea autoSize maxLength={2000} />
              </Form.Item>
            </>
          )}
        </ListField>
      ) : null}
      <Form.Item name="localNotes" label="本地说明">
        <Input.TextArea autoSize maxLength={2000} />
      </Form.Item>
    </>
  );
}
