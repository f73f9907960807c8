// The public side (no sign-in): dataset list and search, dataset page, paged rows, CSV (UTF-8 with BOM)
// and JSON downloads, the DCAT-AP JSON-LD catalog and the CKAN Action API (package_list, package_show,
// package_search). Everything reads the desensitised snapshot only.
import type { Db } from '../../platform/db/index.ts';
import { opendataErrors } from './errors.ts';
import type { Cell, ListQuery, RowsQuery } from './schema.ts';
import * as store from './store.ts';
import { downloadsOf, LICENSES, toDatasetView, toSummary } from './views.ts';

/** One ILIKE pattern per word of the query (CKAN's `*:*` is everything). */
const likesOf = (q: string | undefined) =>
  !q || q === '*:*'
    ? []
    : q
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 10)
        .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

async function published(db: Db, name: string) {
  const d = await store.publishedByName(db, name);
  if (!d) throw opendataErrors.datasetNotFound(name);
  return d;
}

export async function list(db: Db, query: ListQuery) {
  const found = await store.search(
    db,
    { likes: likesOf(query.q) },
    (query.page - 1) * store.PAGE,
    store.PAGE,
  );
  return { items: found.items.map(toSummary), total: found.total, page: query.page };
}

export const get = async (db: Db, name: string) => toDatasetView(await published(db, name));

export async function rows(db: Db, name: string, query: RowsQuery) {
  const d = await published(db, name);
  return {
    name: d.name,
    total: d.row_count,
    page: query.page,
    size: query.size,
    columns: d.columns,
    rows: await store.pageRows(db, d.id, (query.page - 1) * query.size, query.size),
  };
}

async function allRows(db: Db, id: string) {
  const out: Array<Record<string, Cell>> = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await store.pageRows(db, id, offset, 5000);
    out.push(...page);
    if (page.length < 5000) return out;
  }
}

/** RFC 4180 field; a text starting with = + - @ gets a leading ' so spreadsheets do not run it. */
function csvField(v: Cell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function csv(db: Db, name: string) {
  const d = await published(db, name);
  const lines = [d.columns.map((c) => csvField(c.name)).join(',')];
  for (const row of await allRows(db, d.id))
    lines.push(d.columns.map((c) => csvField(row[c.key] ?? null)).join(','));
  return { fileName: `${d.title}.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
}

export async function json(db: Db, name: string) {
  const d = await published(db, name);
  const body = {
    name: d.name,
    title: d.title,
    license: LICENSES[d.license].url,
    modified: d.modified_at.toISOString(),
    columns: d.columns,
    rows: await allRows(db, d.id),
  };
  return { fileName: `${d.title}.json`, body: JSON.stringify(body) };
}

// ── DCAT-AP ──
const FREQUENCY: Record<string, string> = {
  realtime: 'CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  'half-yearly': 'ANNUAL_2',
  yearly: 'ANNUAL',
  irregular: 'IRREG',
};

export async function dcat(db: Db, base: string) {
  const all: store.DatasetRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.search(db, { likes: [] }, offset, 500);
    all.push(...page.items);
    if (page.items.length < 500) break;
  }
  const dateTime = (d: Date) => ({ '@value': d.toISOString(), '@type': 'xsd:dateTime' });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/api/open/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': { '@value': '公共数据开放目录', '@language': 'zh' },
    'dct:description': { '@value': '经脱敏后向社会开放的政务数据集', '@language': 'zh' },
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': '数据局' },
    'foaf:homepage': { '@id': `${base}/open` },
    'dct:modified': dateTime(all[0]?.modified_at ?? new Date(0)),
    'dcat:dataset': all.map((d) => {
      const license = { '@id': LICENSES[d.license].url };
      const urls = downloadsOf(d.name, base);
      const distribution = (format: 'CSV' | 'JSON', url: string, mediaType: string) => ({
        '@id': `${url}#distribution`,
        '@type': 'dcat:Distribution',
        'dct:title': `${d.title}（${format}）`,
        'dct:format': format,
        'dcat:mediaType': mediaType,
        'dcat:downloadURL': { '@id': url },
        'dcat:accessURL': { '@id': url },
        'dct:license': license,
        'dct:modified': dateTime(d.modified_at),
      });
      return {
        '@id': `${base}/open/${d.name}`,
        '@type': 'dcat:Dataset',
        'dct:identifier': d.name,
        'dct:title': { '@value': d.title, '@language': 'zh' },
        'dct:description': { '@value': d.notes, '@language': 'zh' },
        'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': d.organization_title },
        'dct:issued': dateTime(d.published_at),
        'dct:modified': dateTime(d.modified_at),
        'dct:license': license,
        'dct:accrualPeriodicity': {
          '@id': `http://publications.europa.eu/resource/authority/frequency/${FREQUENCY[d.update_cycle] ?? 'UNKNOWN'}`,
        },
        'dcat:keyword': d.tags,
        'dcat:landingPage': { '@id': `${base}/open/${d.name}` },
        'dcat:distribution': [
          distribution('CSV', urls.csv, 'text/csv'),
          distribution('JSON', urls.json, 'application/json'),
        ],
      };
    }),
  };
}

// ── CKAN Action API ──
export function ckanPackage(d: store.DatasetRow, base: string) {
  const urls = downloadsOf(d.name, base);
  const created = d.published_at.toISOString();
  const modified = d.modified_at.toISOString();
  const resource = (format: 'CSV' | 'JSON', url: string, mimetype: string, position: number) => ({
    id: `${d.id}-${format.toLowerCase()}`,
    package_id: d.id,
    url,
    format,
    mimetype,
    name: `${d.title}（${format}）`,
    description: `${d.title}，${format} 格式下载`,
    position,
    created,
    last_modified: modified,
    state: 'active',
  });
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    notes: d.notes,
    url: `${base}/open/${d.name}`,
    state: 'active',
    private: false,
    type: 'dataset',
    license_id: d.license,
    license_title: LICENSES[d.license].title,
    license_url: LICENSES[d.license].url,
    metadata_created: created,
    metadata_modified: modified,
    owner_org: d.organization_name,
    organization: {
      id: d.organization_name,
      name: d.organization_name,
      title: d.organization_title,
      type: 'organization',
      is_organization: true,
      state: 'active',
    },
    tags: d.tags.map((t) => ({ name: t, display_name: t, state: 'active' })),
    num_tags: d.tags.length,
    resources: [resource('CSV', urls.csv, 'text/csv', 0), resource('JSON', urls.json, 'application/json', 1)],
    num_resources: 2,
    extras: [
      { key: 'resource_code', value: d.resource_code ?? '' },
      { key: 'open_type', value: d.open_type === 'conditional' ? '有条件开放' : '无条件开放' },
      { key: 'open_conditions', value: d.open_conditions ?? '' },
      { key: 'update_cycle', value: d.update_cycle },
    ],
  };
}

export const packageList = (db: Db, limit: number, offset: number) => store.publishedNames(db, offset, limit);

export async function packageShow(db: Db, id: string, base: string) {
  const d = await store.publishedByName(db, id);
  if (!d) throw opendataErrors.datasetNotFound(id);
  return ckanPackage(d, base);
}

/** `fq` understood: `organization:<name>` (others are refused by the route's schema). */
export async function packageSearch(
  db: Db,
  q: { q?: string; fq?: string; rows: number; start: number },
  base: string,
) {
  const organization = q.fq ? (/^organization:"?([\w-]+)"?$/.exec(q.fq.trim())?.[1] ?? null) : null;
  const found = await store.search(db, { likes: likesOf(q.q), organization }, q.start, q.rows);
  return {
    count: found.total,
    sort: 'metadata_modified desc',
    facets: {},
    search_facets: {},
    results: found.items.map((d) => ckanPackage(d, base)),
  };
}
