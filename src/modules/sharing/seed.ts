// Demo data for the sharing catalog: 市场监督管理局's 法人基础信息 (基础 · 法人), published by 数据局 with
// five demo enterprises mounted, and 人力资源和社会保障局's 社会保险参保登记信息 (主题 · 社会保障),
// published without data. Runs through the same verbs as the officers (audited, with events). Does
// nothing when 法人基础信息 is already catalogued.
import type { Actor } from '../../platform/http/access.ts';
import { idNumberCheckChar } from '../../platform/standards/id-number.ts';
import { generateUscc } from '../../platform/standards/uscc.ts';
import type { SharingDeps } from './deps.ts';
import { ResourceInput } from './schema.ts';
import * as store from './store.ts';
import * as catalog from './use-cases/catalog.ts';
import * as mount from './use-cases/mount.ts';

export type SharingDemoPeople = { scjgData: Actor | null; rsjData: Actor | null; databureau: Actor | null };

export const LEGAL_PERSONS_DEMO = ResourceInput.parse({
  name: '法人基础信息',
  summary:
    '本市登记的企业法人基础信息：统一社会信用代码、名称、法定代表人、成立日期、登记机关和登记状态。数据来源：企业登记系统。',
  classification: { attribute: 'basic', xiang: { code: '02' }, mu: { code: '001', name: '法人登记信息' } },
  format: '电子表格',
  shareType: 'conditional',
  shareConditions: '用于行政审批、监管执法中核验法人身份',
  shareMethod: 'platform',
  openType: 'conditional',
  openConditions: '去除法定代表人身份证号后向社会开放',
  updateCycle: 'daily',
  items: [
    {
      name: '统一社会信用代码',
      key: 'uscc',
      type: 'C',
      length: 18,
      isRequired: true,
      rules: { check: 'uscc', isUnique: true },
    },
    { name: '名称', key: 'name', type: 'C', length: 200, isRequired: true },
    { name: '法定代表人', key: 'legal_rep', type: 'C', length: 50, isRequired: true, sensitivity: 'name' },
    {
      name: '法定代表人身份证号',
      key: 'legal_rep_id',
      type: 'C',
      length: 18,
      isRequired: true,
      sensitivity: 'id-number',
      rules: { check: 'id-number' },
    },
    { name: '成立日期', key: 'established_on', type: 'D', isRequired: true },
    { name: '登记机关', key: 'authority', type: 'C', length: 100 },
    {
      name: '状态',
      key: 'status',
      type: 'C',
      length: 10,
      isRequired: true,
      rules: { codes: ['存续', '在业', '吊销', '注销', '迁出'] },
    },
  ],
});

const INSURANCE_DEMO = ResourceInput.parse({
  name: '社会保险参保登记信息',
  summary: '职工基本养老保险、失业保险、工伤保险的参保单位与人员登记信息。',
  classification: { attribute: 'theme', xiang: { code: '03' }, mu: { code: '001', name: '社会保险' } },
  format: '数据库',
  shareType: 'conditional',
  shareConditions: '用于社保待遇资格核验和就业服务',
  shareMethod: 'platform',
  openType: 'none',
  updateCycle: 'monthly',
  items: [
    {
      name: '单位统一社会信用代码',
      key: 'uscc',
      type: 'C',
      length: 18,
      isRequired: true,
      rules: { check: 'uscc' },
    },
    { name: '姓名', key: 'person_name', type: 'C', length: 50, isRequired: true, sensitivity: 'name' },
    {
      name: '公民身份号码',
      key: 'id_number',
      type: 'C',
      length: 18,
      isRequired: true,
      sensitivity: 'id-number',
    },
    {
      name: '险种',
      key: 'insurance',
      type: 'C',
      length: 10,
      isRequired: true,
      rules: { codes: ['养老', '失业', '工伤'] },
    },
    { name: '参保日期', key: 'insured_on', type: 'D', isRequired: true },
  ],
});

const COMPANIES = [
  ['信阳毛尖茶业有限公司', '张三', '2019-05-20', '存续'],
  ['信阳南湾鱼业有限公司', '李四', '2016-03-01', '存续'],
  ['信阳红茶文化传播有限公司', '王五', '2021-09-15', '在业'],
  ['信阳豫南建材有限公司', '赵六', '2012-11-08', '吊销'],
  ['信阳鸡公山旅游开发有限公司', '钱七', '2009-06-30', '存续'],
] as const;

function demoCsv(): string {
  const lines = ['统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态'];
  COMPANIES.forEach(([name, rep, since, status], i) => {
    const uscc = generateUscc({
      registrationAuthority: '9',
      category: '1',
      divisionCode: '411502',
      orgBody: `MA9DM${String(i + 1).padStart(3, '0')}`,
    });
    const body = `41150219${70 + i}0${i + 1}1${i}0${i}${i + 1}`;
    lines.push(
      `${uscc},${name},${rep},${body}${idNumberCheckChar(body)},${since},信阳市市场监督管理局,${status}`,
    );
  });
  return lines.join('\n');
}

const ctxOf = (actor: Actor) => ({ actor, requestId: 'seed', ip: '127.0.0.1' });

/** Returns how many resources it published (0 when the demo catalog exists or its people are missing). */
export async function seedSharing(deps: SharingDeps, people: SharingDemoPeople): Promise<number> {
  const { scjgData, rsjData, databureau } = people;
  if (!scjgData?.departmentId || !rsjData?.departmentId || !databureau) return 0;
  const existing = await store.listOwn(deps.db, scjgData.departmentId, undefined, 1);
  if (existing.items.some((r) => r.v.name === LEGAL_PERSONS_DEMO.name)) return 0;
  let published = 0;
  for (const [officer, input] of [
    [scjgData, LEGAL_PERSONS_DEMO],
    [rsjData, INSURANCE_DEMO],
  ] as const) {
    const r = await catalog.register(deps, ctxOf(officer), input);
    await catalog.submit(deps, ctxOf(officer), r.id);
    await catalog.approve(deps, ctxOf(databureau), r.id);
    published++;
    if (input === LEGAL_PERSONS_DEMO)
      await mount.upload(deps, ctxOf(officer), r.id, '法人基础信息.csv', Buffer.from(demoCsv()));
  }
  return published;
}
