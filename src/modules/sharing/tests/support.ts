// Test helpers for the sharing module: the 法人基础信息 resource of 市场监督管理局 and staff sessions.
import type { TestApp } from '../../../../test/support/app.ts';
import { type Session, staffSession } from '../../../../test/support/auth.ts';
import { generateUscc } from '../../../platform/standards/uscc.ts';
import { LEGAL_PERSONS_DEMO } from '../seed.ts';

type Reply = Awaited<ReturnType<TestApp['app']['inject']>>;
export type Send = (who: Session | null, method: string, url: string, payload?: object) => Promise<Reply>;
export const sender =
  (t: TestApp): Send =>
  async (who, method, url, payload) =>
    t.app.inject({ method: method as 'GET', url, payload, headers: who?.headers ?? {} });

/** 法人基础信息 as 市场监督管理局 registers it: 基础 · 02 法人 · 001 法人登记. */
export const LEGAL_PERSONS = {
  name: '法人基础信息',
  summary:
    '本市登记的企业法人基础信息，包括统一社会信用代码、名称、法定代表人、成立日期、登记机关和登记状态。',
  classification: {
    attribute: 'basic',
    xiang: { code: '02' },
    mu: { code: '001', name: '法人登记信息' },
  },
  format: '电子表格',
  shareType: 'conditional',
  shareConditions: '用于行政审批、监管执法中核验法人身份',
  shareMethod: 'platform',
  openType: 'none',
  updateCycle: 'daily',
  // the same data items as the demo resource
  items: LEGAL_PERSONS_DEMO.items,
};

export const uscc = (n: number) =>
  generateUscc({
    registrationAuthority: '9',
    category: '1',
    divisionCode: '411502',
    orgBody: `MA9XY${String(n).padStart(3, '0')}`,
  });

export async function people(t: TestApp) {
  await t.modules.org.seedDemo();
  const dept = async (kind: string) => (await t.modules.org.findDepartment('411500', kind))?.id ?? null;
  return {
    scjg: await staffSession(t, ['data_officer'], 'scjg-data', await dept('市场监督管理局')),
    rsj: await staffSession(t, ['data_officer'], 'rsj-data', await dept('人力资源和社会保障局')),
    bureau: await staffSession(t, ['data_reviewer'], 'databureau', await dept('数据局')),
    clerk: await staffSession(t, ['window_clerk'], 'clerk', await dept('市场监督管理局')),
  };
}

/** Registers, submits and publishes a resource; returns its view. */
export async function publish(send: Send, officer: Session, bureau: Session, body: object = LEGAL_PERSONS) {
  const created = await send(officer, 'POST', '/api/sharing/resources', body);
  if (created.statusCode !== 201) throw new Error(`register failed: ${created.body}`);
  const id = created.json().id as string;
  await send(officer, 'POST', `/api/sharing/resources/${id}/submit`);
  const approved = await send(bureau, 'POST', `/api/sharing/resources/${id}/approve`);
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.body}`);
  return approved.json();
}
