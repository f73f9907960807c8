// 一件事 filed once: one merged form and material list, a parent case and one sub-case per required
// member running in parallel in its own department; the parent follows and concludes when every
// sub-case has concluded.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import type { CaseView } from '../schema.ts';
import { get, post, upload } from './support.ts';

type Guide = {
  id: string;
  members: Array<{
    itemId: string;
    name: string;
    isRequired: boolean;
    implementation: { department: { id: string; name: string } } | null;
  }>;
  materials: Array<{ name: string; neededBy: Array<{ itemId: string; isRequired: boolean }> }>;
};
const FIRE = '公众聚集场所投入使用、营业前消防安全检查';

describe('a bundle (开办餐饮店) in parallel across departments', () => {
  let t: TestApp;
  let citizen: Session;
  let guide: Guide;
  let parentId = '';
  /** the required members plus the optional fire-safety check (消防救援), so two departments take part */
  let chosen: Guide['members'] = [];
  const staffOf = new Map<string, { clerk: Session; reviewer: Session; head: Session }>();

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    citizen = await signUpCitizen(t, { realName: '孙小店' });
    const list = await get(t, null, '/api/catalog/bundles');
    const bundle = list.json().items.find((b: { name: string }) => b.name === '开办餐饮店');
    guide = (await get(t, null, `/api/catalog/bundles/${bundle.id}`)).json();
    chosen = guide.members.filter((m) => m.implementation && (m.isRequired || m.name === FIRE));
    let n = 0;
    for (const m of chosen) {
      const dept = m.implementation?.department;
      if (!dept || staffOf.has(dept.id)) continue;
      n++;
      staffOf.set(dept.id, {
        clerk: await staffSession(t, ['window_clerk'], `bclerk${n}`, dept.id),
        reviewer: await staffSession(t, ['reviewer'], `breviewer${n}`, dept.id),
        head: await staffSession(t, ['dept_head'], `bhead${n}`, dept.id),
      });
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('one filing creates the parent and a sub-case per chosen member, in at least two departments', async () => {
    expect(staffOf.size).toBeGreaterThanOrEqual(2);
    const materials = [];
    const ids = new Set(chosen.map((m) => m.itemId));
    for (const m of guide.materials.filter((x) =>
      x.neededBy.some((n) => n.isRequired && ids.has(n.itemId)),
    )) {
      materials.push({ name: m.name, fileIds: [await upload(t, citizen, `${m.name.slice(0, 20)}.pdf`)] });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases/bundles',
      headers: { ...citizen.headers, 'idempotency-key': randomUUID() },
      payload: {
        bundleId: guide.id,
        optionalItemIds: chosen.filter((m) => !m.isRequired).map((m) => m.itemId),
        form: { summary: '开办一家面馆，申请一件事联办', premises: '信阳市浉河区胜利路 8 号' },
        materials,
        contact: { name: '孙小店', phone: '13800005678', address: '信阳市浉河区胜利路 8 号', postcode: null },
        deliveryMethod: 'window',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const parent: CaseView = res.json().case;
    parentId = parent.id;
    expect(parent.isBundle).toBe(true);
    expect(parent.children).toHaveLength(chosen.length);
    expect(parent.children.map((c) => c.caseNo)).toEqual(
      chosen.map((_, i) => `${parent.caseNo}-${String(i + 1).padStart(2, '0')}`),
    );
    expect(new Set(parent.children.map((c) => c.departmentName)).size).toBeGreaterThanOrEqual(2);
    expect((await get(t, citizen, '/api/cases/mine')).json().items.map((c: { id: string }) => c.id)).toEqual([
      parentId,
    ]);
  });

  it('each department works its own sub-case; the parent follows and concludes when all have', async () => {
    const parent: CaseView = (await get(t, citizen, `/api/cases/${parentId}`)).json();
    for (const [index, child] of parent.children.entries()) {
      const detail: CaseView = (await get(t, citizen, `/api/cases/${child.id}`)).json();
      const staff = staffOf.get(detail.departmentId);
      if (!staff) throw new Error(`no staff for ${detail.departmentName}`);
      // another department's clerk cannot see this sub-case
      const other = [...staffOf.entries()].find(([id]) => id !== detail.departmentId)?.[1];
      if (other) expect((await get(t, other.clerk, `/api/cases/${child.id}`)).statusCode).toBe(404);
      expect((await post(t, staff.clerk, `/api/cases/${child.id}/accept`, { note: '受理' })).statusCode).toBe(
        200,
      );
      if (index === 0)
        expect((await get(t, citizen, `/api/cases/${parentId}`)).json().state).toBe('reviewing');
      if (detail.isInstant) {
        // 即办件: accepted and concluded on the spot
        expect((await get(t, citizen, `/api/cases/${child.id}`)).json().state).toBe('concluded');
        continue;
      }
      for (const who of [staff.reviewer, staff.head]) {
        const inbox = (await get(t, who, '/api/workflow/inbox')).json();
        const task = inbox.items.find((i: { subjectId: string }) => i.subjectId === child.id);
        const action = who === staff.head ? 'approve' : 'pass';
        const acted = await post(t, who, `/api/cases/${child.id}/tasks/${task.id}/act`, {
          action,
          opinion: '同意',
        });
        expect(acted.statusCode, acted.body).toBe(200);
      }
      expect((await post(t, staff.clerk, `/api/cases/${child.id}/conclude`, {})).statusCode).toBe(200);
    }
    const done: CaseView = (await get(t, citizen, `/api/cases/${parentId}`)).json();
    expect(done.state).toBe('concluded');
    expect(done.timeline.at(-1)?.actionLabel).toBe('全部办结');
    expect(done.children.every((c) => c.state === 'concluded')).toBe(true);
  });

  it('a department’s list shows its sub-cases, never the parent', async () => {
    const [staff] = [...staffOf.values()];
    const list = (await get(t, staff?.clerk ?? null, '/api/cases/department')).json();
    expect(list.items.some((c: { id: string }) => c.id === parentId)).toBe(false);
    expect(list.total).toBeGreaterThan(0);
  });
});
