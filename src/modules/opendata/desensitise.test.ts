import { describe, expect, it } from 'vitest';
import type { DataItem } from './deps.ts';
import { aggregate, applyRule, checkRules, toCounty } from './desensitise.ts';

const item = (
  key: string,
  type: DataItem['type'],
  sensitivity: DataItem['sensitivity'] = 'general',
): DataItem => ({
  name: key,
  key,
  type,
  description: '',
  sensitivity,
  isRequired: false,
  rules: {},
});

describe('desensitisation rules', () => {
  it('masks as the platform does and never keeps a sensitive value', () => {
    expect(applyRule(item('id', 'C', 'id-number'), { rule: 'mask' }, '411502199001011234')).toBe(
      '411502********1234',
    );
    expect(applyRule(item('p', 'C', 'phone'), { rule: 'mask' }, '13800001234')).toBe('138****1234');
    expect(applyRule(item('n', 'C', 'name'), { rule: 'mask' }, '欧阳修')).toBe('欧**');
    expect(applyRule(item('n', 'C', 'name'), { rule: 'keep' }, '欧阳修')).toBeNull();
    expect(applyRule(item('c', 'C'), { rule: 'mask' }, '信阳毛尖')).toBe('信**尖');
  });

  it('generalises dates, numbers and addresses', () => {
    expect(applyRule(item('d', 'D'), { rule: 'generalise', to: 'year' }, '2019-05-20')).toBe('2019');
    expect(applyRule(item('d', 'D'), { rule: 'generalise', to: 'year-month' }, '2019-05-20')).toBe('2019-05');
    expect(applyRule(item('n', 'N'), { rule: 'generalise', to: 'band', width: 100 }, 250)).toBe('200–300');
    expect(toCounty('河南省信阳市浉河区东方红大道 1 号')).toBe('河南省信阳市浉河区');
    expect(toCounty('信阳市光山县紫水街道 8 号')).toBe('信阳市光山县');
    expect(toCounty('广西壮族自治区南宁市青秀区民族大道 100 号')).toBe('广西壮族自治区南宁市青秀区');
  });

  it('refuses keep on sensitive items and rules that do not fit the type', () => {
    const items = [item('id', 'C', 'id-number'), item('d', 'D'), item('c', 'C')];
    expect(checkRules(items, { id: { rule: 'keep' } }, [])[0]?.kind).toBe('sensitive');
    expect(checkRules(items, { c: { rule: 'generalise', to: 'year' } }, [])).toHaveLength(1);
    expect(checkRules(items, { d: { rule: 'generalise', to: 'band' } }, [])).toHaveLength(1);
    expect(checkRules(items, { id: { rule: 'mask' } }, ['id'])).toHaveLength(1);
    expect(checkRules(items, { id: { rule: 'drop' }, d: { rule: 'generalise', to: 'year' } }, ['d'])).toEqual(
      [],
    );
  });

  it('suppresses counts below k, and one more when a single one would be revealed by the total', () => {
    const rows = [...Array(6).fill('存续'), ...Array(5).fill('在业'), '吊销'].map((s) => ({ s }));
    expect(aggregate([item('s', 'C')], ['s'], rows, 5)[0]?.groups).toEqual([
      { value: '存续', count: 6, isSuppressed: false },
      { value: '在业', count: null, isSuppressed: true },
      { value: '吊销', count: null, isSuppressed: true },
    ]);
    const two = [...rows, { s: '注销' }];
    expect(aggregate([item('s', 'C')], ['s'], two, 5)[0]?.groups.map((g) => g.count)).toEqual([
      6,
      5,
      null,
      null,
    ]);
  });
});
