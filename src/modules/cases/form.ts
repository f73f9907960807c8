// Forms per item version: the saved form of a version or the default one built from its guide, and
// server-side validation with Ajv (a real JSON Schema validator) reporting every bad field in Chinese.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { GuideContent } from '../catalog/index.ts';
import type { FormSchema } from './form-schema.ts';
import type { FormData } from './schema.ts';

/** The default form of an item: what every guide implies (a statement of the request; for 法人 items
 * the business premises). Personal contact data is not a form field: it is encrypted apart. */
export function defaultForm(content: GuideContent): FormSchema {
  const properties: FormSchema['properties'] = {
    summary: {
      type: 'string',
      title: '申请事项说明',
      description: `请简要说明申请“${content.name}”的事由和具体请求`,
      minLength: 2,
      maxLength: 1000,
      'x-widget': 'textarea',
    },
  };
  const required = ['summary'];
  if (content.serves.includes('法人')) {
    properties.premises = { type: 'string', title: '经营（住所）地址', maxLength: 200 };
  }
  if (content.fee.isCharged) {
    properties.invoiceTitle = { type: 'string', title: '发票抬头', maxLength: 100 };
  }
  return { type: 'object', title: content.name, properties, required, additionalProperties: false };
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
/** Compiled validators by the schema's JSON: forms are rebuilt per request, compiling is not. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 1000;

function messageOf(error: ErrorObject, schema: FormSchema): { field: string; message: string } {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  const field = missing ?? extra ?? error.instancePath.replace(/^\//, '');
  const title = schema.properties[field]?.title ?? field;
  const p = error.params as Record<string, unknown>;
  const text: Record<string, string> = {
    required: `请填写“${title}”`,
    additionalProperties: `表单没有“${field}”这一项`,
    type: `“${title}”的类型不正确`,
    maxLength: `“${title}”不能超过 ${p.limit} 个字`,
    minLength: `“${title}”至少需要 ${p.limit} 个字`,
    pattern: `“${title}”的格式不正确`,
    format: `“${title}”应为日期（YYYY-MM-DD）`,
    enum: `“${title}”只能选择给定的选项`,
    minimum: `“${title}”不能小于 ${p.limit}`,
    maximum: `“${title}”不能大于 ${p.limit}`,
  };
  return { field, message: text[error.keyword] ?? `“${title}”不符合要求` };
}

/** Every problem of the form data against its schema (empty when valid). Blank strings count as missing. */
export function formProblems(schema: FormSchema, data: FormData): Array<{ path: string; message: string }> {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) {
      compiled.clear();
      ajv.removeSchema();
    }
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  const cleaned = Object.fromEntries(
    Object.entries(data).filter(([, v]) => v !== null && !(typeof v === 'string' && v.trim() === '')),
  );
  if (validate(cleaned)) return [];
  return (validate.errors ?? []).map((e) => {
    const { field, message } = messageOf(e, schema);
    return { path: `body.form.${field}`, message };
  });
}
