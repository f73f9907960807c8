// The chain end: a published resource with a load is opened by 数据局 with desensitisation,
// appears in the CKAN Action API and the DCAT catalog, its downloads never carry an ID number or an
// unmasked phone, a new load rebuilds it, unpublishing takes it away. Plus the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, validIdNumber } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { LEGAL_PERSONS, people, publish, type Send, sender, uscc } from '../../sharing/tests/support.ts';

const OPEN = {
  ...LEGAL_PERSONS,
  name: '企业法人登记开放信息',
  openType: 'conditional',
  openConditions: '去除法定代表人身份证号、遮蔽联系电话后向社会开放',
  items: [
    ...LEGAL_PERSONS.items,
    {
      name: '联系电话',
      key: 'phone',
      type: 'C',
      length: 11,
      sensitivity: 'phone',
      rules: { check: 'phone' },
    },
  ],
};
const PUBLIC = 'https://data.xinyang.example';
const CLOSED = { ...LEGAL_PERSONS, name: '法人内部核查信息', openType: 'none' };
const HEADER = '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态,联系电话';
const RULES = {
  uscc: { rule: 'keep' },
  name: { rule: 'keep' },
  legal_rep: { rule: 'mask' },
  legal_rep_id: { rule: 'drop' },
  established_on: { rule: 'generalise', to: 'year-month' },
  authority: { rule: 'keep' },
  status: { rule: 'keep' },
  phone: { rule: 'mask' },
};

describe('opendata: publication, the public API, CKAN and DCAT', () => {
  let t: TestApp;
  let send: Send;
  let scjg: Session;
  let bureau: Session;
  let clerk: Session;
  let openId: string;
  let closedId: string;
  let name: string;
  const idNumbers: string[] = [];
  const phones: string[] = [];

  const csvOf = (n: number) => {
    const lines = [HEADER];
    for (let i = 1; i <= n; i++) {
      const id = validIdNumber();
      const phone = `1380000${String(1000 + i)}`;
      idNumbers.push(id);
      phones.push(phone);
      lines.push(
        `${uscc(i)},信阳第${i}茶业有限公司,张${i},${id},2019-05-${String(i + 10)},信阳市市场监督管理局,${i === n ? '吊销' : '存续'},${phone}`,
      );
    }
    return lines.join('\r\n');
  };
  const upload = async (body: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${openId}/loads?filename=a.csv`,
      payload: body,
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    expect(res.json().status, res.body).toBe('accepted');
  };
  const anon = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await testApp({ config: { publicUrl: PUBLIC } });
    send = sender(t);
    ({ scjg, bureau, clerk } = await people(t));
    openId = (await publish(send, scjg, bureau, OPEN)).id;
    closedId = (await publish(send, scjg, bureau, CLOSED)).id;
    await upload(csvOf(6));
    await t.modules.runJobs();
  });
  afterAll(() => t.close());

  it('only 数据局 opens datasets: other staff 403, anonymous 401', async () => {
    const body = { resourceId: openId, rules: RULES };
    expect((await send(clerk, 'POST', '/api/opendata/datasets', body)).statusCode).toBe(403);
    expect((await send(scjg, 'POST', '/api/opendata/datasets', body)).statusCode).toBe(403);
    expect((await send(null, 'POST', '/api/opendata/datasets', body)).statusCode).toBe(401);
    expect((await send(scjg, 'GET', '/api/opendata/sources')).statusCode).toBe(403);
  });

  it('不予开放 → 409; "keep" on a sensitive item → 400; a rule that does not fit the item → 400', async () => {
    const closed = await send(bureau, 'POST', '/api/opendata/datasets', { resourceId: closedId, rules: {} });
    expect(closed.statusCode).toBe(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect(closed.json()).toMatchObject({
      code: 'OPENDATA_NOT_OPENABLE',
      title: '该信息资源的开放属性为不予开放',
    });
    for (const key of ['legal_rep_id', 'phone', 'legal_rep']) {
      const kept = await send(bureau, 'POST', '/api/opendata/datasets', {
        resourceId: openId,
        rules: { ...RULES, [key]: { rule: 'keep' } },
      });
      expect(kept.statusCode, key).toBe(400);
      expect(kept.json().code).toBe('OPENDATA_SENSITIVE_KEPT');
    }
    const bad = await send(bureau, 'POST', '/api/opendata/datasets', {
      resourceId: openId,
      rules: { ...RULES, name: { rule: 'generalise', to: 'year' } },
    });
    expect(bad.json()).toMatchObject({ code: 'OPENDATA_BAD_RULE' });
    const unknown = await send(bureau, 'POST', '/api/opendata/datasets', {
      resourceId: '00000000-0000-4000-8000-000000000000',
      rules: {},
    });
    expect(unknown.statusCode).toBe(404);
    // the workbench list offers the open resource with its conditions, not the closed one
    const sources = (await send(bureau, 'GET', '/api/opendata/sources')).json().items;
    expect(sources.map((s: { resourceId: string }) => s.resourceId)).toContain(openId);
    expect(sources.map((s: { resourceId: string }) => s.resourceId)).not.toContain(closedId);
    expect(sources.find((s: { resourceId: string }) => s.resourceId === openId).openConditions).toContain(
      '去除',
    );
  });

  it('opens the dataset: desensitised columns, conditions shown, small counts suppressed, audited', async () => {
    const res = await send(bureau, 'POST', '/api/opendata/datasets', {
      resourceId: openId,
      rules: RULES,
      aggregates: ['status'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    name = d.name;
    expect(d).toMatchObject({
      state: 'published',
      title: '企业法人登记开放信息',
      openType: 'conditional',
      openConditions: OPEN.openConditions,
      rowCount: 6,
      organization: { title: '信阳市市场监督管理局' },
    });
    expect(d.columns.map((c: { key: string }) => c.key)).not.toContain('legal_rep_id');
    // 存续 5 (≥ k = 5) would reveal 吊销's 1 from the total: both hidden
    expect(d.aggregates[0].groups).toEqual([
      { value: '存续', count: null, isSuppressed: true },
      { value: '吊销', count: null, isSuppressed: true },
    ]);
    const admin = await send(bureau, 'GET', `/api/opendata/resources/${openId}/dataset`);
    expect(admin.json()).toMatchObject({ name, state: 'published', rowCount: 6 });
    const audit = await sql<{ action: string }>`select action from audit.entry
      where action like 'opendata.%'`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toContain('opendata.publish');
  });

  it('appears in the CKAN Action API: package_list, package_show, package_search (q in Chinese, fq)', async () => {
    const list = (await anon('/api/3/action/package_list')).json();
    expect(list).toMatchObject({ success: true, result: [name] });
    expect(list.help).toContain('package_list');
    const show = await anon(`/api/3/action/package_show?id=${name}`);
    expect(show.statusCode).toBe(200);
    const pkg = show.json().result;
    expect(pkg).toMatchObject({
      name,
      title: '企业法人登记开放信息',
      organization: { title: '信阳市市场监督管理局' },
      num_resources: 2,
    });
    expect(pkg.notes).toContain('统一社会信用代码');
    expect(pkg.resources.map((r: { format: string }) => r.format)).toEqual(['CSV', 'JSON']);
    expect(pkg.resources[0].url).toBe(`${PUBLIC}/api/open/datasets/${name}/download.csv`);
    expect(Date.parse(pkg.metadata_modified)).not.toBeNaN();
    expect(pkg.tags.length).toBeGreaterThan(0);
    const search = (
      await anon(`/api/3/action/package_search?q=${encodeURIComponent('法人登记')}&rows=5`)
    ).json();
    expect(search).toMatchObject({ success: true, result: { count: 1 } });
    expect(search.result.results[0].name).toBe(name);
    const words = (await anon(`/api/3/action/package_search?q=${encodeURIComponent('法人 开放')}`)).json();
    expect(words.result.count).toBe(1);
    const none = (await anon(`/api/3/action/package_search?q=${encodeURIComponent('气象')}`)).json();
    expect(none.result).toMatchObject({ count: 0, results: [] });
    const org = pkg.organization.name;
    expect((await anon(`/api/3/action/package_search?fq=organization:${org}`)).json().result.count).toBe(1);
    expect((await anon('/api/3/action/package_search?fq=organization:nobody')).json().result.count).toBe(0);
    // ckanapi POSTs actions with a JSON body by default: the same answers
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      payload: { q: '法人登记', rows: 5 },
    });
    expect(posted.json()).toMatchObject({ success: true, result: { count: 1, results: [{ name }] } });
    const missing = await t.app.inject({ method: 'POST', url: '/api/3/action/package_show', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
  });

  it('downloads never carry an ID number or an unmasked phone (checked on the bytes)', async () => {
    const csv = await anon(`/api/open/datasets/${name}/download.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const bytes = csv.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = await anon(`/api/open/datasets/${name}/download.json`);
    const api = await anon(`/api/open/datasets/${name}/rows?page=1&size=500`);
    for (const body of [bytes.toString('utf8'), json.body, api.body]) {
      for (const id of idNumbers) expect(body).not.toContain(id);
      for (const phone of phones) expect(body).not.toContain(phone);
      expect(body).toContain('138****1001');
      expect(body).toContain('2019-05');
      expect(body).not.toContain('2019-05-11');
      expect(body).toContain('张*');
    }
    expect(bytes.toString('utf8')).toContain(
      '统一社会信用代码,名称,法定代表人,成立日期,登记机关,状态,联系电话',
    );
    expect(json.json().rows).toHaveLength(6);
    expect(api.json()).toMatchObject({ total: 6, page: 1, size: 500 });
  });

  it('the public list, page and DCAT-AP catalog describe it', async () => {
    const list = (await anon(`/api/open/datasets?q=${encodeURIComponent('开放信息')}`)).json();
    expect(list.items.map((d: { name: string }) => d.name)).toEqual([name]);
    const page = (await anon(`/api/open/datasets/${name}`)).json();
    expect(page.downloads.csv).toBe(`/api/open/datasets/${name}/download.csv`);
    const dcat = await anon('/api/open/catalog.jsonld');
    expect(dcat.headers['content-type']).toContain('application/ld+json');
    const doc = dcat.json();
    expect(doc['@type']).toBe('dcat:Catalog');
    const ds = doc['dcat:dataset'][0];
    expect(ds).toMatchObject({ '@type': 'dcat:Dataset', 'dct:identifier': name });
    expect(ds['dct:publisher']['foaf:name']).toBe('信阳市市场监督管理局');
    expect(ds['dct:modified']['@value']).toMatch(/^\d{4}-/);
    expect(ds['dcat:distribution'][0]).toMatchObject({ '@type': 'dcat:Distribution', 'dct:format': 'CSV' });
    expect(ds['dcat:distribution'][0]['dcat:downloadURL']['@id']).toContain('/download.csv');
    expect(ds['dct:license']['@id']).toContain('creativecommons.org');
  });

  it('a new accepted load rebuilds the snapshot (through the queue and the job)', async () => {
    const before = (await anon(`/api/3/action/package_show?id=${name}`)).json().result.metadata_modified;
    t.clock.advance(60_000);
    await upload(csvOf(8));
    await t.modules.runJobs();
    const pkg = (await anon(`/api/3/action/package_show?id=${name}`)).json().result;
    expect(pkg.metadata_modified).not.toBe(before);
    const rows = (await anon(`/api/open/datasets/${name}/rows?size=20`)).json();
    expect(rows.total).toBe(8);
    const csv = (await anon(`/api/open/datasets/${name}/download.csv`)).body;
    for (const id of idNumbers) expect(csv).not.toContain(id);
    const page = (await anon(`/api/open/datasets/${name}`)).json();
    // 7 存续 and 1 吊销: the one small group is hidden, and so is the other (total − 7 would reveal it)
    expect(page.aggregates[0].groups).toEqual([
      { value: '存续', count: null, isSuppressed: true },
      { value: '吊销', count: null, isSuppressed: true },
    ]);
  });

  it('CKAN and DCAT links use the configured public URL, whatever Host the request names', async () => {
    const spoofed = (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
      t.app.inject({
        method,
        url,
        payload,
        headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      });
    const answers = [
      await spoofed(`/api/3/action/package_show?id=${name}`),
      await spoofed('/api/3/action/package_search?rows=5'),
      await spoofed('/api/3/action/package_show', 'POST', { id: name }),
      await spoofed('/api/3/action/package_show?id=no-such-dataset'),
      await spoofed('/api/open/catalog.jsonld'),
    ];
    for (const res of answers) {
      expect(res.body).not.toContain('evil.example');
      expect(res.body).toContain(PUBLIC);
    }
    const pkg = answers[0]?.json();
    expect(pkg.help).toBe(`${PUBLIC}/api/3/action/help_show?name=package_show`);
    expect(pkg.result.url).toBe(`${PUBLIC}/open/${name}`);
    expect(answers[4]?.json()['@id']).toBe(`${PUBLIC}/api/open/catalog.jsonld`);
  });

  it('bad query parameters: 400 in CKAN envelope on CKAN routes, problem+json elsewhere', async () => {
    for (const url of [
      '/api/3/action/package_search?rows=abc',
      '/api/3/action/package_search?rows=5000',
      '/api/3/action/package_search?fq=groups:x',
      '/api/3/action/package_show',
      '/api/3/action/package_list?limit=-1',
    ]) {
      const res = await anon(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
    }
    for (const url of [
      `/api/open/datasets/${name}/rows?size=9999`,
      '/api/open/datasets?page=0',
      '/api/open/datasets?unknown=1',
      '/api/open/datasets/NOT%20A%20NAME',
    ]) {
      const res = await anon(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('unpublishing (with a reason) takes it off the CKAN endpoints and the portal', async () => {
    expect((await send(bureau, 'POST', `/api/opendata/resources/${openId}/unpublish`, {})).statusCode).toBe(
      400,
    );
    const res = await send(bureau, 'POST', `/api/opendata/resources/${openId}/unpublish`, {
      reason: '数据核查中',
    });
    expect(res.json()).toMatchObject({ state: 'unpublished', unpublishReason: '数据核查中' });
    expect((await anon('/api/3/action/package_list')).json().result).toEqual([]);
    const show = await anon(`/api/3/action/package_show?id=${name}`);
    expect(show.statusCode).toBe(404);
    expect(show.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    expect(
      (await anon(`/api/3/action/package_search?q=${encodeURIComponent('法人')}`)).json().result.count,
    ).toBe(0);
    const page = await anon(`/api/open/datasets/${name}/download.csv`);
    expect(page.statusCode).toBe(404);
    expect(page.json().code).toBe('OPENDATA_DATASET_NOT_FOUND');
    const again = await send(bureau, 'POST', `/api/opendata/resources/${openId}/unpublish`, { reason: 'x' });
    expect(again.statusCode).toBe(409);
    // downloads are rate limited per address (30 a minute): the 429 is a problem with a stable code
    let limited: Awaited<ReturnType<typeof anon>> | null = null;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await anon(`/api/open/datasets/${name}/download.json`);
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // a new load does not bring it back
    await upload(csvOf(3));
    await t.modules.runJobs();
    expect((await anon('/api/3/action/package_list')).json().result).toEqual([]);
  });

  it('a new version of the resource that is no longer open takes the dataset down at once', async () => {
    const reopened = await send(bureau, 'POST', '/api/opendata/datasets', {
      resourceId: openId,
      rules: RULES,
      aggregates: ['status'],
    });
    expect(reopened.statusCode, reopened.body).toBe(201);
    expect((await anon('/api/3/action/package_list')).json().result).toEqual([name]);
    const edited = await send(scjg, 'PUT', `/api/sharing/resources/${openId}`, { ...OPEN, openType: 'none' });
    expect(edited.statusCode, edited.body).toBe(200);
    await send(scjg, 'POST', `/api/sharing/resources/${openId}/submit`);
    expect((await send(bureau, 'POST', `/api/sharing/resources/${openId}/approve`)).statusCode).toBe(200);
    await t.modules.runJobs();
    expect((await anon('/api/3/action/package_list')).json().result).toEqual([]);
    expect((await anon(`/api/3/action/package_show?id=${name}`)).statusCode).toBe(404);
  });
});
