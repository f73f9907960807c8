// The four base databases (基础库, decision 0015) as catalog resources of 信阳市数据局: GB/T 21063
// metadata and data items. 人口 and 法人 come from identity's accounts, 电子证照 from licenses, 空间地理
// (行政区划) from org. Personal items (姓名, 身份证号, 手机号) are sensitive: encrypted at rest and masked
// through grants exactly like uploaded data.
import { ResourceInput } from '../schema.ts';

export const BASE_KINDS = ['population', 'legal-person', 'license', 'division'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

const POPULATION = ResourceInput.parse({
  name: '人口基础信息',
  summary:
    '本市在一网通办平台注册并实名认证的自然人基础信息：姓名、公民身份号码、性别、出生年月、户籍地区划、手机号码、实名认证等级。数据来源：统一身份认证系统，注册或变更后实时更新。',
  classification: { attribute: 'basic', xiang: { code: '01' }, mu: { code: '001', name: '自然人身份信息' } },
  format: '数据库',
  shareType: 'conditional',
  shareConditions: '用于政务服务和行政管理中核验自然人身份，按最小必要原则申请信息项',
  shareMethod: 'platform',
  openType: 'none',
  updateCycle: 'realtime',
  items: [
    { name: '姓名', key: 'name', type: 'C', length: 50, isRequired: true, sensitivity: 'name' },
    {
      name: '公民身份号码',
      key: 'id_number',
      type: 'C',
      length: 18,
      isRequired: true,
      sensitivity: 'id-number',
      rules: { check: 'id-number', isUnique: true },
    },
    { name: '性别', key: 'gender', type: 'C', length: 1, isRequired: true, rules: { codes: ['男', '女'] } },
    // year and month only: with 性别 and 户籍地 a full birth date re-identifies people; whoever needs
    // the date asks for 公民身份号码 unmasked (decision 0015)
    {
      name: '出生年月',
      key: 'birth_month',
      type: 'C',
      length: 7,
      isRequired: true,
      rules: { pattern: '^\\d{4}-\\d{2}$' },
    },
    {
      name: '户籍地行政区划代码',
      key: 'division_code',
      type: 'C',
      length: 6,
      description: '公民身份号码前 6 位（GB/T 2260）',
      rules: { pattern: '^\\d{6}$' },
    },
    {
      name: '手机号码',
      key: 'phone',
      type: 'C',
      length: 11,
      sensitivity: 'phone',
      rules: { check: 'phone' },
    },
    { name: '实名认证等级', key: 'real_name_level', type: 'I', isRequired: true, rules: { min: 1, max: 4 } },
    { name: '注册日期', key: 'registered_on', type: 'D', isRequired: true },
    {
      name: '账户状态',
      key: 'status',
      type: 'C',
      length: 4,
      isRequired: true,
      rules: { codes: ['正常', '停用'] },
    },
  ],
});

const LEGAL_PERSONS = ResourceInput.parse({
  name: '法人单位基础信息',
  summary:
    '在一网通办平台开通法人账户的企业和其他组织：统一社会信用代码、名称、法定代表人及其公民身份号码、登记地区划、开户日期。数据来源：统一身份认证系统（法人账户），开户后实时更新。',
  classification: { attribute: 'basic', xiang: { code: '02' }, mu: { code: '002', name: '法人账户信息' } },
  format: '数据库',
  shareType: 'conditional',
  shareConditions: '用于政务服务中核验法人身份和法定代表人',
  shareMethod: 'platform',
  openType: 'none',
  updateCycle: 'realtime',
  items: [
    {
      name: '统一社会信用代码',
      key: 'uscc',
      type: 'C',
      length: 18,
      isRequired: true,
      rules: { pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', isUnique: true },
    },
    { name: '名称', key: 'name', type: 'C', length: 200, isRequired: true },
    { name: '法定代表人', key: 'legal_rep', type: 'C', length: 50, sensitivity: 'name' },
    {
      name: '法定代表人身份证号',
      key: 'legal_rep_id',
      type: 'C',
      length: 18,
      sensitivity: 'id-number',
      rules: { check: 'id-number' },
    },
    {
      name: '登记地行政区划代码',
      key: 'division_code',
      type: 'C',
      length: 6,
      description: '统一社会信用代码第 3–8 位',
    },
    {
      name: '校验码核验',
      key: 'checksum',
      type: 'C',
      length: 6,
      isRequired: true,
      description: '统一社会信用代码校验码未通过的为试点期旧码，待人工核实',
      rules: { codes: ['通过', '待核实'] },
    },
    { name: '开户日期', key: 'opened_on', type: 'D', isRequired: true },
  ],
});

const LICENSES = ResourceInput.parse({
  name: '电子证照目录信息',
  summary:
    '本平台签发的电子证照目录信息：证照标识、编号、类型、持证主体、发证机关、有效期和状态（不含证照文件）。数据来源：电子证照系统，签发和状态变更后实时更新。',
  classification: { attribute: 'basic', xiang: { code: '05' }, mu: { code: '001', name: '电子证照目录' } },
  format: '数据库',
  shareType: 'conditional',
  shareConditions: '用于办理政务服务事项时核验证照、免提交材料',
  shareMethod: 'platform',
  openType: 'none',
  updateCycle: 'realtime',
  items: [
    {
      name: '证照标识',
      key: 'identifier',
      type: 'C',
      length: 120,
      isRequired: true,
      rules: { isUnique: true },
    },
    { name: '证照编号', key: 'license_no', type: 'C', length: 60, isRequired: true },
    { name: '证照类型', key: 'type_name', type: 'C', length: 100, isRequired: true },
    { name: '持证主体', key: 'holder_name', type: 'C', length: 200, isRequired: true, sensitivity: 'name' },
    { name: '持证主体代码类型', key: 'holder_code_type', type: 'C', length: 30, isRequired: true },
    {
      name: '持证主体代码',
      key: 'holder_code',
      type: 'C',
      length: 18,
      isRequired: true,
      sensitivity: 'id-number',
      description: '公民身份号码或统一社会信用代码',
    },
    { name: '发证机关', key: 'issuer', type: 'C', length: 100, isRequired: true },
    { name: '发证机关代码', key: 'issuer_code', type: 'C', length: 18, isRequired: true },
    { name: '发证机关行政区划代码', key: 'division_code', type: 'C', length: 6 },
    { name: '有效期起始日期', key: 'valid_from', type: 'D', isRequired: true },
    { name: '有效期截止日期', key: 'valid_to', type: 'D' },
    { name: '签发时间', key: 'issued_at', type: 'T', isRequired: true },
    {
      name: '证照状态',
      key: 'status',
      type: 'C',
      length: 10,
      isRequired: true,
      rules: { codes: ['有效', '暂扣', '撤销', '注销', '失效', '吊销'] },
    },
  ],
});

const DIVISIONS = ResourceInput.parse({
  name: '行政区划信息',
  summary:
    '本市行政区划（GB/T 2260 及统计用区划代码）：代码、名称、级别、上级区划和类型，含市、县区和乡镇街道。数据来源：组织机构与区划管理。',
  classification: { attribute: 'basic', xiang: { code: '03' }, mu: { code: '001', name: '行政区划' } },
  format: '数据库',
  shareType: 'unconditional',
  shareMethod: 'platform',
  openType: 'unconditional',
  updateCycle: 'irregular',
  items: [
    {
      name: '区划代码',
      key: 'code',
      type: 'C',
      length: 12,
      isRequired: true,
      rules: { pattern: '^\\d{6}(\\d{3})?(\\d{3})?$', isUnique: true },
    },
    { name: '区划名称', key: 'name', type: 'C', length: 100, isRequired: true },
    {
      name: '级别',
      key: 'level',
      type: 'C',
      length: 10,
      isRequired: true,
      rules: { codes: ['省级', '市级', '县级', '乡级', '村级'] },
    },
    { name: '上级区划代码', key: 'parent_code', type: 'C', length: 12 },
    { name: '类型', key: 'type', type: 'C', length: 20 },
    { name: '统计用区划', key: 'is_statistical_only', type: 'L', isRequired: true },
  ],
});

export const BASE_RESOURCES: Record<BaseKind, ResourceInput> = {
  population: POPULATION,
  'legal-person': LEGAL_PERSONS,
  license: LICENSES,
  division: DIVISIONS,
};
