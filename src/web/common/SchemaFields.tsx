// An item's application form (a flat JSON Schema, cases/form-schema.ts) as Ant Design fields, with the
// browser-side checks the schema states; and the same form read back as a description list. Values stay
// plain JSON (dates as YYYY-MM-DD) so a draft can be saved as it is.
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import dayjs, { type Dayjs } from 'dayjs';
import type { FormData, FormField, FormSchema } from './cases.ts';

function rulesOf(field: FormField, isRequired: boolean): Rule[] {
  const rules: Rule[] = [];
  if (isRequired && field.type !== 'boolean')
    rules.push({ required: true, whitespace: true, message: `请填写${field.title}` });
  if (field.type === 'string') {
    if (field.minLength)
      rules.push({ min: field.minLength, message: `${field.title}至少需要 ${field.minLength} 个字` });
    if (field.maxLength)
      rules.push({ max: field.maxLength, message: `${field.title}不能超过 ${field.maxLength} 个字` });
    if (field.pattern)
      rules.push({ pattern: new RegExp(field.pattern), message: `${field.title}的格式不正确` });
  }
  return rules;
}

function widgetOf(field: FormField) {
  if (field.enum) {
    return (
      <Select
        allowClear
        options={field.enum.map((v) => ({ value: v, label: v }))}
        style={{ maxWidth: 360 }}
      />
    );
  }
  if (field.type === 'boolean') return <Switch checkedChildren="是" unCheckedChildren="否" />;
  if (field.type === 'number' || field.type === 'integer') {
    return (
      <InputNumber
        min={field.minimum}
        max={field.maximum}
        precision={field.type === 'integer' ? 0 : undefined}
        style={{ width: '100%', maxWidth: 240 }}
      />
    );
  }
  if (field.format === 'date') return <DatePicker style={{ width: '100%', maxWidth: 240 }} />;
  if (field['x-widget'] === 'textarea')
    return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={field.maxLength} />;
  return <Input maxLength={field.maxLength} />;
}

/** The Form.Items of a form schema inside an Ant Design Form, named [prefix, field] when a prefix is given. */
export function SchemaFields({ schema, prefix }: { schema: FormSchema; prefix?: string }) {
  const required = new Set(schema.required);
  return (
    <>
      {Object.entries(schema.properties).map(([name, field]) => {
        const isDate = field.type === 'string' && field.format === 'date';
        return (
          <Form.Item
            key={name}
            name={prefix ? [prefix, name] : name}
            label={field.title}
            extra={field.description}
            required={required.has(name) && field.type !== 'boolean'}
            rules={rulesOf(field, required.has(name))}
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
            {...(isDate
              ? {
                  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
                  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
                }
              : {})}
          >
            {widgetOf(field)}
          </Form.Item>
        );
      })}
    </>
  );
}

/** A form value as text: 是/否 for booleans, — for blanks. */
export function valueText(value: FormData[string] | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The filled form read back: each field's title and value. */
export function SchemaValues({ schema, data }: { schema: FormSchema; data: FormData }) {
  return (
    <dl className="kv" data-testid="form-values">
      {Object.entries(schema.properties).map(([name, field]) => (
        <div key={name} style={{ display: 'contents' }}>
          <dt>{field.title}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{valueText(data[name])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Saved values (a draft's) with every yes/no field starting as 否, so it is sent even when untouched. */
export function initialFormValues(schema: FormSchema, saved: FormData = {}): FormData {
  const out: FormData = { ...saved };
  for (const [name, field] of Object.entries(schema.properties))
    if (field.type === 'boolean' && typeof out[name] !== 'boolean') out[name] = false;
  return out;
}

/** Only the schema's fields, with blanks left out, ready to send. */
export function cleanFormData(schema: FormSchema, values: Record<string, unknown>): FormData {
  const out: FormData = {};
  for (const name of Object.keys(schema.properties)) {
    const v = values[name];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = v;
  }
  return out;
}
