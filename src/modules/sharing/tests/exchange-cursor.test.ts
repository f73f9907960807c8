// The pull cursor with two nodes: two dispatchers record changes of one resource at once and the one
// that drew the lower seq commits last. A reader polling in between must not move its cursor past the
// change still in flight. Needs two database connections at once: PostgreSQL only (DATABASE_URL);
// PGlite has one connection, so its dispatches never overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import type { Session } from '../../../../test/support/auth.ts';
import { dispatchPending, type OutboxEvent } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import { grantFor } from './grants-support.ts';
import { people, publish, type Send, sender } from './support.ts';

const isPostgres = Boolean(process.env.DATABASE_URL);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.skipIf(!isPostgres)('sharing exchange: the pull cursor with changes committed out of order', () => {
  let t: TestApp;
  let send: Send;
  let rsj: Session;
  let resourceId: string;

  beforeAll(async () => {
    t = await testApp();
    send = sender(t);
    const p = await people(t);
    rsj = p.rsj;
    resourceId = (await publish(send, p.scjg, p.bureau)).id;
    await grantFor(send, p, resourceId);
    await dispatchPending(t.db, t.modules.sharing.exchange.handlers);
  });
  afterAll(() => t.close());

  it('a change that drew the lower seq but commits later is still read after the cursor', async () => {
    const sub = await send(rsj, 'POST', '/api/sharing/subscriptions', { resourceId, mode: 'pull' });
    expect(sub.statusCode, sub.body).toBe(201);
    const url = `/api/sharing/subscriptions/${sub.json().id}/changes`;
    const [handle] = t.modules.sharing.exchange.handlers['sharing.api-mounted'] ?? [];
    if (!handle) throw new Error('no handler');
    const event = (): OutboxEvent => ({ id: newId(), type: 'sharing.api-mounted', payload: { resourceId } });
    const early = event();
    const late = event();

    // node A records its change and stays in its transaction; node B records another one meanwhile
    let finishA = () => {};
    let isARecorded = false;
    const nodeA = t.db.transaction().execute(async (tx) => {
      await handle(early, tx);
      isARecorded = true;
      await new Promise<void>((done) => {
        finishA = done;
      });
    });
    while (!isARecorded) await sleep(10);
    const nodeB = t.db.transaction().execute((tx) => handle(late, tx));
    await sleep(300);

    // a reader polls while A is still open
    const during = (await send(rsj, 'GET', url)).json();
    finishA();
    await Promise.all([nodeA, nodeB]);
    const after = (await send(rsj, 'GET', `${url}?after=${during.next}`)).json();

    const read = [...during.changes, ...after.changes].map((c: { id: string }) => c.id);
    expect(read).toEqual([early.id, late.id]);
  });
});
