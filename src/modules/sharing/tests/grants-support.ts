// Test helpers for grants and the gateway: a platform listening on a real port (the OpenID provider's
// issuer is its public URL), 法人基础信息 published by 市场监督管理局 with three enterprises mounted.
import { createServer } from 'node:net';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, validIdNumber } from '../../../../test/support/auth.ts';
import { people, publish, type Send, sender, uscc } from './support.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export const IDS = [validIdNumber(), validIdNumber(), validIdNumber()];
const CSV = [
  '统一社会信用代码,名称,法定代表人,法定代表人身份证号,成立日期,登记机关,状态',
  `${uscc(11)},信阳毛尖茶业有限公司,张三,${IDS[0]},2019-05-20,信阳市市场监督管理局,存续`,
  `${uscc(12)},信阳南湾鱼业有限公司,李四,${IDS[1]},2021-03-01,浉河区市场监督管理局,在业`,
  `${uscc(13)},信阳红茶文化传播有限公司,王五,${IDS[2]},2023-09-15,,注销`,
].join('\r\n');

export type World = {
  t: TestApp;
  send: Send;
  base: string;
  scjg: Session;
  rsj: Session;
  bureau: Session;
  clerk: Session;
  resourceId: string;
  code: string;
};

export async function world(): Promise<World> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await testApp({ config: { port, publicUrl: base } });
  await t.app.listen({ port, host: '127.0.0.1' });
  const send = sender(t);
  const { scjg, rsj, bureau, clerk } = await people(t);
  const resource = await publish(send, scjg, bureau);
  const loaded = await t.app.inject({
    method: 'POST',
    url: `/api/sharing/resources/${resource.id}/loads?filename=data.csv`,
    payload: CSV,
    headers: { ...scjg.headers, 'content-type': 'text/csv' },
  });
  if (loaded.statusCode !== 201 || loaded.json().status !== 'accepted') throw new Error(loaded.body);
  return { t, send, base, scjg, rsj, bureau, clerk, resourceId: resource.id, code: resource.code };
}

export const REQUEST = {
  purpose: '就业补贴审核中核验用人单位登记状态',
  legalBasis: '《就业促进法》第十五条',
  fields: ['uscc', 'name', 'legal_rep', 'legal_rep_id', 'status'],
  periodFrom: '2026-03-01',
  periodTo: '2026-12-31',
};

/** 人力资源和社会保障局 asks for the resource and 市场监督管理局 approves (无条件: granted at once). */
export async function grantFor(
  send: Send,
  who: { rsj: Session; scjg: Session },
  resourceId: string,
  body: object = {},
) {
  const asked = await send(who.rsj, 'POST', '/api/sharing/requests', { resourceId, ...REQUEST, ...body });
  if (asked.statusCode !== 201) throw new Error(`request failed: ${asked.body}`);
  const request = asked.json();
  if (request.grantId) return request.grantId as string;
  const approved = await send(who.scjg, 'POST', `/api/sharing/requests/${request.id}/approve`, {});
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.body}`);
  return approved.json().grantId as string;
}
