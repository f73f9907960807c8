import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { isFinalRefusal, spreadProblems } from './field-errors.ts';

/** The two form methods the spreading uses, over a fixed set of registered field names. */
function fakeForm(names: (string | number)[][]) {
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  const form = {
    getFieldsError: () => names.map((name) => ({ name, errors: [], warnings: [] })),
    setFields: (fields: typeof set) => set.push(...fields),
  } as unknown as FormInstance;
  return { form, set };
}

const refusal = (errors: { path: string; message: string }[]) =>
  new ApiError(400, { code: 'CASE_FORM_INVALID', title: '申请内容不符合要求', errors });

describe('server field messages on a nested form', () => {
  it('puts each message on the deepest field it names, materials on their names, the rest above', () => {
    const { form, set } = fakeForm([
      ['form', 'summary'],
      ['contact', 'phone'],
      ['definition', 'steps', 1, 'name'],
    ]);
    const error = refusal([
      { path: 'body.form.summary', message: '“申请事项说明”至少需要 2 个字' },
      { path: 'body.contact.phone', message: '请输入 11 位手机号码' },
      { path: 'body.definition.steps.1.name', message: '环节名称过长' },
      { path: 'body.materials.1.fileIds', message: '“营业执照”没有上传文件' },
      { path: 'body.materials', message: '缺少必需材料“申请书”' },
    ]);
    const spread = spreadProblems(form, error, ['申请书', '营业执照']);
    expect(set).toEqual([
      { name: ['form', 'summary'], errors: ['“申请事项说明”至少需要 2 个字'] },
      { name: ['contact', 'phone'], errors: ['请输入 11 位手机号码'] },
      { name: ['definition', 'steps', 1, 'name'], errors: ['环节名称过长'] },
    ]);
    expect(spread.materials).toEqual(new Map([['营业执照', '“营业执照”没有上传文件']]));
    expect((spread.shown as ApiError).fieldErrors).toEqual([
      { path: 'body.materials', message: '缺少必需材料“申请书”' },
    ]);
  });
  it('shows other errors as they are', () => {
    const { form } = fakeForm([]);
    const network = new ApiError(0, { code: 'NETWORK', title: '网络连接失败' });
    expect(spreadProblems(form, network).shown).toMatchObject({ code: 'NETWORK', title: '网络连接失败' });
    const other = new Error('意外错误');
    expect(spreadProblems(form, other).shown).toBe(other);
  });
  it('keeps the Idempotency-Key for a lost answer, a 5xx or a submission still in flight', () => {
    expect(isFinalRefusal(refusal([]))).toBe(true);
    expect(isFinalRefusal(new ApiError(422, {}))).toBe(true);
    expect(isFinalRefusal(new ApiError(409, {}))).toBe(false);
    expect(isFinalRefusal(new ApiError(503, {}))).toBe(false);
    expect(isFinalRefusal(new ApiError(0, {}))).toBe(false);
  });
});
