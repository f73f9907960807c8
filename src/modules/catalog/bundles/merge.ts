// Pure rules of a bundle guide: the merged material list (a material several members need is asked
// once) and the outline of the merged intake form (what the members ask the applicant to fill in).
//
// Two materials are "the same" when their normalised names are equal. Normalising:
//  1. full-width and half-width brackets are the same, and so (NFKC) are full- and half-width letters,
//     digits and punctuation in the key;
//  2. bracketed qualifiers are taken off and kept: 授权委托书（委托他人代办时提供） → 授权委托书;
//  3. a trailing form word is taken off: 居民身份证复印件 → 居民身份证 (the form is a field of its own);
//  4. a holder in front of an e-license is taken off when the rest ends with the license type the
//     material names: 经营者居民身份证, 父母居民身份证 → 居民身份证; 父母居民户口簿 → 户口簿. Only a short
//     run of Chinese characters without 的/及/和/或/与 counts as a holder, so
//     法定代表人、董事…的任职文件及身份证明 or 股东主体资格文件 keep their own names.
// A material every member names alike keeps its words (个体工商户登记（备案）申请书); otherwise it is
// shown under the normalised name. Merging: the strongest form (原件 > 复印件 > 电子), the most copies, required when a required member
// requires it, the first license type any member names (it can replace the paper), and every member
// that needs it in its own words.
import type { Material } from '../schema.ts';
import type { FormOutline, MergedMaterial } from './schema.ts';

export type MemberMaterials = {
  itemId: string;
  itemName: string;
  isRequired: boolean;
  materials: Material[];
};

type Form = Material['form'];
const FORM_RANK: Record<Form, number> = { 电子: 1, 复印件: 2, 原件: 3 };
const QUALIFIER = /\(([^()]*)\)/g;
const FORM_SUFFIX = /(复印件|原件|扫描件|电子件|电子版)$/;
const HOLDER = /^[\u4e00-\u9fff]{1,8}$/;
const CONNECTIVE = /[的及和或与]/;

export type NormalisedName = { key: string; name: string; qualifiers: string[] };

/** The key a material is merged under, the name it is shown under, and the qualifiers taken off it. */
export function normaliseMaterialName(name: string, licenseType: string | null = null): NormalisedName {
  let core = name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const qualifiers: string[] = [];
  // Innermost brackets first, until none are left (a qualifier may itself hold brackets).
  for (let before = ''; before !== core; ) {
    before = core;
    core = core.replace(QUALIFIER, (_, inner: string) => {
      if (inner) qualifiers.push(inner);
      return '';
    });
  }
  core = core.replace(FORM_SUFFIX, '') || core;
  const license = licenseType?.replace(/\s+/g, '') ?? '';
  if (license && core !== license && core.endsWith(license)) {
    const holder = core.slice(0, -license.length);
    if (HOLDER.test(holder) && !CONNECTIVE.test(holder)) core = license;
  }
  return { key: core.normalize('NFKC'), name: core, qualifiers };
}

const distinct = (values: string[]) => [...new Set(values.filter((v) => v.length > 0))];

/** Every member's materials, merged so that a material needed by several members is listed once. */
export function mergeMaterials(members: MemberMaterials[]): MergedMaterial[] {
  const merged = new Map<string, MergedMaterial>();
  for (const member of members) {
    for (const m of member.materials) {
      const { key, name, qualifiers } = normaliseMaterialName(m.name, m.licenseType);
      const need = {
        itemId: member.itemId,
        itemName: member.itemName,
        materialName: m.name,
        form: m.form,
        copies: m.copies,
        isRequired: m.isRequired,
      };
      const isRequired = member.isRequired && m.isRequired;
      const found = merged.get(key);
      if (!found) {
        merged.set(key, {
          name,
          form: m.form,
          copies: m.copies,
          isRequired,
          source: m.source,
          licenseType: m.licenseType,
          qualifiers: distinct(qualifiers),
          notes: distinct([m.note]),
          neededBy: [need],
        });
        continue;
      }
      if (FORM_RANK[m.form] > FORM_RANK[found.form]) {
        found.form = m.form;
        found.source = m.source;
      }
      found.copies = Math.max(found.copies, m.copies);
      found.isRequired ||= isRequired;
      found.licenseType ??= m.licenseType;
      found.qualifiers = distinct([...found.qualifiers, ...qualifiers]);
      found.notes = distinct([...found.notes, m.note]);
      found.neededBy.push(need);
    }
  }
  // A material every member names alike keeps its own words, qualifiers and all.
  for (const m of merged.values()) {
    const names = distinct(m.neededBy.map((n) => n.materialName));
    if (names.length === 1 && names[0]) m.name = names[0];
  }
  return [...merged.values()];
}

// ── the merged intake form ────────────────────────────────────────────────────────────────────────

/** A material the applicant fills in rather than brings: the application forms of the members. */
export const isFillInForm = (m: Pick<Material, 'source'>) => /在线填报|窗口领取/.test(m.source);

type SectionRule = {
  key: string;
  label: string;
  fields: Array<[key: string, label: string]>;
  /** what in a member's name or materials (name and license type) calls for the section; none: always */
  when: RegExp | null;
};

/**
 * The field groups an intake form can ask for, in form order. A member that has a fill-in form asks for
 * the applicant always, and for each other group whose pattern matches its name or one of its
 * materials. The cases issue turns these groups into the merged application form.
 */
export const FORM_SECTIONS: SectionRule[] = [
  {
    key: 'applicant',
    label: '申请人信息',
    fields: [
      ['name', '姓名'],
      ['idType', '证件类型'],
      ['idNumber', '证件号码'],
      ['phone', '联系电话'],
      ['address', '联系地址'],
    ],
    when: null,
  },
  {
    key: 'organisation',
    label: '单位（市场主体）信息',
    fields: [
      ['name', '名称'],
      ['uscc', '统一社会信用代码'],
      ['legalRepresentative', '法定代表人（负责人）'],
    ],
    when: /营业执照|公司|企业|单位/,
  },
  {
    key: 'premises',
    label: '经营场所',
    fields: [
      ['address', '场所地址'],
      ['area', '使用面积（平方米）'],
      ['tenure', '使用方式（自有、租赁）'],
    ],
    when: /经营场所|住所|场所|经营布局/,
  },
  {
    key: 'business',
    label: '经营信息',
    fields: [
      ['scope', '经营范围（项目）'],
      ['employees', '从业人数'],
    ],
    when: /经营|个体工商户/,
  },
  {
    key: 'newborn',
    label: '新生儿信息',
    fields: [
      ['name', '姓名'],
      ['sex', '性别'],
      ['birthDate', '出生日期'],
      ['birthPlace', '出生地点'],
    ],
    when: /出生/,
  },
  {
    key: 'spouse',
    label: '配偶信息',
    fields: [
      ['name', '姓名'],
      ['idNumber', '证件号码'],
    ],
    when: /结婚|婚姻|夫妻|双方|配偶/,
  },
  {
    key: 'employment',
    label: '工作与参保信息',
    fields: [
      ['employer', '工作单位'],
      ['workStart', '参加工作时间'],
      ['insuranceNumber', '社会保障号码'],
    ],
    when: /退休|档案|参保|社会保障|公积金/,
  },
  {
    key: 'agent',
    label: '代办人信息（委托他人代办时）',
    fields: [
      ['name', '姓名'],
      ['idNumber', '证件号码'],
      ['phone', '联系电话'],
    ],
    when: /委托/,
  },
];

/** Whether a section applies to a member: 'required', 'optional' (only conditional materials), or null. */
function sectionNeed(rule: SectionRule, member: MemberMaterials): 'required' | 'optional' | null {
  if (!rule.when || rule.when.test(member.itemName)) return 'required';
  const hits = member.materials.filter((m) => rule.when?.test(`${m.name} ${m.licenseType ?? ''}`));
  if (hits.length === 0) return null;
  return hits.some((m) => m.isRequired) ? 'required' : 'optional';
}

/** The union of what the members with a fill-in form ask the applicant to fill in. */
export function outlineForm(members: MemberMaterials[]): FormOutline {
  const filling = members.filter((member) => member.materials.some(isFillInForm));
  const forms = filling.flatMap((member) =>
    member.materials.filter(isFillInForm).map((m) => ({ itemId: member.itemId, name: m.name })),
  );
  const sections: FormOutline['sections'] = [];
  for (const rule of FORM_SECTIONS) {
    const neededBy: string[] = [];
    let isRequired = false;
    for (const member of filling) {
      const need = sectionNeed(rule, member);
      if (!need) continue;
      neededBy.push(member.itemId);
      isRequired ||= member.isRequired && need === 'required';
    }
    if (neededBy.length === 0) continue;
    const fields = rule.fields.map(([key, label]) => ({ key, label }));
    sections.push({ key: rule.key, label: rule.label, fields, isRequired, neededBy });
  }
  return { forms, sections };
}
