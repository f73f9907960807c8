// 事项管理 for implementations that were never published: a department admin sees them in the editor
// list with their state, opens, edits and submits the draft; after approval it goes live. An
// unpublished implementation stays on the list and can be revised again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import type { EditorEntry, GuideView } from '../schema.ts';
import { seedId } from '../seed.ts';
import * as store from '../store.ts';

const FOOD = seedId('implementation:XY-SCJG-009:411500'); // 食品经营许可（新办）
const NEW_ITEM = seedId('item:TEST-NEVER-PUBLISHED');
const NEW_IMPL = seedId('implementation:TEST-NEVER-PUBLISHED:411500');

describe('catalog editor list: never-published and unpublished implementations are not lost', () => {
  let t: TestApp;
  let editor: Session; // 信阳市市场监督管理局's dept_admin
  let police: Session;
  let office: Session;
  type Method = 'GET' | 'POST' | 'PUT';
  const send = (who: Session | null, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: who?.headers ?? {} });
  const admin = (path: string) => `/api/admin/catalog${path}`;
  const entry = async (who: Session, id: string): Promise<EditorEntry | undefined> => {
    const res = await send(who, 'GET', admin('/implementations'));
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as EditorEntry[]).find((e) => e.implementationId === id);
  };

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    const scjg = await t.modules.org.findDepartment('411500', '市场监督管理局');
    const gaj = await t.modules.org.findDepartment('411500', '公安局');
    editor = await staffSession(t, ['dept_admin'], 'scjg', scjg?.id ?? null);
    police = await staffSession(t, ['dept_admin'], 'gaj', gaj?.id ?? null);
    office = await staffSession(t, ['office_admin'], 'office');
    // A new item the department added to its list: one draft, never reviewed or published.
    const food = await store.getImplementation(t.db, FOOD);
    const foodVersion = await store.findVersion(t.db, FOOD, ['published']);
    if (!food || !foodVersion || !scjg) throw new Error('seed is missing 食品经营许可');
    await store.insertItems(t.db, [
      {
        id: NEW_ITEM,
        basic_code: '410199999000',
        name: '小餐饮登记（试点）',
        type_code: '01',
        department_kind: '市场监督管理局',
        sort_order: 9999,
      },
    ]);
    await store.insertImplementations(t.db, [
      {
        id: NEW_IMPL,
        item_id: NEW_ITEM,
        parent_id: null,
        division_code: '411500',
        level: 'city',
        department_id: scjg.id,
        code: `${food.code.slice(0, 19)}410199999000`,
      },
    ]);
    await store.insertVersions(t.db, [
      {
        id: seedId('version:TEST-NEVER-PUBLISHED:1'),
        implementation_id: NEW_IMPL,
        version_no: 1,
        state: 'draft',
        content: { ...foodVersion.content, name: '小餐饮登记（试点）' },
        overrides: null,
        parent_version_id: null,
        created_by: null,
      },
    ]);
  }, 120_000);
  afterAll(() => t.close());

  it('lists the never-published draft with its state beside the live items', async () => {
    const fresh = await entry(editor, NEW_IMPL);
    expect(fresh).toMatchObject({
      name: '小餐饮登记（试点）',
      live: null,
      open: { versionNo: 1, state: 'draft' },
      wasPublished: false,
      level: 'city',
      department: { name: '信阳市市场监督管理局' },
    });
    expect(await entry(editor, FOOD)).toMatchObject({
      name: '食品经营许可（新办）',
      live: { versionNo: 1 },
      open: null,
      wasPublished: true,
    });
    // the public does not see it
    const guide = await send(null, 'GET', `/api/catalog/implementations/${NEW_IMPL}`);
    expect([guide.statusCode, guide.json().code]).toEqual([404, 'CATALOG_NOT_PUBLISHED']);
  });

  it('lets the admin open, edit and submit the draft; approved and published, it goes live', async () => {
    const history = await send(editor, 'GET', admin(`/implementations/${NEW_IMPL}/history`));
    expect(history.json().versions.map((v: { state: string }) => v.state)).toEqual(['draft']);
    const draftId = history.json().versions[0].id;
    const draft: GuideView = (await send(editor, 'GET', admin(`/versions/${draftId}`))).json();
    const saved = await send(editor, 'PUT', admin(`/versions/${draftId}`), {
      content: { ...draft.version.content, promisedLimitDays: 4 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await send(editor, 'POST', admin(`/implementations/${NEW_IMPL}/drafts`));
    expect([again.statusCode, again.json().code]).toEqual([409, 'CATALOG_DRAFT_EXISTS']);
    expect((await send(editor, 'POST', admin(`/versions/${draftId}/submit`))).json().state).toBe('submitted');
    expect(await entry(editor, NEW_IMPL)).toMatchObject({ open: { state: 'submitted' }, live: null });
    const queue = (await send(office, 'GET', admin('/review-queue'))).json();
    expect(queue.items.map((i: { implementationId: string }) => i.implementationId)).toContain(NEW_IMPL);

    await send(office, 'POST', admin(`/versions/${draftId}/approve`), {});
    expect(await entry(editor, NEW_IMPL)).toMatchObject({ open: { state: 'approved' } });
    expect((await send(office, 'POST', admin(`/versions/${draftId}/publish`))).statusCode).toBe(200);
    expect(await entry(editor, NEW_IMPL)).toMatchObject({
      live: { id: draftId, versionNo: 1 },
      open: null,
      wasPublished: true,
      promisedLimitDays: 4,
    });
    const live = await send(null, 'GET', `/api/catalog/implementations/${NEW_IMPL}`);
    expect(live.json().version.content.promisedLimitDays).toBe(4);
  });

  it('keeps an unpublished implementation on the list and lets the admin revise it again', async () => {
    const ended = await send(office, 'POST', admin(`/implementations/${NEW_IMPL}/unpublish`), {
      reason: '试点结束',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await entry(editor, NEW_IMPL)).toMatchObject({ live: null, open: null, wasPublished: true });
    const draft = await send(editor, 'POST', admin(`/implementations/${NEW_IMPL}/drafts`));
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ versionNo: 2, state: 'draft' });
    expect(draft.json().content.promisedLimitDays).toBe(4);
    expect(await entry(editor, NEW_IMPL)).toMatchObject({ open: { versionNo: 2, state: 'draft' } });
  });

  it("shows each admin only their department's list; others 403 or 401", async () => {
    expect(await entry(police, NEW_IMPL)).toBeUndefined();
    const theirs = (await send(police, 'GET', admin('/implementations'))).json().items as EditorEntry[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((e) => e.department.name === '信阳市公安局')).toBe(true);
    const peek = await send(police, 'GET', admin(`/implementations/${NEW_IMPL}/history`));
    expect([peek.statusCode, peek.json().code]).toEqual([403, 'CATALOG_NOT_OWNER']);
    expect((await send(office, 'GET', admin('/implementations'))).statusCode).toBe(403);
    expect((await send(await signUpCitizen(t), 'GET', admin('/implementations'))).statusCode).toBe(403);
    expect((await send(null, 'GET', admin('/implementations'))).statusCode).toBe(401);
  });
});
