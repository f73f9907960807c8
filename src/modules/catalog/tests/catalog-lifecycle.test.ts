import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, staffSession } from '../../../../test/support/auth.ts';
import { seedId } from '../seed.ts';

const impl = (seedKey: string, division = '411500') => seedId(`implementation:${seedKey}:${division}`);
const FOOD = 'XY-SCJG-009'; // 食品经营许可（新办）: legal 10, promised 5, 市级+县级
const FACTORY = 'XY-SCJG-011'; // 食品生产许可（一般食品）: legal 10, promised 7
const BOILER = 'XY-SCJG-015'; // 特种设备使用登记

describe('catalog lifecycle: draft → submitted → approved → published, with inheritance', () => {
  let t: TestApp;
  let editor: Session; // 信阳市市场监督管理局's dept_admin
  let police: Session; // 信阳市公安局's dept_admin
  let shihe: Session; // 浉河区市场监督管理局's dept_admin
  let office: Session;
  type Method = 'GET' | 'POST' | 'PUT';
  const send = (who: Session | null, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: who?.headers ?? {} });
  const admin = (path: string) => `/api/admin/catalog${path}`;
  const department = async (division: string, kind: string) =>
    (await t.modules.org.findDepartment(division, kind))?.id ?? null;
  const audited = async (action: string, subjectId: string) =>
    (await t.modules.audit.searchEntries({ action, subjectId, limit: 10 })).items.length;

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    editor = await staffSession(t, ['dept_admin'], 'scjg', await department('411500', '市场监督管理局'));
    police = await staffSession(t, ['dept_admin'], 'gaj', await department('411500', '公安局'));
    shihe = await staffSession(t, ['dept_admin'], 'shihe', await department('411502', '市场监督管理局'));
    office = await staffSession(t, ['office_admin'], 'office');
  });
  afterAll(() => t.close());

  /** Drafts, edits with `edit`, submits, approves and publishes; returns the published version. */
  async function release(
    who: Session,
    implementationId: string,
    edit: (v: { content: object; overrides: object | null }) => object,
  ) {
    const draft = await send(who, 'POST', admin(`/implementations/${implementationId}/drafts`));
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id;
    const saved = await send(who, 'PUT', admin(`/versions/${id}`), edit(draft.json()));
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send(who, 'POST', admin(`/versions/${id}/submit`))).json().state).toBe('submitted');
    expect(
      (await send(office, 'POST', admin(`/versions/${id}/approve`), { note: '同意' })).json().state,
    ).toBe('approved');
    const published = await send(office, 'POST', admin(`/versions/${id}/publish`));
    expect(published.statusCode, published.body).toBe(200);
    return published.json();
  }

  it('lets only the owning department edit: another department 403, the office cannot draft', async () => {
    const other = await send(police, 'POST', admin(`/implementations/${impl(FOOD)}/drafts`));
    expect([other.statusCode, other.json().code]).toEqual([403, 'CATALOG_NOT_OWNER']);
    const county = await send(shihe, 'POST', admin(`/implementations/${impl(FOOD)}/drafts`));
    expect(county.statusCode).toBe(403);
    expect((await send(office, 'POST', admin(`/implementations/${impl(FOOD)}/drafts`))).statusCode).toBe(403);
    expect((await send(null, 'POST', admin(`/implementations/${impl(FOOD)}/drafts`))).statusCode).toBe(401);
  });

  it('publishes an edited promised limit after approval; the old version stays readable by id', async () => {
    const before = (await send(null, 'GET', `/api/catalog/implementations/${impl(FOOD)}`)).json();
    const oldId = before.version.id;
    const live = await release(editor, impl(FOOD), (v) => ({
      content: { ...v.content, promisedLimitDays: 3 },
    }));
    expect(live).toMatchObject({ state: 'published', versionNo: 2 });
    const now = (await send(null, 'GET', `/api/catalog/implementations/${impl(FOOD)}`)).json();
    expect([now.version.id, now.version.content.promisedLimitDays]).toEqual([live.id, 3]);
    const old = (await send(null, 'GET', `/api/catalog/versions/${oldId}`)).json();
    expect([old.version.state, old.version.content.promisedLimitDays]).toEqual(['superseded', 5]);
    const diff = (await send(office, 'GET', admin(`/diff?from=${oldId}&to=${live.id}`))).json();
    expect(diff.changes).toEqual([{ element: 'promisedLimitDays', change: 'changed', before: 5, after: 3 }]);
    const history = (await send(editor, 'GET', admin(`/implementations/${impl(FOOD)}/history`))).json();
    expect(history.versions.map((v: { state: string }) => v.state)).toEqual(['published', 'superseded']);
    for (const action of [
      'catalog.draft.started',
      'catalog.draft.updated',
      'catalog.draft.submitted',
      'catalog.version.approved',
      'catalog.version.published',
    ]) {
      expect([action, await audited(action, live.id)]).toEqual([action, 1]);
    }
  });

  it('refuses to publish what was not approved (409) and steps out of order', async () => {
    const draft = (await send(editor, 'POST', admin(`/implementations/${impl(FACTORY)}/drafts`))).json();
    const early = await send(office, 'POST', admin(`/versions/${draft.id}/publish`));
    expect([early.statusCode, early.json().code]).toEqual([409, 'CATALOG_NOT_APPROVED']);
    const twice = await send(editor, 'POST', admin(`/implementations/${impl(FACTORY)}/drafts`));
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'CATALOG_DRAFT_EXISTS']);
    const approve = await send(office, 'POST', admin(`/versions/${draft.id}/approve`), {});
    expect([approve.statusCode, approve.json().code]).toEqual([409, 'CATALOG_WRONG_STATE']);
    expect((await send(null, 'GET', `/api/catalog/versions/${draft.id}`)).statusCode).toBe(404);
  });

  it('refuses a promised limit above the legal one, naming the field, at city and county level', async () => {
    const draft = (await send(editor, 'GET', admin(`/implementations/${impl(FACTORY)}/history`))).json()
      .versions[0];
    const full = (await send(editor, 'GET', admin(`/versions/${draft.id}`))).json().version.content;
    const city = await send(editor, 'PUT', admin(`/versions/${draft.id}`), {
      content: { ...full, promisedLimitDays: 11 },
    });
    expect(city.statusCode).toBe(400);
    expect(city.json().errors).toContainEqual(
      expect.objectContaining({ path: 'body.content.promisedLimitDays' }),
    );
    const instant = await send(editor, 'PUT', admin(`/versions/${draft.id}`), {
      content: { ...full, isInstant: true, promisedLimitDays: 2 },
    });
    expect(instant.statusCode).toBe(400);
    const countyDraft = (
      await send(shihe, 'POST', admin(`/implementations/${impl(FACTORY, '411502')}/drafts`))
    ).json();
    const county = await send(shihe, 'PUT', admin(`/versions/${countyDraft.id}`), {
      overrides: { promisedLimitDays: 12 },
    });
    expect([county.statusCode, county.json().code]).toEqual([400, 'CATALOG_LIMIT_RULE']);
    expect(county.json().errors[0].path).toBe('body.overrides.promisedLimitDays');
    const wrongKind = await send(shihe, 'PUT', admin(`/versions/${countyDraft.id}`), { content: full });
    expect(wrongKind.json().code).toBe('CATALOG_WRONG_DRAFT_KIND');
  });

  it('flows a city change to a county that did not override the element, not to one that did', async () => {
    const shiheImpl = impl(FOOD, '411502');
    // A draft's overrides are replaced as a whole: keep the seeded places and phones.
    await release(shihe, shiheImpl, (v) => ({
      overrides: { ...v.overrides, promisedLimitDays: 1, localNotes: '浉河区可预约上门核查' },
    }));
    const levelDiff = (await send(shihe, 'GET', admin(`/implementations/${shiheImpl}/level-diff`))).json();
    expect(levelDiff.changes.map((c: { element: string }) => c.element).sort()).toEqual([
      'localNotes',
      'phones',
      'places',
      'promisedLimitDays',
    ]);
    await release(editor, impl(FOOD), (v) => ({
      content: {
        ...v.content,
        promisedLimitDays: 4,
        conditions: [...(v.content as { conditions: string[] }).conditions, '新增条件'],
      },
    }));
    const guide = async (division: string) =>
      (await send(null, 'GET', `/api/catalog/implementations/${impl(FOOD, division)}`)).json().version;
    const [overridden, following] = [await guide('411502'), await guide('411503')];
    expect(overridden.content.conditions.at(-1)).toBe('新增条件');
    expect(overridden.content.promisedLimitDays).toBe(1);
    expect(overridden.content.places[0].name).toBe('浉河区政务服务中心');
    expect(following.content.conditions.at(-1)).toBe('新增条件');
    expect(following.content.promisedLimitDays).toBe(4);
    expect(following.content.places[0].name).toBe('平桥区政务服务中心');
    expect(following.versionNo).toBe(3);
  });

  it('unpublishes with a reason: gone from the list, the version still readable, audited', async () => {
    const live = (await send(null, 'GET', `/api/catalog/implementations/${impl(BOILER)}`)).json().version;
    const noReason = await send(office, 'POST', admin(`/implementations/${impl(BOILER)}/unpublish`), {});
    expect(noReason.statusCode).toBe(400);
    const res = await send(office, 'POST', admin(`/implementations/${impl(BOILER)}/unpublish`), {
      reason: '职能调整',
    });
    expect(res.json()).toMatchObject({ state: 'unpublished', unpublishReason: '职能调整' });
    expect((await send(null, 'GET', `/api/catalog/implementations/${impl(BOILER)}`)).json().code).toBe(
      'CATALOG_NOT_PUBLISHED',
    );
    expect((await send(null, 'GET', `/api/catalog/versions/${live.id}`)).json().version.state).toBe(
      'unpublished',
    );
    expect((await send(null, 'GET', '/api/catalog/items?pageSize=1')).json().total).toBe(192);
    expect(await audited('catalog.implementation.unpublished', impl(BOILER))).toBe(1);
    const again = await send(office, 'POST', admin(`/implementations/${impl(BOILER)}/unpublish`), {
      reason: '再次',
    });
    expect(again.statusCode).toBe(409);
  });

  it('shows the service office its review queue, and rejects back to the author with a note', async () => {
    const draft = (await send(editor, 'POST', admin(`/implementations/${impl(BOILER)}/drafts`))).json();
    await send(editor, 'POST', admin(`/versions/${draft.id}/submit`));
    const queue = (await send(office, 'GET', admin('/review-queue'))).json().items;
    expect(queue.map((q: { version: { id: string } }) => q.version.id)).toContain(draft.id);
    expect((await send(editor, 'GET', admin('/review-queue'))).statusCode).toBe(403);
    const rejected = await send(office, 'POST', admin(`/versions/${draft.id}/reject`), {
      note: '请补充收费依据',
    });
    expect(rejected.json()).toMatchObject({ state: 'rejected', reviewNote: '请补充收费依据' });
    const full = (await send(editor, 'GET', admin(`/versions/${draft.id}`))).json().version.content;
    const edited = await send(editor, 'PUT', admin(`/versions/${draft.id}`), { content: full });
    expect(edited.json().state).toBe('draft');
    expect(await audited('catalog.version.rejected', draft.id)).toBe(1);
  });
});
