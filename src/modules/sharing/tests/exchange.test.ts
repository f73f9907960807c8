// Exchange: subscriptions to change notices of 法人基础信息, delivered to real HTTP receivers on
// 127.0.0.1 (signed, retried with backoff on the test clock, dead letters and replay, a hanging receiver
// that does not hold up others, dedupe by event id), pull with a cursor, access and bad input.
import dns from 'node:dns';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, validIdNumber } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { dispatchPending, type OutboxEvent } from '../../../platform/events.ts';
import {
  HEADER_ID,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  type Signing,
  signatureOf,
  verifySignature,
} from '../exchange/sign.ts';
import { grantFor } from './grants-support.ts';
import { LEGAL_PERSONS, people, publish, type Send, sender, uscc } from './support.ts';

type Behaviour = 'ok' | 'fail' | 'hang' | 'slow-once';
type Receiver = {
  url: string;
  behaviour: Behaviour;
  key: { kind: Signing; key: string } | null;
  /** every POST with a valid signature, in arrival order (duplicates included) */
  received: Array<{ id: string; body: Record<string, unknown>; at: number }>;
  /** notices applied once each: the receiver dedupes by event id */
  applied: Array<Record<string, unknown>>;
  rejected: number;
  close(): Promise<void>;
};

/** A partner system's webhook endpoint: verifies the signature, dedupes by event id, then applies. */
async function receiver(behaviour: Behaviour = 'ok'): Promise<Receiver> {
  const seen = new Set<string>();
  let isSlowDone = false;
  const r: Receiver = {
    url: '',
    behaviour,
    key: null,
    received: [],
    applied: [],
    rejected: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(null)));
    },
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers[HEADER_ID] ?? '');
      const timestamp = String(req.headers[HEADER_TIMESTAMP] ?? '');
      const signature = String(req.headers[HEADER_SIGNATURE] ?? '');
      if (!r.key || !verifySignature(r.key.kind, r.key.key, timestamp, body, signature)) {
        r.rejected++;
        res.writeHead(401).end();
        return;
      }
      r.received.push({ id, body: JSON.parse(body), at: performance.now() });
      if (r.behaviour === 'fail') return void res.writeHead(500).end('down');
      if (r.behaviour === 'hang') return; // never answers
      const apply = () => {
        if (!seen.has(id)) {
          seen.add(id);
          r.applied.push(JSON.parse(body));
        }
        res.writeHead(200).end('ok');
      };
      if (r.behaviour === 'slow-once' && !isSlowDone) {
        isSlowDone = true;
        setTimeout(apply, 800);
      } else apply();
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(null)));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/yiwang`;
  return r;
}

describe('sharing exchange: change notices by signed webhook (retries, dead letters, replay) or pull', () => {
  let t: TestApp;
  let send: Send;
  let scjg: Session;
  let rsj: Session;
  let bureau: Session;
  let clerk: Session;
  let resourceId: string;
  let code: string;
  const receivers: Receiver[] = [];
  let loads = 0;

  const exchange = () => t.modules.sharing.exchange;
  const dispatch = () => dispatchPending(t.db, exchange().handlers);
  const load = async () => {
    loads++;
    const csv = [
      '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态',
      `${uscc(1)},信阳毛尖茶业有限公司,张三,${validIdNumber()},2019-05-20,信阳市市场监督管理局,存续`,
      `${uscc(2)},信阳红茶文化传播有限公司第${loads}批,李四,${validIdNumber()},2023-09-15,,在业`,
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sharing/resources/${resourceId}/loads?filename=load.csv`,
      payload: csv,
      headers: { ...scjg.headers, 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const subscribe = async (r: Receiver | null, signing: Signing = 'hmac-sha256', who = rsj) => {
    const res = await send(who, 'POST', '/api/sharing/subscriptions', {
      resourceId,
      mode: r ? 'webhook' : 'pull',
      ...(r ? { url: r.url, signing } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    const sub = res.json();
    if (r) r.key = { kind: signing, key: signing === 'ed25519' ? sub.publicKey : sub.secret };
    return sub;
  };
  const deliveries = async (subId: string, who = rsj) =>
    (await send(who, 'GET', `/api/sharing/subscriptions/${subId}/deliveries`)).json().items;

  beforeAll(async () => {
    // demo mode: webhook targets on 127.0.0.1 are allowed (the SSRF test turns the check back on)
    t = await testApp({ config: { isDemo: true } });
    send = sender(t);
    ({ scjg, rsj, bureau, clerk } = await people(t));
    const published = await publish(send, scjg, bureau);
    resourceId = published.id;
    code = published.code;
    await grantFor(send, { rsj, scjg }, resourceId);
    await dispatch();
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await t.close();
  });
  const track = async (behaviour: Behaviour = 'ok') => {
    const r = await receiver(behaviour);
    receivers.push(r);
    return r;
  };

  it('a load on 法人基础信息 delivers a signed notice (HMAC and Ed25519) without any data rows', async () => {
    // (the clerk first, before the test clock moves past the session's idle limit)
    expect((await send(clerk, 'GET', '/api/sharing/subscriptions')).statusCode).toBe(403);
    const hmac = await track();
    const ed = await track();
    const s1 = await subscribe(hmac, 'hmac-sha256');
    expect(s1).toMatchObject({
      mode: 'webhook',
      signing: 'hmac-sha256',
      status: 'active',
      resourceCode: code,
    });
    expect(s1.secret).toMatch(/^[\w-]{43}$/);
    const s2 = await subscribe(ed, 'ed25519');
    expect(s2.secret).toBeNull();
    expect(s2.publicKey).toContain('BEGIN PUBLIC KEY');
    // the secret is shown once: not in the list or the detail
    const listed = (await send(rsj, 'GET', '/api/sharing/subscriptions')).json().items;
    expect(listed.map((s: { id: string }) => s.id).sort()).toEqual([s1.id, s2.id].sort());
    expect(JSON.stringify(listed)).not.toContain(s1.secret);

    const loadId = await load();
    await dispatch();
    expect(await exchange().deliverPending()).toBe(2);
    for (const r of [hmac, ed]) {
      expect(r.rejected).toBe(0);
      expect(r.applied).toHaveLength(1);
      expect(r.applied[0]).toMatchObject({
        type: 'sharing.data-loaded',
        resource: { id: resourceId, code, name: '法人基础信息' },
        version: 1,
        loadId,
        counts: { rows: 2, accepted: 2, rejected: 0 },
      });
      const text = JSON.stringify(r.applied[0]);
      expect(text).not.toMatch(/\d{17}[\dX]/);
      expect(text).not.toContain('张三');
    }
    expect(hmac.received[0]?.id).toBe(hmac.applied[0]?.id);
    const history = await deliveries(s1.id);
    expect(history[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(history[0].history[0]).toMatchObject({ attempt: 1, statusCode: 200, isOk: true });

    // bad signatures are detected: a tampered body, a wrong secret, a forged POST
    const ts = '1772416800';
    const body = JSON.stringify(hmac.applied[0]);
    const good = signatureOf('hmac-sha256', s1.secret, ts, body);
    expect(verifySignature('hmac-sha256', s1.secret, ts, body, good)).toBe(true);
    expect(verifySignature('hmac-sha256', s1.secret, ts, body.replace('"rows":2', '"rows":3'), good)).toBe(
      false,
    );
    expect(verifySignature('hmac-sha256', 'wrong', ts, body, good)).toBe(false);
    expect(verifySignature('hmac-sha256', s1.secret, '1772416801', body, good)).toBe(false);
    expect(verifySignature('ed25519', s2.publicKey, ts, body, 'ed25519=AAAA')).toBe(false);
    const forged = await fetch(hmac.url, {
      method: 'POST',
      headers: { [HEADER_ID]: 'x', [HEADER_TIMESTAMP]: ts, [HEADER_SIGNATURE]: `v1=${'0'.repeat(64)}` },
      body,
    });
    expect(forged.status).toBe(401);
    expect(hmac.rejected).toBe(1);
    for (const s of [s1, s2])
      expect((await send(rsj, 'DELETE', `/api/sharing/subscriptions/${s.id}`)).statusCode).toBe(204);
  });

  it('a failing receiver is retried with backoff, ends in dead letters, and replay delivers once fixed', async () => {
    const down = await track('fail');
    const sub = await subscribe(down);
    await load();
    await dispatch();
    const run = () => exchange().deliverPending({ maxAttempts: 3 });
    expect(await run()).toBe(1);
    expect(await run()).toBe(0); // not due yet: the first retry waits 1 min ± 20 %
    t.clock.advance(47_000);
    expect(await run()).toBe(0);
    t.clock.advance(26_000);
    expect(await run()).toBe(1);
    let [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 500, lastError: 'HTTP 500' });
    const wait = new Date(d.nextAttemptAt).getTime() - t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(0.8 * 4 * 60_000);
    expect(wait).toBeLessThanOrEqual(1.2 * 4 * 60_000);
    t.clock.advance(wait);
    expect(await run()).toBe(1);
    [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: 'dead', attempts: 3 });
    expect(d.history.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500]);
    expect(d.history.every((a: { latencyMs: number }) => a.latencyMs >= 0)).toBe(true);
    expect(down.received).toHaveLength(3);
    expect(down.applied).toHaveLength(0);
    t.clock.advance(20 * 60_000); // (sessions idle out after 30 min)
    expect(await run()).toBe(0); // dead letters are not retried by themselves

    // visible to the subscriber and to the data bureau; not to another department
    expect((await send(rsj, 'GET', `/api/sharing/subscriptions/${sub.id}`)).json().counts).toEqual({
      pending: 0,
      delivered: 0,
      dead: 1,
    });
    const overview = (await send(bureau, 'GET', '/api/sharing/dead-letters')).json().items;
    expect(overview).toHaveLength(1);
    expect(overview[0]).toMatchObject({
      id: d.id,
      departmentName: '信阳市人力资源和社会保障局',
      url: down.url,
    });
    expect((await send(scjg, 'GET', `/api/sharing/subscriptions/${sub.id}/deliveries`)).statusCode).toBe(404);
    expect((await send(rsj, 'GET', '/api/sharing/dead-letters')).statusCode).toBe(403);

    // fixed: replay all dead letters
    down.behaviour = 'ok';
    const replayed = await send(rsj, 'POST', `/api/sharing/subscriptions/${sub.id}/replay-dead`);
    expect(replayed.json()).toEqual({ replayed: 1 });
    expect(await run()).toBe(1);
    expect(down.applied).toHaveLength(1);
    expect((await deliveries(sub.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await send(bureau, 'GET', '/api/sharing/dead-letters')).json().items).toHaveLength(0);
    const audit = await sql<{ action: string }>`
      select action from audit.entry where subject_id = ${sub.id} order by seq`.execute(t.db);
    expect(audit.rows.map((a) => a.action)).toEqual([
      'sharing-subscription.create',
      'sharing-subscription.replay',
    ]);
    await send(rsj, 'DELETE', `/api/sharing/subscriptions/${sub.id}`);
  });

  it('a hanging receiver times out while another subscription is delivered promptly', async () => {
    const hang = await track('hang');
    const fast = await track('ok');
    const s1 = await subscribe(hang);
    const s2 = await subscribe(fast, 'ed25519');
    await load();
    await dispatch();
    const started = performance.now();
    expect(await exchange().deliverPending({ timeoutMs: 1500 })).toBe(2);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(fast.applied).toHaveLength(1);
    expect((fast.received[0]?.at ?? Infinity) - started).toBeLessThan(1000);
    expect(hang.received).toHaveLength(1);
    const [h] = await deliveries(s1.id);
    expect(h).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(h.lastError).toContain('超时');
    expect((await deliveries(s2.id))[0]).toMatchObject({ status: 'delivered' });
    for (const s of [s1, s2]) await send(rsj, 'DELETE', `/api/sharing/subscriptions/${s.id}`);
    // deleted: gone for the subscriber, and the pending retry is cancelled
    expect((await send(rsj, 'GET', `/api/sharing/subscriptions/${s1.id}/deliveries`)).statusCode).toBe(404);
    t.clock.advance(10 * 60_000);
    expect(await exchange().deliverPending()).toBe(0);
  });

  it('duplicates (a lost acknowledgement, a replay, a re-run of the handler) are deduped by event id', async () => {
    const slow = await track('slow-once');
    const sub = await subscribe(slow);
    await load();
    await dispatch();
    // the receiver applies the notice but answers after the timeout: the platform retries
    expect(await exchange().deliverPending({ timeoutMs: 300 })).toBe(1);
    await new Promise((done) => setTimeout(done, 700));
    expect(slow.applied).toHaveLength(1);
    t.clock.advance(2 * 60_000);
    expect(await exchange().deliverPending()).toBe(1);
    expect(slow.received).toHaveLength(2);
    const [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
    // the subscriber redelivers one delivered notice
    const again = await send(rsj, 'POST', `/api/sharing/subscriptions/${sub.id}/deliveries/${d.id}/replay`);
    expect(again.json()).toEqual({ replayed: 1 });
    expect(await exchange().deliverPending()).toBe(1);
    expect(slow.received).toHaveLength(3);
    expect(new Set(slow.received.map((r) => r.id)).size).toBe(1);
    expect(slow.applied).toHaveLength(1);
    // the outbox handler run twice for the same event adds no change and no delivery
    const { rows } = await sql<OutboxEvent>`
      select id, type, payload from platform.outbox where type = 'sharing.data-loaded'
      order by id desc limit 1`.execute(t.db);
    const event = rows[0] as OutboxEvent;
    const handle = exchange().handlers['sharing.data-loaded']?.[0];
    await t.db.transaction().execute(async (tx) => handle?.(event, tx));
    expect(await exchange().deliverPending()).toBe(0);
    expect(await deliveries(sub.id)).toHaveLength(1);
    await send(rsj, 'DELETE', `/api/sharing/subscriptions/${sub.id}`);
  });

  it('pull with a cursor returns each change once, in order', async () => {
    const sub = await subscribe(null);
    expect(sub).toMatchObject({ mode: 'pull', url: null, signing: null, secret: null });
    const url = `/api/sharing/subscriptions/${sub.id}/changes`;
    expect((await send(rsj, 'GET', url)).json()).toMatchObject({ changes: [] });
    const first = await load();
    const second = await load();
    await dispatch();
    const page1 = (await send(rsj, 'GET', `${url}?limit=1`)).json();
    expect(page1.changes.map((c: { loadId: string }) => c.loadId)).toEqual([first]);
    const page2 = (await send(rsj, 'GET', `${url}?after=${page1.next}&limit=10`)).json();
    expect(page2.changes.map((c: { loadId: string }) => c.loadId)).toEqual([second]);
    const empty = (await send(rsj, 'GET', `${url}?after=${page2.next}`)).json();
    expect(empty).toEqual({ changes: [], next: page2.next });
    const third = await load();
    await dispatch();
    const page3 = (await send(rsj, 'GET', `${url}?after=${page2.next}`)).json();
    expect(page3.changes.map((c: { loadId: string }) => c.loadId)).toEqual([third]);
    expect(Number(page3.next)).toBeGreaterThan(Number(page2.next));
    expect((await send(rsj, 'GET', `${url}?after=abc`)).statusCode).toBe(400);
    expect((await send(scjg, 'GET', url)).statusCode).toBe(404);
  });

  it('access: another department gets 404, other roles 403; pause and resume hold deliveries', async () => {
    const r = await track();
    const sub = await subscribe(r);
    const base = `/api/sharing/subscriptions/${sub.id}`;
    for (const [method, url] of [
      ['GET', base],
      ['GET', `${base}/deliveries`],
      ['GET', `${base}/changes`],
      ['POST', `${base}/pause`],
      ['POST', `${base}/replay-dead`],
      ['DELETE', base],
    ] as const) {
      const res = await send(scjg, method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('SHARING_SUBSCRIPTION_NOT_FOUND');
    }
    expect((await send(scjg, 'GET', '/api/sharing/subscriptions')).json().items).toEqual([]);
    // the provider sees which departments subscribe (no URL, no key); another department does not
    const subscribers = await send(scjg, 'GET', `/api/sharing/resources/${resourceId}/subscribers`);
    expect(subscribers.json().items).toEqual([
      expect.objectContaining({
        departmentName: '信阳市人力资源和社会保障局',
        mode: 'pull',
        status: 'active',
      }),
      expect.objectContaining({
        departmentName: '信阳市人力资源和社会保障局',
        mode: 'webhook',
        status: 'active',
      }),
    ]);
    expect(subscribers.body).not.toContain(r.url);
    expect((await send(bureau, 'GET', `/api/sharing/resources/${resourceId}/subscribers`)).statusCode).toBe(
      200,
    );
    expect((await send(rsj, 'GET', `/api/sharing/resources/${resourceId}/subscribers`)).statusCode).toBe(404);
    expect((await send(null, 'GET', '/api/sharing/subscriptions')).statusCode).toBe(401);

    expect((await send(rsj, 'POST', `${base}/pause`)).json().status).toBe('paused');
    expect((await send(rsj, 'POST', `${base}/pause`)).statusCode).toBe(409);
    await load();
    await dispatch();
    expect(await exchange().deliverPending()).toBe(0);
    expect(r.received).toHaveLength(0);
    expect((await send(rsj, 'POST', `${base}/resume`)).json().status).toBe('active');
    expect(await exchange().deliverPending()).toBe(1);
    expect(r.applied).toHaveLength(1);
    expect((await send(rsj, 'DELETE', base)).statusCode).toBe(204);
    expect((await send(rsj, 'GET', base)).statusCode).toBe(404);
  });

  it('bad input: non-http(s) URLs, missing URL, unknown resource; private targets outside demo mode', async () => {
    const post = (body: object) => send(rsj, 'POST', '/api/sharing/subscriptions', body);
    for (const url of ['ftp://example.com/x', 'javascript:alert(1)', 'not a url', 'http://u:p@example.com/'])
      expect((await post({ resourceId, mode: 'webhook', url })).json().code, url).toBe(
        'SHARING_BAD_WEBHOOK_URL',
      );
    expect((await post({ resourceId, mode: 'webhook' })).statusCode).toBe(400);
    expect((await post({ resourceId, mode: 'webhook', url: 'https://x.example', extra: 1 })).statusCode).toBe(
      400,
    );
    expect((await post({ resourceId: 'nope', mode: 'pull' })).statusCode).toBe(400);
    expect((await post({ resourceId: crypto.randomUUID(), mode: 'pull' })).statusCode).toBe(404);
    // a draft (not yet published) resource cannot be subscribed to
    const draft = await send(scjg, 'POST', '/api/sharing/resources', { ...LEGAL_PERSONS, name: '法人草稿' });
    expect(draft.statusCode, draft.body).toBe(201);
    const refused = await post({ resourceId: draft.json().id, mode: 'pull' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SHARING_NOT_SUBSCRIBABLE');
    const options = exchange().options;
    options.allowPrivateTargets = false;
    try {
      for (const url of [
        'http://127.0.0.1:8080/hook',
        'http://localhost/hook',
        'http://10.1.2.3/hook',
        'http://192.168.1.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
      ]) {
        const res = await post({ resourceId, mode: 'webhook', url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('SHARING_BAD_WEBHOOK_URL');
      }
    } finally {
      options.allowPrivateTargets = true;
    }
  });

  it('subscribing needs a live grant (有条件 and 无条件 alike), 不予共享 never; the provider follows its own', async () => {
    const post = (who: Session, id: string) =>
      send(who, 'POST', '/api/sharing/subscriptions', { resourceId: id, mode: 'pull' });
    const variant = (name: string, extra: object) =>
      publish(send, scjg, bureau, {
        ...LEGAL_PERSONS,
        name,
        classification: { ...LEGAL_PERSONS.classification, mu: { code: '009', name: '订阅授权测试' } },
        ...extra,
      });
    const conditional = (await variant('法人登记（有条件）', {})).id;
    const unconditional = (
      await variant('法人登记（无条件）', { shareType: 'unconditional', shareConditions: '' })
    ).id;
    const none = (
      await variant('法人登记（不予共享）', { shareType: 'none', shareBasis: '《企业信息公示暂行条例》' })
    ).id;

    for (const id of [conditional, unconditional]) {
      const refused = await post(rsj, id);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'SHARING_SUBSCRIPTION_NO_GRANT',
        title: '没有该资源的有效共享授权，不能订阅',
      });
    }
    expect((await post(rsj, none)).json()).toMatchObject({ code: 'SHARING_SUBSCRIPTION_NOT_SHAREABLE' });
    // the provider's own officers need no grant
    expect((await post(scjg, conditional)).statusCode).toBe(201);

    // 无条件: the request is granted at once, then the subscription is accepted
    await grantFor(send, { rsj, scjg }, unconditional);
    expect((await post(rsj, unconditional)).statusCode).toBe(201);
    // 有条件: only once the provider has approved
    const grantId = await grantFor(send, { rsj, scjg }, conditional);
    const sub = await post(rsj, conditional);
    expect(sub.statusCode, sub.body).toBe(201);
    const changes = `/api/sharing/subscriptions/${sub.json().id}/changes`;
    expect((await send(rsj, 'GET', changes)).statusCode).toBe(200);
    await dispatch(); // the publications are in the feed before the webhook subscribes
    const r = await track();
    const hook = await send(rsj, 'POST', '/api/sharing/subscriptions', {
      resourceId: conditional,
      mode: 'webhook',
      url: r.url,
      signing: 'hmac-sha256',
    });
    expect(hook.statusCode, hook.body).toBe(201);
    r.key = { kind: 'hmac-sha256', key: hook.json().secret };
    const change = async () => {
      const api = {
        url: 'https://scjg.xinyang.example/api/x',
        method: 'GET',
        authentication: '无',
        responseFormat: 'JSON',
      };
      expect(
        (await send(scjg, 'PUT', `/api/sharing/resources/${conditional}/api-mount`, api)).statusCode,
      ).toBe(200);
      await dispatch();
      await exchange().deliverPending();
    };
    await change();
    expect(r.applied).toHaveLength(1);
    // a revoked grant stops the pull and the webhook, and refuses new subscriptions
    const revoked = await send(scjg, 'POST', `/api/sharing/grants/${grantId}/revoke`, {
      reason: '用途已结束',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await send(rsj, 'GET', changes)).json()).toMatchObject({ code: 'SHARING_SUBSCRIPTION_NO_GRANT' });
    expect((await post(rsj, conditional)).statusCode).toBe(403);
    await change();
    expect(r.received).toHaveLength(1);
    expect(await deliveries(hook.json().id)).toHaveLength(1);
  });

  it('a revoked grant holds notices already queued and refuses replays; an unpublished resource refuses the pull', async () => {
    const conditional = (
      await publish(send, scjg, bureau, {
        ...LEGAL_PERSONS,
        name: '法人登记（撤销授权）',
        classification: { ...LEGAL_PERSONS.classification, mu: { code: '010', name: '撤销授权测试' } },
      })
    ).id;
    const grantId = await grantFor(send, { rsj, scjg }, conditional);
    await dispatch(); // the publication is in the feed before the subscriptions
    const r = await track();
    const hook = await send(rsj, 'POST', '/api/sharing/subscriptions', {
      resourceId: conditional,
      mode: 'webhook',
      url: r.url,
      signing: 'hmac-sha256',
    });
    expect(hook.statusCode, hook.body).toBe(201);
    r.key = { kind: 'hmac-sha256', key: hook.json().secret };
    const hookId = hook.json().id as string;
    const pull = await send(rsj, 'POST', '/api/sharing/subscriptions', {
      resourceId: conditional,
      mode: 'pull',
    });
    expect(pull.statusCode, pull.body).toBe(201);
    const changes = `/api/sharing/subscriptions/${pull.json().id}/changes`;
    const mount = async (url: string) => {
      const api = { url, method: 'GET', authentication: '无', responseFormat: 'JSON' };
      const res = await send(scjg, 'PUT', `/api/sharing/resources/${conditional}/api-mount`, api);
      expect(res.statusCode, res.body).toBe(200);
      await dispatch();
    };
    await mount('https://scjg.xinyang.example/api/a');
    await exchange().deliverPending();
    expect(r.applied).toHaveLength(1);
    // a second notice is queued while the grant is live, then the grant is revoked before it goes out
    await mount('https://scjg.xinyang.example/api/b');
    expect((await deliveries(hookId)).map((d: { status: string }) => d.status).sort()).toEqual([
      'delivered',
      'pending',
    ]);
    const revoked = await send(scjg, 'POST', `/api/sharing/grants/${grantId}/revoke`, {
      reason: '用途已结束',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await exchange().deliverPending()).toBe(0);
    t.clock.advance(10 * 60_000);
    expect(await exchange().deliverPending()).toBe(0);
    expect(r.received).toHaveLength(1);
    // nor can the old, delivered notice be replayed to it
    const delivered = (await deliveries(hookId)).find((d: { status: string }) => d.status === 'delivered');
    for (const who of [rsj, bureau]) {
      const replay = await send(
        who,
        'POST',
        `/api/sharing/subscriptions/${hookId}/deliveries/${delivered.id}/replay`,
      );
      expect(replay.statusCode, replay.body).toBe(403);
      expect(replay.json()).toMatchObject({ code: 'SHARING_SUBSCRIPTION_NO_GRANT' });
      const dead = await send(who, 'POST', `/api/sharing/subscriptions/${hookId}/replay-dead`);
      expect(dead.json()).toMatchObject({ code: 'SHARING_SUBSCRIPTION_NO_GRANT' });
    }
    expect(await exchange().deliverPending()).toBe(0);
    expect(r.received).toHaveLength(1);

    // a resource no longer published: its pull is refused, not served without the grant check
    await grantFor(send, { rsj, scjg }, conditional);
    expect((await send(rsj, 'GET', changes)).statusCode).toBe(200);
    await sql`update sharing.resource set published_version_id = null where id = ${conditional}`.execute(
      t.db,
    );
    const unpublished = await send(rsj, 'GET', changes);
    expect(unpublished.statusCode, unpublished.body).toBe(409);
    expect(unpublished.json()).toMatchObject({ code: 'SHARING_NOT_SUBSCRIBABLE' });
    expect(await exchange().deliverPending()).toBe(0);
    expect(r.received).toHaveLength(1);
  });

  it('DNS rebinding: a delivery connects to the address its check accepted, never to a second answer', async () => {
    // rebind.test answers a public address to the check's lookup and 127.0.0.1 to any later one
    const r = await track();
    const port = new URL(r.url).port;
    const host = `http://rebind.test:${port}/hooks/yiwang`;
    const real = { lookup: dns.lookup, promises: dns.promises.lookup };
    let answer = '203.0.113.7';
    const patch = (isOn: boolean) => {
      const fake = (name: string, family: number) =>
        name === 'rebind.test' ? { address: answer, family } : null;
      dns.promises.lookup = (
        isOn
          ? async (name: string, opts?: object) => {
              const hit = fake(name, 4);
              return hit ? [hit] : real.promises(name, opts as never);
            }
          : real.promises
      ) as typeof dns.promises.lookup;
      dns.lookup = (
        isOn
          ? (name: string, opts: unknown, cb: unknown) => {
              const callback = (typeof opts === 'function' ? opts : cb) as (...a: unknown[]) => void;
              const options = (typeof opts === 'object' && opts) || {};
              if (name !== 'rebind.test') return real.lookup(name, options as never, callback as never);
              if ((options as { all?: boolean }).all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
              else callback(null, '127.0.0.1', 4);
            }
          : real.lookup
      ) as typeof dns.lookup;
      syncBuiltinESMExports();
    };
    const options = exchange().options;
    const saved = { ...options };
    Object.assign(options, { allowPrivateTargets: false, timeoutMs: 500, maxAttempts: 8 });
    patch(true);
    try {
      const sub = await send(rsj, 'POST', '/api/sharing/subscriptions', {
        resourceId,
        mode: 'webhook',
        url: host,
      });
      expect(sub.statusCode, sub.body).toBe(201);
      r.key = { kind: 'hmac-sha256', key: sub.json().secret };
      await load();
      await dispatch();
      await exchange().deliverPending();
      expect(r.received).toHaveLength(0);
      const [d] = await deliveries(sub.json().id);
      expect(d).toMatchObject({ status: 'pending', attempts: 1 });
      expect(d.lastError).toMatch(/连接失败|超时/);
      expect(d.lastError).not.toContain('127.0.0.1');

      // with local targets allowed, the one checked answer (here 127.0.0.1) is the one connected to
      options.allowPrivateTargets = true;
      answer = '127.0.0.1';
      t.clock.advance(120_000); // past the first retry delay (60 s ± 20 %)
      await exchange().deliverPending();
      expect(r.applied).toHaveLength(1);
      expect((await deliveries(sub.json().id))[0]).toMatchObject({ status: 'delivered' });
      await send(rsj, 'DELETE', `/api/sharing/subscriptions/${sub.json().id}`);
    } finally {
      patch(false);
      Object.assign(options, saved);
    }
  });
});
