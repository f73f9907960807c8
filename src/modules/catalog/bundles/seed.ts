// Demo "one thing" bundles for 信阳市, published, from items of seed/service-items.json named exactly.
// A name missing from the seed file is a programming error (the test suite runs this seed); a member not
// published in the city is left out, and a bundle left with fewer than two members is not seeded.
// Ids derive from the bundle code, so a second run adds nothing.
import type { Executor } from '../../../platform/db/index.ts';
import { seedId } from '../seed.ts';
import { readSeedItems } from '../seed-content.ts';
import { type BundleAudience, MIN_MEMBERS } from './schema.ts';
import * as store from './store.ts';

const CITY = '411500';

type Member = { name: string; isRequired?: boolean; note?: string };
type SeedBundle = {
  code: string;
  name: string;
  audience: BundleAudience;
  description: string;
  members: Member[];
};

export const SEED_BUNDLES: SeedBundle[] = [
  {
    code: 'KAIBAN-CANYINDIAN',
    name: '开办餐饮店',
    audience: '个人',
    description: '开一家小饭馆、小吃店：营业执照、食品经营许可一次申请，消防、排水、招牌按需办理。',
    members: [
      { name: '个体工商户设立登记' },
      { name: '食品经营许可（新办）' },
      {
        name: '公众聚集场所投入使用、营业前消防安全检查',
        isRequired: false,
        note: '营业场所属于公众聚集场所的',
      },
      { name: '城镇污水排入排水管网许可证核发', isRequired: false, note: '向城镇排水管网排放污水的' },
      {
        name: '设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批',
        isRequired: false,
        note: '设置大型户外招牌、广告的',
      },
    ],
  },
  {
    code: 'XINSHENGER-CHUSHENG',
    name: '新生儿出生一件事',
    audience: '个人',
    description: '孩子出生后：出生医学证明、落户、医保参保、社保卡一次办好。',
    members: [
      { name: '出生医学证明首次签发' },
      { name: '出生登记（新生儿入户）' },
      { name: '城乡居民基本医疗保险参保登记' },
      { name: '社会保障卡申领' },
      {
        name: '生育保险待遇申领（生育医疗费用、生育津贴）',
        isRequired: false,
        note: '父母参加职工生育保险的',
      },
    ],
  },
  {
    code: 'TUIXIU',
    name: '退休一件事',
    audience: '个人',
    description: '到了退休年龄：退休申请、养老金申领、公积金提取一次办。',
    members: [
      { name: '企业职工正常退休（职）申请' },
      { name: '企业职工基本养老保险待遇申领' },
      { name: '离休、退休提取住房公积金', isRequired: false, note: '缴存了住房公积金的' },
    ],
  },
  {
    code: 'KAIBAN-QIYE',
    name: '开办企业一件事',
    audience: '法人',
    description: '新开一家公司：营业执照、发票、职工医保、公积金开户一次申请。',
    members: [
      { name: '企业设立登记（有限责任公司）' },
      { name: '发票领用' },
      { name: '职工基本医疗保险参保登记（单位）' },
      { name: '住房公积金单位缴存登记' },
      {
        name: '增值税一般纳税人登记',
        isRequired: false,
        note: '年应税销售额超过小规模纳税人标准或自愿登记的',
      },
    ],
  },
  {
    code: 'HUNYU',
    name: '婚育一件事',
    audience: '个人',
    description: '结婚登记后，生育登记和配偶落户一并办理。',
    members: [
      { name: '内地居民结婚登记' },
      { name: '生育登记' },
      { name: '户口迁入审批（市外迁入）', isRequired: false, note: '配偶户口从市外迁入的' },
    ],
  },
];

/** Base item ids of the seed bundles' members by name; throws on a name the seed file lacks. */
function memberItemIds(): Map<string, string> {
  const byName = new Map(readSeedItems().map((i) => [i.name, seedId(`item:${i.id}`)]));
  const ids = new Map<string, string>();
  for (const member of SEED_BUNDLES.flatMap((b) => b.members)) {
    const id = byName.get(member.name);
    if (!id) throw new Error(`seed bundle member ${member.name} is not in seed/service-items.json`);
    ids.set(member.name, id);
  }
  return ids;
}

/** Writes the demo bundles that do not exist yet, published; returns how many were added. */
export async function seedBundles(tx: Executor, now: Date): Promise<number> {
  const ids = memberItemIds();
  const published = new Set(
    (await store.publishedImplementations(tx, [...new Set(ids.values())], [CITY])).map((r) => r.item_id),
  );
  let added = 0;
  for (const [position, bundle] of SEED_BUNDLES.entries()) {
    // A millisecond apart, so lists (oldest first) keep the order above.
    const at = new Date(now.getTime() + position);
    const members = bundle.members.filter((m) => published.has(ids.get(m.name) ?? ''));
    if (members.length < MIN_MEMBERS) continue;
    const id = seedId(`bundle:${bundle.code}`);
    const inserted = await store.insertBundlesIfAbsent(tx, [
      {
        id,
        code: bundle.code,
        name: bundle.name,
        audience: bundle.audience,
        description: bundle.description,
        division_code: CITY,
        state: 'published',
        created_at: at,
        updated_at: at,
        published_at: at,
      },
    ]);
    if (inserted.length === 0) continue;
    await store.replaceMembers(
      tx,
      id,
      members.map((m, i) => ({
        bundle_id: id,
        item_id: ids.get(m.name) ?? '',
        position: i + 1,
        is_required: m.isRequired ?? true,
        note: m.note ?? '',
      })),
    );
    added++;
  }
  return added;
}
