// The in-app inbox over HTTP on the real database: a person sees only their own notifications,
// marks them read (another person's ids change nothing), and `send` commits or rolls back with the
// caller's transaction. Personal numbers never reach an inbox in the clear (RELIABILITY P1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../test/support/auth.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { NotificationInput } from './index.ts';

describe('notification inbox', () => {
  let t: TestApp;
  let alice: Session;
  let bob: Session;
  let clerk: Session;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    alice = await signUpCitizen(t);
    bob = await signUpCitizen(t);
    clerk = await staffSession(t, ['window_clerk']);
  });
  afterAll(() => t.close());

  const to = (who: Session, kind: 'citizen' | 'staff' = 'citizen') => ({ kind, id: who.accountId });
  const send = (input: NotificationInput) => inTransaction(t.db, (tx) => t.modules.notify.send(tx, input));
  const get = (who: Session | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const markRead = (who: Session, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/notifications/read', headers: who.headers, payload });

  it('lists a person’s own notifications newest first, with the unread count, and nobody else’s', async () => {
    await send({
      recipient: to(alice),
      kind: 'case.submitted',
      title: '申请已提交',
      body: '您的申请已提交。',
      link: '/me',
    });
    t.clock.advance(1000);
    await send({
      recipient: to(alice),
      kind: 'case.accepted',
      title: '申请已受理',
      body: '窗口已受理您的申请。',
    });
    await send({
      recipient: to(bob),
      kind: 'case.accepted',
      title: '别人的通知',
      body: '不应出现在张三的收件箱。',
    });
    await send({
      recipient: to(clerk, 'staff'),
      kind: 'task.assigned',
      title: '新的待办',
      body: '有一件新的待办。',
    });

    const res = await get(alice, '/api/notifications');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 1, pageSize: 20, total: 2, unread: 2 });
    expect(res.json().items.map((n: { title: string }) => n.title)).toEqual(['申请已受理', '申请已提交']);
    expect(res.json().items[1]).toMatchObject({
      kind: 'case.submitted',
      body: '您的申请已提交。',
      link: '/me',
      readAt: null,
      createdAt: '2026-03-02T02:00:00.000Z',
    });
    expect((await get(alice, '/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await get(clerk, '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await get(null, '/api/notifications')).statusCode).toBe(401);
  });

  it('marks chosen notifications read; another person’s ids change nothing', async () => {
    const bobsFirst = (await get(bob, '/api/notifications')).json().items[0].id as string;
    const alicesItems = (await get(alice, '/api/notifications?unreadOnly=true')).json().items;
    const refused = await markRead(alice, { ids: [bobsFirst] });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toEqual({ updated: 0, unread: 2 });
    expect((await get(bob, '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });

    const done = await markRead(alice, { ids: [alicesItems[0].id, '0190a000-0000-7000-8000-000000000000'] });
    expect(done.json()).toEqual({ updated: 1, unread: 1 });
    const unread = (await get(alice, '/api/notifications?unreadOnly=true')).json();
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    expect(unread.items[0].id).toBe(alicesItems[1].id);
    const all = (await get(alice, '/api/notifications')).json();
    expect(all.items[0].readAt).toBe(t.clock.now().toISOString());
  });

  it('marks everything read at once, and refuses bodies that are neither', async () => {
    expect((await markRead(alice, { all: true })).json()).toEqual({ updated: 1, unread: 0 });
    expect((await markRead(alice, { all: true })).json()).toEqual({ updated: 0, unread: 0 });
    expect((await get(bob, '/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    for (const payload of [
      {},
      { all: false },
      { ids: [] },
      { ids: ['x'] },
      { ids: ['0190a000-0000-7000-8000-000000000000'], all: true },
    ]) {
      const res = await markRead(alice, payload);
      expect([JSON.stringify(payload), res.statusCode, res.json().code]).toEqual([
        JSON.stringify(payload),
        400,
        'VALIDATION_FAILED',
      ]);
    }
  });

  it('pages twenty at a time', async () => {
    const carol = await signUpCitizen(t);
    for (let i = 1; i <= 23; i++) {
      t.clock.advance(1000);
      await send({ recipient: to(carol), kind: 'test.page', title: `第 ${i} 条`, body: '' });
    }
    const first = (await get(carol, '/api/notifications')).json();
    const second = (await get(carol, '/api/notifications?page=2')).json();
    expect(first.items).toHaveLength(20);
    expect(first.items[0].title).toBe('第 23 条');
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(['第 3 条', '第 2 条', '第 1 条']);
    expect(second).toMatchObject({ page: 2, total: 23, unread: 23 });
  });

  it('commits with the caller’s transaction and disappears with its rollback', async () => {
    const dave = await signUpCitizen(t);
    const failing = inTransaction(t.db, async (tx) => {
      await t.modules.notify.send(tx, {
        recipient: to(dave),
        kind: 'case.accepted',
        title: '已受理',
        body: '',
      });
      throw new Error('the case change failed');
    });
    await expect(failing).rejects.toThrow('the case change failed');
    expect((await get(dave, '/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('masks ID numbers and phone numbers, clips long text and refuses links off the app', async () => {
    const erin = await signUpCitizen(t);
    await send({
      recipient: to(erin),
      kind: 'case.supplement',
      title: `请补正：申请人 411502199001010012 的材料`,
      body: `如有疑问请致电 13812345678。${'很长的说明'.repeat(200)}`,
    });
    const item = (await get(erin, '/api/notifications')).json().items[0];
    expect(item.title).toBe('请补正：申请人 411502********0012 的材料');
    expect(item.body.startsWith('如有疑问请致电 138****5678。')).toBe(true);
    expect([...item.body]).toHaveLength(500);
    expect(JSON.stringify(item)).not.toMatch(/\b\d{17}[\dXx]\b|\b1[3-9]\d{9}\b/);
    for (const link of [
      'https://evil.example/x',
      '//evil.example',
      '/\\evil',
      'javascript:alert(1)',
      '/a b',
    ]) {
      await expect(send({ recipient: to(erin), kind: 'case.x', title: 't', body: '', link })).rejects.toThrow(
        /link/,
      );
    }
    await expect(send({ recipient: to(erin), kind: 'Bad Kind', title: 't', body: '' })).rejects.toThrow(
      /kind/,
    );
  });
});
