// Search documents straight from seed/service-items.json, for the search tests and the benchmark:
// one city-level implementation per item, as the catalog seed would publish it. Not used at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SearchDoc } from '../deps.ts';
import { ITEM_TYPES, type ItemTypeCode } from '../schema.ts';

type SeedItem = {
  id: string;
  name: string;
  department: string;
  itemType: string;
  serves: string[];
  onlineDepth: number;
  instant: boolean;
  conditions: string[];
  materials: Array<{ name: string }>;
  legalBasis: string[];
  resultLicense: string | null;
  themes: string[];
  keywords: string[];
};

const SEED = fileURLToPath(new URL('../../../../seed/service-items.json', import.meta.url));
export const CITY_CODE = '411500';

const typeCode = (label: string): ItemTypeCode => {
  const found = (Object.keys(ITEM_TYPES) as ItemTypeCode[]).find((code) => ITEM_TYPES[code] === label);
  if (!found) throw new Error(`unknown item type ${label}`);
  return found;
};

export function loadSeedItems(): SeedItem[] {
  return JSON.parse(readFileSync(SEED, 'utf8')) as SeedItem[];
}

export function seedSearchDocs(divisionCode = CITY_CODE): SearchDoc[] {
  return loadSeedItems().map((item) => ({
    implementationId: `impl-${divisionCode}-${item.id}`,
    versionId: `ver-${divisionCode}-${item.id}`,
    itemId: item.id,
    divisionCode,
    level: divisionCode.length === 9 ? 'township' : divisionCode === CITY_CODE ? 'city' : 'county',
    departmentId: `dept-${divisionCode}-${item.department}`,
    departmentName: item.department,
    name: item.name,
    itemType: { code: typeCode(item.itemType), label: item.itemType },
    serves: item.serves,
    themes: item.themes,
    keywords: item.keywords,
    onlineDepth: item.onlineDepth,
    isInstant: item.instant,
    conditions: item.conditions,
    materials: item.materials.map((m) => m.name),
    resultName: item.resultLicense,
    legalBasis: item.legalBasis,
  }));
}
