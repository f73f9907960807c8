import { describe, expect, it } from 'vitest';
import type { Material } from '../schema.ts';
import { cityContent, readSeedItems } from '../seed-content.ts';
import { type MemberMaterials, mergeMaterials, normaliseMaterialName, outlineForm } from './merge.ts';

const seed = readSeedItems();
const NO_PLACE = { places: [], phones: { consult: '', complaint: '12345' } };

/** A member built from the seed item of that exact name, with its guide materials. */
function member(name: string, isRequired = true): MemberMaterials {
  const item = seed.find((i) => i.name === name);
  if (!item) throw new Error(`no seed item ${name}`);
  return { itemId: item.id, itemName: name, isRequired, materials: cityContent(item, NO_PLACE).materials };
}

const material = (over: Partial<Material> & { name: string }): Material => ({
  form: '原件',
  copies: 1,
  source: '申请人自备',
  isRequired: true,
  licenseType: null,
  note: '',
  blankFormUrl: null,
  sampleUrl: null,
  ...over,
});
const synthetic = (itemId: string, materials: Material[], isRequired = true): MemberMaterials => ({
  itemId,
  itemName: itemId,
  isRequired,
  materials,
});
const byName = (merged: ReturnType<typeof mergeMaterials>, name: string) => {
  const found = merged.find((m) => m.name === name);
  if (!found) throw new Error(`${name} not merged: ${merged.map((m) => m.name).join('、')}`);
  return found;
};

describe('normalising material names', () => {
  it('takes off bracketed qualifiers of either width and keeps them', () => {
    expect(normaliseMaterialName('授权委托书（委托他人代办时提供）')).toEqual({
      key: '授权委托书',
      name: '授权委托书',
      qualifiers: ['委托他人代办时提供'],
    });
    expect(normaliseMaterialName('授权委托书(委托他人代办时提供)').key).toBe('授权委托书');
  });

  it('treats full-width and half-width letters and digits as the same', () => {
    expect(normaliseMaterialName('ＩＳＯ９００１认证证书').key).toBe(
      normaliseMaterialName('ISO9001认证证书').key,
    );
  });

  it('takes off a trailing form word: the form is its own field', () => {
    expect(normaliseMaterialName('居民身份证复印件').key).toBe('居民身份证');
  });

  it('takes off the holder in front of an e-license, and only a holder', () => {
    expect(normaliseMaterialName('经营者居民身份证', '居民身份证').key).toBe('居民身份证');
    expect(normaliseMaterialName('法定代表人（负责人）居民身份证', '居民身份证').key).toBe('居民身份证');
    expect(normaliseMaterialName('夫妻双方居民身份证（信息核验）', '居民身份证').key).toBe('居民身份证');
    expect(normaliseMaterialName('父母居民户口簿', '户口簿').key).toBe('户口簿');
    expect(
      normaliseMaterialName('法定代表人、董事、监事、高级管理人员的任职文件及身份证明', '居民身份证').key,
    ).toBe('法定代表人、董事、监事、高级管理人员的任职文件及身份证明');
    expect(normaliseMaterialName('职工名册及身份证明（信息共享）', '居民身份证').key).toBe(
      '职工名册及身份证明',
    );
    // Without a license type nothing tells a holder from a name.
    expect(normaliseMaterialName('经营者居民身份证').key).toBe('经营者居民身份证');
  });
});

describe('merging the materials of a bundle (seed items)', () => {
  it('asks 居民身份证 once for 开办餐饮店, in the strongest form, naming both members', () => {
    const merged = mergeMaterials([member('个体工商户设立登记'), member('食品经营许可（新办）')]);
    const id = byName(merged, '居民身份证');
    expect(id).toMatchObject({ form: '原件', copies: 1, isRequired: true, licenseType: '居民身份证' });
    expect(id.neededBy.map((n) => [n.itemName, n.materialName, n.form])).toEqual([
      ['个体工商户设立登记', '经营者居民身份证', '原件'],
      ['食品经营许可（新办）', '法定代表人（负责人）居民身份证', '电子'],
    ]);
    expect(merged.filter((m) => m.licenseType === '居民身份证')).toHaveLength(1);
  });

  it('keeps a conditional material conditional and says when it is needed', () => {
    const merged = mergeMaterials([member('个体工商户设立登记'), member('食品经营许可（新办）')]);
    const proxy = byName(merged, '授权委托书（委托他人代办时提供）');
    expect(proxy).toMatchObject({ isRequired: false, qualifiers: ['委托他人代办时提供'] });
    expect(proxy.neededBy).toHaveLength(2);
  });

  it('keeps each member’s own application form', () => {
    const merged = mergeMaterials([member('个体工商户设立登记'), member('食品经营许可（新办）')]);
    expect(merged.map((m) => m.name)).toEqual(
      expect.arrayContaining(['个体工商户登记（备案）申请书', '食品经营许可申请书']),
    );
    // 4 + 6 materials, two of them shared.
    expect(merged).toHaveLength(8);
  });

  it('merges the newborn bundle: one ID card for four members, 出生医学证明 required as an original', () => {
    const merged = mergeMaterials([
      member('出生医学证明首次签发'),
      member('出生登记（新生儿入户）'),
      member('城乡居民基本医疗保险参保登记'),
      member('社会保障卡申领'),
    ]);
    expect(byName(merged, '居民身份证').neededBy.map((n) => n.itemName)).toEqual([
      '出生医学证明首次签发',
      '出生登记（新生儿入户）',
      '城乡居民基本医疗保险参保登记',
      '社会保障卡申领',
    ]);
    const birth = byName(merged, '出生医学证明');
    expect(birth).toMatchObject({ form: '原件', isRequired: true, qualifiers: ['新生儿参保时'] });
    expect(birth.neededBy.map((n) => [n.form, n.isRequired])).toEqual([
      ['原件', true],
      ['电子', false],
    ]);
  });

  it('does not fold a different document that merely mentions an ID card into 居民身份证', () => {
    const merged = mergeMaterials([member('企业设立登记（有限责任公司）'), member('住房公积金单位缴存登记')]);
    expect(merged.filter((m) => m.licenseType === '居民身份证').map((m) => m.name)).toEqual([
      '股东主体资格文件（自然人股东居民身份证、法人股东营业执照）',
      '法定代表人、董事、监事、高级管理人员的任职文件及身份证明',
      '经办人居民身份证',
    ]);
    // 营业执照 is asked by 公积金 only; the company's own materials stay whole.
    expect(merged).toHaveLength(9);
  });

  it('takes the most copies, keeps the license type that can replace it, and joins notes', () => {
    const merged = mergeMaterials([
      synthetic('a', [material({ name: '房屋租赁合同', form: '复印件', copies: 1, note: '加盖公章' })]),
      synthetic('b', [
        material({ name: '房屋租赁合同（原件）', form: '复印件', copies: 3, licenseType: '租赁备案' }),
      ]),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      copies: 3,
      form: '复印件',
      licenseType: '租赁备案',
      notes: ['加盖公章'],
    });
  });

  it('does not require what only an optional member asks for', () => {
    const merged = mergeMaterials([
      synthetic('a', [material({ name: '居民身份证', licenseType: '居民身份证' })]),
      synthetic('b', [material({ name: '医疗费用票据' }), material({ name: '居民身份证' })], false),
    ]);
    expect(byName(merged, '医疗费用票据').isRequired).toBe(false);
    expect(byName(merged, '居民身份证').isRequired).toBe(true);
  });
});

describe('the merged intake-form outline', () => {
  it('unites what the 开办餐饮店 forms ask: applicant, business, premises; the agent only when delegating', () => {
    const outline = outlineForm([member('个体工商户设立登记'), member('食品经营许可（新办）')]);
    expect(outline.forms.map((f) => f.name)).toEqual(['个体工商户登记（备案）申请书', '食品经营许可申请书']);
    const sections = Object.fromEntries(outline.sections.map((s) => [s.key, s]));
    expect(Object.keys(sections)).toEqual(['applicant', 'organisation', 'premises', 'business', 'agent']);
    expect(sections.applicant?.neededBy).toHaveLength(2);
    expect(sections.applicant?.fields.map((f) => f.label)).toContain('证件号码');
    expect(sections.agent?.isRequired).toBe(false);
    expect(sections.premises?.isRequired).toBe(true);
  });

  it('asks nothing of a member without a fill-in form', () => {
    const outline = outlineForm([member('出生医学证明首次签发'), member('社会保障卡申领')]);
    expect(outline.forms).toHaveLength(1);
    expect(outline.sections.map((s) => s.key)).toEqual(['applicant', 'newborn']);
    expect(outline.sections.every((s) => s.neededBy.length === 1)).toBe(true);
  });
});
