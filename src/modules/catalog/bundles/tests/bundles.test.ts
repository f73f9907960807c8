import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../../test/support/app.ts';
import { type Session, staffSession } from '../../../../../test/support/auth.ts';
import { sql } from '../../../../platform/db/index.ts';
import { seedId } from '../../seed.ts';

const item = (seedKey: string) => seedId(`item:${seedKey}`);
const bundle = (code: string) => seedId(`bundle:${code}`);
const RESTAURANT = bundle('KAIBAN-CANYINDIAN');
const SOLE_TRADER = item('XY-SCJG-001'); // 个体工商户设立登记: 县级 + 乡级
const FOOD = item('XY-SCJG-009'); // 食品经营许可（新办）: 市级 + 县级
const ID_CARD = item('XY-GA-001'); // 居民身份证首次申领: 20 元
const PASSPORT = item('XY-GA-009'); // 普通护照签发: 120 元
const RECORD = item('XY-GA-016'); // 无犯罪记录证明开具

describe('"one thing" bundles (一件事)', () => {
  let t: TestApp;
  let office: Session;
  let deptAdmin: Session;
  let clerk: Session;
  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
  const send = (who: Session | null, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: who?.headers ?? {} });
  const admin = (path = '') => `/api/admin/catalog/bundles${path}`;
  const audited = async (action: string, subjectId: string) =>
    (await t.modules.audit.searchEntries({ action, subjectId, limit: 10 })).items.length;
  const events = async (bundleId: string) =>
    (
      await sql<{ type: string }>`select type from platform.outbox where payload ->> 'bundleId' = ${bundleId}
        order by id`.execute(t.db)
    ).rows.map((r) => r.type);
  const create = (over: object = {}) =>
    send(office, 'POST', admin(), {
      code: `T-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      name: '测试一件事',
      audience: '个人',
      divisionCode: '411500',
      ...over,
    });

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    office = await staffSession(t, ['office_admin'], 'office');
    const scjg = await t.modules.org.findDepartment('411500', '市场监督管理局');
    deptAdmin = await staffSession(t, ['dept_admin'], 'scjg', scjg?.id ?? null);
    clerk = await staffSession(t, ['window_clerk'], 'clerk', scjg?.id ?? null);
  });
  afterAll(() => t.close());

  describe('the public', () => {
    it('lists the seeded bundles without signing in, by audience, in a township of the city', async () => {
      const all = await send(null, 'GET', '/api/catalog/bundles');
      expect(all.statusCode).toBe(200);
      expect(all.json().items.map((b: { name: string }) => b.name)).toEqual([
        '开办餐饮店',
        '新生儿出生一件事',
        '退休一件事',
        '开办企业一件事',
        '婚育一件事',
      ]);
      const business = (await send(null, 'GET', '/api/catalog/bundles?audience=法人')).json();
      expect(business.items.map((b: { name: string }) => b.name)).toEqual(['开办企业一件事']);
      const township = (await send(null, 'GET', '/api/catalog/bundles?division=411502001')).json();
      expect(township.items).toHaveLength(5);
      expect((await send(null, 'GET', '/api/catalog/bundles?division=999999')).json().items).toEqual([]);
    });

    it('reads the 开办餐饮店 guide in a township: each member at its nearest level, materials asked once', async () => {
      const res = await send(null, 'GET', `/api/catalog/bundles/${RESTAURANT}?division=411502001`);
      expect(res.statusCode, res.body).toBe(200);
      const guide = res.json();
      expect(guide).toMatchObject({ name: '开办餐饮店', audience: '个人', division: '411502001' });
      const at = (itemId: string) =>
        guide.members.find((m: { itemId: string }) => m.itemId === itemId).implementation;
      expect(at(SOLE_TRADER)).toMatchObject({ divisionCode: '411502001', level: 'township' });
      expect(at(FOOD)).toMatchObject({ divisionCode: '411502', level: 'county' });
      expect(at(FOOD).department.name).toContain('市场监督管理局');
      const ids = guide.materials.filter((m: { name: string }) => m.name === '居民身份证');
      expect(ids).toHaveLength(1);
      expect(ids[0].form).toBe('原件');
      expect(ids[0].neededBy.map((n: { itemName: string }) => n.itemName)).toEqual([
        '个体工商户设立登记',
        '食品经营许可（新办）',
      ]);
      expect(guide.promisedLimitDays).toBe(5); // the longest member, handled in parallel
      expect(guide.visitsNeeded).toBe(0);
      expect(guide.fees).toEqual({ totalFen: 0, isComplete: true, charged: [] });
      const sections = guide.formOutline.sections.map((s: { key: string }) => s.key);
      expect(sections).toEqual(expect.arrayContaining(['applicant', 'premises', 'business']));
      expect(guide.formOutline.forms.length).toBeGreaterThanOrEqual(2);
    });

    it('answers 404 for an unknown bundle and a bundle not offered in the division', async () => {
      const unknown = await send(null, 'GET', `/api/catalog/bundles/${bundle('NOPE')}`);
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CATALOG_BUNDLE_NOT_FOUND']);
      const county = (await create({ divisionCode: '411502' })).json();
      await send(office, 'PUT', admin(`/${county.id}/members`), {
        members: [{ itemId: FOOD }, { itemId: RECORD }],
      });
      expect((await send(office, 'POST', admin(`/${county.id}/publish`))).statusCode).toBe(200);
      expect((await send(null, 'GET', `/api/catalog/bundles/${county.id}?division=411502`)).statusCode).toBe(
        200,
      );
      const elsewhere = await send(null, 'GET', `/api/catalog/bundles/${county.id}?division=411521`);
      expect([elsewhere.statusCode, elsewhere.json().code]).toEqual([404, 'CATALOG_BUNDLE_NOT_OFFERED']);
      const bad = await send(null, 'GET', `/api/catalog/bundles/${county.id}?division=abc`);
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('the service office', () => {
    it('creates, fills, publishes, renames and unpublishes a bundle, auditing each step with an event', async () => {
      const created = await create({ name: '出国证照一件事', description: '身份证和护照一起办' });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json();
      expect(created.json()).toMatchObject({ state: 'draft', memberCount: 0, publishedAt: null });
      expect((await send(null, 'GET', `/api/catalog/bundles/${id}`)).statusCode).toBe(404); // a draft

      const members = await send(office, 'PUT', admin(`/${id}/members`), {
        members: [{ itemId: ID_CARD }, { itemId: PASSPORT, isRequired: false, note: '需要出境的' }],
      });
      expect(members.statusCode, members.body).toBe(200);
      expect(
        members.json().members.map((m: { name: string; position: number }) => [m.position, m.name]),
      ).toEqual([
        [1, '居民身份证首次申领'],
        [2, '普通护照签发'],
      ]);
      const published = await send(office, 'POST', admin(`/${id}/publish`));
      expect([published.statusCode, published.json().state]).toEqual([200, 'published']);

      const guide = (await send(null, 'GET', `/api/catalog/bundles/${id}`)).json();
      expect(guide.fees).toMatchObject({ totalFen: 14000, isComplete: true });
      expect(guide.fees.charged).toHaveLength(2);
      expect(guide.visitsNeeded).toBe(1);

      const renamed = await send(office, 'PATCH', admin(`/${id}`), { name: '出入境证件一件事' });
      expect(renamed.json()).toMatchObject({ name: '出入境证件一件事', state: 'published', memberCount: 2 });
      const ended = await send(office, 'POST', admin(`/${id}/unpublish`), { reason: '并入其他一件事' });
      expect([ended.statusCode, ended.json().state]).toEqual([200, 'draft']);
      expect((await send(null, 'GET', `/api/catalog/bundles/${id}`)).statusCode).toBe(404);

      for (const what of ['created', 'members_set', 'published', 'updated', 'unpublished']) {
        expect(await audited(`catalog.bundle.${what}`, id), what).toBe(1);
      }
      expect(await events(id)).toEqual([
        'catalog.bundle.created',
        'catalog.bundle.members_set',
        'catalog.bundle.published',
        'catalog.bundle.updated',
        'catalog.bundle.unpublished',
      ]);
      const list = (await send(office, 'GET', admin())).json();
      expect(list.items.find((b: { id: string }) => b.id === id)).toMatchObject({
        state: 'draft',
        memberCount: 2,
      });
      expect((await send(office, 'GET', admin(`/${id}`))).json().members).toHaveLength(2);
    });

    it('lists every bad field of a new bundle', async () => {
      const res = await send(office, 'POST', admin(), { code: 'bad code', name: '', audience: '游客' });
      expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
      const paths = res.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining(['body.code', 'body.name', 'body.audience', 'body.divisionCode']),
      );
      const nowhere = await create({ divisionCode: '419999' });
      expect([nowhere.statusCode, nowhere.json().code]).toEqual([400, 'CATALOG_BUNDLE_INVALID']);
      expect(nowhere.json().errors[0].path).toBe('divisionCode');
    });

    it('refuses a member list with duplicates, unknown items or items not published in the city', async () => {
      const { id } = (await create()).json();
      const unpublished = await send(
        office,
        'POST',
        `/api/admin/catalog/implementations/${seedId(`implementation:XY-GA-016:411500`)}/unpublish`,
        { reason: '测试' },
      );
      expect(unpublished.statusCode, unpublished.body).toBe(200);
      const res = await send(office, 'PUT', admin(`/${id}/members`), {
        members: [{ itemId: FOOD }, { itemId: FOOD }, { itemId: item('XY-NONE-001') }, { itemId: RECORD }],
      });
      expect([res.statusCode, res.json().code]).toEqual([400, 'CATALOG_BUNDLE_INVALID']);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'members.1.itemId',
        'members.2.itemId',
        'members.3.itemId',
      ]);
      expect((await send(office, 'GET', admin(`/${id}`))).json().members).toEqual([]); // nothing written
      const one = await send(office, 'PUT', admin(`/${id}/members`), { members: [{ itemId: FOOD }] });
      expect([one.statusCode, one.json().code]).toEqual([400, 'VALIDATION_FAILED']);
      const many = Array.from({ length: 21 }, (_, i) => ({
        itemId: item(`XY-GA-${String(i + 1).padStart(3, '0')}`),
      }));
      expect((await send(office, 'PUT', admin(`/${id}/members`), { members: many })).statusCode).toBe(400);
    });

    it('answers 404 for an unknown bundle and 409 for a taken code or a wrong state', async () => {
      const missing = await send(office, 'PATCH', admin(`/${bundle('NOPE')}`), { name: '无' });
      expect([missing.statusCode, missing.json().code]).toEqual([404, 'CATALOG_BUNDLE_NOT_FOUND']);
      const taken = await create({ code: 'KAIBAN-CANYINDIAN' });
      expect([taken.statusCode, taken.json().code]).toEqual([409, 'CATALOG_BUNDLE_CODE_EXISTS']);
      const { id } = (await create()).json();
      const empty = await send(office, 'POST', admin(`/${id}/publish`));
      expect([empty.statusCode, empty.json().code]).toEqual([409, 'CATALOG_BUNDLE_WRONG_STATE']);
      expect(empty.json().errors[0].path).toBe('members');
      const notLive = await send(office, 'POST', admin(`/${id}/unpublish`), { reason: '无' });
      expect([notLive.statusCode, notLive.json().code]).toEqual([409, 'CATALOG_BUNDLE_WRONG_STATE']);
      const twice = await send(office, 'POST', admin(`/${RESTAURANT}/publish`));
      expect([twice.statusCode, twice.json().code]).toEqual([409, 'CATALOG_BUNDLE_WRONG_STATE']);
    });

    it('is the service office’s alone: department admins and clerks 403, nobody 401', async () => {
      for (const who of [deptAdmin, clerk]) {
        expect((await send(who, 'GET', admin())).statusCode).toBe(403);
        const res = await send(who, 'POST', admin(`/${RESTAURANT}/unpublish`), { reason: '越权' });
        expect(res.statusCode).toBe(403);
      }
      expect((await send(null, 'POST', admin(), {})).statusCode).toBe(401);
      expect((await send(null, 'GET', `/api/catalog/bundles/${RESTAURANT}`)).statusCode).toBe(200);
    });

    it('seeds idempotently: a second demo seed adds no bundle and records nothing', async () => {
      const seeds = async () =>
        (await t.modules.audit.searchEntries({ action: 'catalog.seed', limit: 10 })).items;
      const before = (await seeds()).length;
      const listed = (await send(null, 'GET', '/api/catalog/bundles')).json().items.length;
      await t.modules.catalog.seedDemo();
      expect((await seeds()).length).toBe(before);
      expect((await send(null, 'GET', '/api/catalog/bundles')).json().items).toHaveLength(listed);
    });
  });
});
