// Turns one record of seed/service-items.json (fields described in seed/README.md) into guide content.
// Elements the seed does not carry are filled from what it does carry, and say nothing new: process
// steps from 即办件/承诺件, FAQ answers from visits needed and online depth, the seed's notes as a FAQ.
import { readFileSync } from 'node:fs';
import { type GuideContent, ITEM_TYPES, type ItemTypeCode, type Material } from './schema.ts';

export type SeedMaterial = {
  name: string;
  form: '原件' | '复印件' | '电子';
  copies: number;
  source: string;
  licenseType: string | null;
  note?: string;
};
export type SeedItem = {
  id: string;
  name: string;
  department: string;
  itemType: string;
  serves: Array<'自然人' | '法人'>;
  level: Array<'市级' | '县级' | '乡级'>;
  legalLimitDays: number | null;
  legalLimitUnit: '工作日' | '日' | null;
  promisedLimitDays: number | null;
  instant: boolean;
  visitsNeeded: number;
  onlineDepth: number;
  fee: { charged: boolean; basis?: string; amountYuan?: number; note?: string };
  conditions: string[];
  materials: SeedMaterial[];
  legalBasis: string[];
  resultLicense: string | null;
  themes: string[];
  keywords: string[];
  notes?: string;
};

export const readSeedItems = (): SeedItem[] =>
  JSON.parse(
    readFileSync(new URL('../../../seed/service-items.json', import.meta.url), 'utf8'),
  ) as SeedItem[];

/** A.1 code of the seed's type label (其他行政权力 is 10, 公共服务 20). */
export function typeCodeOf(label: string): ItemTypeCode {
  const found = Object.entries(ITEM_TYPES).find(([, l]) => l === label);
  if (!found) throw new Error(`unknown item type ${label}`);
  return found[0] as ItemTypeCode;
}

/** A material the name makes conditional ("委托他人代办时提供", "已婚的提供") is not always required. */
const isConditional = (name: string) => /时提供|时）|的提供|的：/.test(name);

function material(m: SeedMaterial): Material {
  return {
    name: m.name,
    form: m.form,
    copies: m.copies,
    source: m.source,
    isRequired: !isConditional(m.name),
    licenseType: m.licenseType,
    note: m.note ?? '',
    blankFormUrl: null,
    sampleUrl: null,
  };
}

function processSteps(item: SeedItem): string[] {
  const result = item.resultLicense ?? '办理结果';
  if (item.instant) return ['网上或窗口提交申请', '窗口受理并当场审查', `当场办结，领取${result}`];
  return [
    '网上或窗口提交申请',
    '窗口受理（材料不全的，一次性告知需要补正的全部内容）',
    '部门审查',
    '作出决定',
    `送达${result}`,
  ];
}

const VISITS = ['材料齐全、符合条件的，全程网上办理，不用到现场。', '最多到现场一次。', '最多到现场两次。'];
const DEPTH = [
  '',
  '可在网上查看办事指南、下载表格，需到窗口提交申请。',
  '可在网上提交材料预审，预审通过后到窗口办理。',
  '可在网上申请和受理，需到现场核验材料或领取结果。',
  '可全程网上办理。',
];

function faq(item: SeedItem): GuideContent['faq'] {
  const list = [
    { q: '办理这个事项需要跑几次？', a: VISITS[item.visitsNeeded] ?? VISITS[2] ?? '' },
    { q: '可以在网上办理吗？', a: DEPTH[item.onlineDepth] ?? '' },
  ];
  if (item.notes) list.push({ q: '还有什么需要注意的？', a: item.notes });
  return list;
}

function fee(f: SeedItem['fee']): GuideContent['fee'] {
  if (!f.charged) return { isCharged: false, basis: null, amountText: null };
  const amount = f.amountYuan === undefined ? null : `${f.amountYuan} 元`;
  return {
    isCharged: true,
    basis: f.basis ?? null,
    amountText: [amount, f.note].filter(Boolean).join('；') || null,
  };
}

/** The city's guide of a seed item, with the city's places and phones. */
export function cityContent(
  item: SeedItem,
  local: { places: GuideContent['places']; phones: GuideContent['phones'] },
): GuideContent {
  const code = typeCodeOf(item.itemType);
  return {
    name: item.name,
    itemType: { code, label: ITEM_TYPES[code] },
    serves: [...new Set(item.serves)].sort((a, b) => (a === '自然人' ? -1 : b === '自然人' ? 1 : 0)),
    level: item.level,
    legalLimitDays: item.legalLimitDays,
    legalLimitUnit: item.legalLimitUnit,
    promisedLimitDays: item.promisedLimitDays,
    isInstant: item.instant,
    visitsNeeded: item.visitsNeeded,
    onlineDepth: item.onlineDepth,
    fee: fee(item.fee),
    conditions: item.conditions,
    materials: item.materials.map(material),
    legalBasis: item.legalBasis,
    resultName: item.resultLicense,
    resultLicense: item.resultLicense,
    processSteps: processSteps(item),
    places: local.places,
    phones: local.phones,
    faq: faq(item),
    themes: item.themes,
    keywords: item.keywords,
    localNotes: '',
  };
}
