// The demo cases: every state appears, one case is past its promised deadline, one is paused in a
// special procedure, timelines run forward in time, and seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { seedDemo } from '../../../cli/boot.ts';
import type { CaseView } from '../schema.ts';

describe('demo cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await seedDemo(t.modules, () => {});
  }, 180_000);
  afterAll(() => t?.close());

  it('cover every state with sensible timelines, an overdue and a paused case', async () => {
    const people = await t.modules.identity.demoActors();
    const clerk = people.clerk;
    if (!clerk) throw new Error('demo clerk missing');
    const page = await t.modules.cases.departmentCases(clerk, { page: 1, pageSize: 100 });
    const states = new Set(page.items.map((c) => c.state));
    for (const s of [
      'submitted',
      'supplementing',
      'reviewing',
      'special',
      'decided',
      'concluded',
      'refused',
      'withdrawn',
      'returned',
    ]) {
      expect(states, s).toContain(s);
    }
    expect(page.items.some((c) => c.isOverdue)).toBe(true);
    const views: CaseView[] = await Promise.all(page.items.map((c) => t.modules.cases.getCase(clerk, c.id)));
    expect(views.some((v) => v.clock.isPaused)).toBe(true);
    for (const v of views) {
      const times = v.timeline.map((e) => e.at);
      expect(times, v.caseNo).toEqual([...times].sort());
      expect(v.timeline[0]?.actionLabel).toBe('提交申请');
    }
    expect(await t.modules.seedCases()).toBe(0);
    // the concluded license cases become licenses once the background work runs: 张三's own
    // 食品经营许可证 and the tea company's 食品生产许可证
    await t.modules.runJobs();
    const zhangsan = people.zhangsan;
    if (!zhangsan) throw new Error('demo citizen missing');
    const wallet = await t.modules.licenses.wallet(zhangsan);
    expect(wallet.items.map((l) => l.typeName)).toEqual(['食品经营许可证']);
    expect((await t.modules.audit.verify()).ok).toBe(true);
  });

  it('rate the demo cases: mostly good, a 不满意 opens a rectification order; seeding again adds none', async () => {
    const people = await t.modules.identity.demoActors();
    const head = people.head;
    if (!head) throw new Error('demo head missing');
    const stats = await t.modules.interaction.publicStats({ by: 'department' });
    const scjg = stats.items.find((s) => s.name === '信阳市市场监督管理局');
    expect(scjg?.total).toBeGreaterThan(4);
    expect(scjg?.bad).toBeGreaterThan(0);
    expect(scjg?.satisfactionRate).toBeGreaterThan(0.5);
    const orders = await t.modules.interaction.listRectifications(head, { state: 'open', page: 1 });
    expect(orders.items.length).toBe(scjg?.bad);
    expect(await t.modules.seedRatings()).toBe(0);
  });
});
