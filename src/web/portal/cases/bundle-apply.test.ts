import { describe, expect, it } from 'vitest';
import type { ItemForm } from '../../common/cases.ts';
import type { BundleGuide } from '../../common/catalog.ts';
import { bundleItemForm, mergeForms, takenMembers } from './bundle-apply.ts';

const impl = (id: string) => ({
  id,
  versionId: `${id}v`,
  divisionCode: '411500',
  level: 'city' as const,
  department: { id: `d-${id}`, name: `部门${id}` },
});
const member = (itemId: string, isRequired: boolean, implementationId: string | null) =>
  ({
    itemId,
    name: `事项${itemId}`,
    isRequired,
    implementation: implementationId ? impl(implementationId) : null,
  }) as BundleGuide['members'][number];
const need = (itemId: string, isRequired: boolean) => ({
  itemId,
  itemName: `事项${itemId}`,
  materialName: '身份证',
  form: '原件' as const,
  copies: 1,
  isRequired,
});
const guide = {
  id: 'b1',
  name: '开办餐饮店',
  division: '411500',
  promisedLimitDays: 5,
  members: [member('a', true, 'ia'), member('b', false, 'ib'), member('c', false, null)],
  materials: [
    {
      name: '身份证',
      form: '原件',
      copies: 1,
      isRequired: true,
      source: '',
      licenseType: null,
      qualifiers: [],
      notes: [],
      neededBy: [need('a', true)],
    },
    {
      name: '场所平面图',
      form: '复印件',
      copies: 1,
      isRequired: false,
      source: '',
      licenseType: null,
      qualifiers: ['联网核验'],
      notes: [],
      neededBy: [need('b', true)],
    },
  ],
} as unknown as BundleGuide;
const form = (id: string, props: string[], required: string[]) =>
  ({
    implementationId: id,
    formSchema: {
      type: 'object',
      properties: Object.fromEntries(props.map((p) => [p, { type: 'string', title: p }])),
      required,
      additionalProperties: false,
    },
  }) as unknown as ItemForm;
const forms = new Map([
  ['ia', form('ia', ['summary'], ['summary'])],
  ['ib', form('ib', ['summary', 'area'], ['area'])],
]);

describe('the 一件事 application as the wizard shows it', () => {
  it('takes the required members and the optional ones ticked, never one without an implementation', () => {
    expect(takenMembers(guide, []).map((m) => m.itemId)).toEqual(['a']);
    expect(takenMembers(guide, ['b', 'c']).map((m) => m.itemId)).toEqual(['a', 'b']);
  });

  it('merges the forms: every field once, required when any member requires it', () => {
    const merged = mergeForms(
      'x',
      [forms.get('ia'), forms.get('ib')].map((f) => (f as ItemForm).formSchema),
    );
    expect(Object.keys(merged.properties)).toEqual(['summary', 'area']);
    expect(merged.required).toEqual(['summary', 'area']);
  });

  it('asks only for the materials of the members taken, required as a taken member requires them', () => {
    const alone = bundleItemForm(guide, forms, []);
    expect(alone.materials.map((m) => [m.name, m.isRequired])).toEqual([['身份证', true]]);
    expect(Object.keys(alone.formSchema.properties)).toEqual(['summary']);
    const both = bundleItemForm(guide, forms, ['b']);
    expect(both.materials.map((m) => [m.name, m.isRequired, m.note])).toEqual([
      ['身份证', true, ''],
      ['场所平面图', true, '联网核验'],
    ]);
    expect(both.departmentName).toBe('部门ia、部门ib');
    expect(both.formSchema.required).toEqual(['summary', 'area']);
  });
});
