// Demo cases for the demo city: filed and worked by the demo accounts through the module's own verbs,
// on a clock that walks through the past working days, so every state appears with a timeline that
// makes sense — including one past its promised deadline and one paused in a special procedure.
// Idempotent: does nothing when the demo citizen already has cases.
import { randomUUID } from 'node:crypto';
import { addWorkingDays, isWorkingDay } from '../../platform/calendar.ts';
import { type ManualClock, manualClock, shanghaiDate } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { DemoActors } from '../identity/index.ts';
import type { CasesModule } from './index.ts';
import type { DeliveryMethod } from './schema.ts';
import * as store from './store.ts';

export type SeedTools = {
  db: Db;
  now: Date;
  /** the cases module (and its workflow) running on the given clock */
  casesAt: (clock: ManualClock) => CasesModule;
  /** stores bytes as a file uploaded by the context's actor; returns the file id */
  storeFile: (ctx: RequestContext, name: string, bytes: Uint8Array) => Promise<string>;
  people: DemoActors;
};

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The working day n working days before `day`. */
async function workingDaysBefore(db: Db, day: string, n: number): Promise<string> {
  let cursor = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    cursor = new Date(cursor.getTime() - 86_400_000);
    if (await isWorkingDay(db, cursor.toISOString().slice(0, 10))) left--;
  }
  return cursor.toISOString().slice(0, 10);
}

type Step = (c: CasesModule, id: string) => Promise<unknown>;
type Script = {
  who: 'zhangsan' | 'lisi' | 'lisiForEnterprise';
  item: string;
  /** working days ago the case was filed */
  filed: number;
  summary: string;
  delivery?: DeliveryMethod;
  /** later steps: working days after filing, and what happens */
  steps: Array<[number, Step]>;
};

export async function seedDemoCases(tools: SeedTools, implementationOf: (itemCode: string) => string) {
  const { people } = tools;
  const zhangsan = people.zhangsan;
  if (!zhangsan || !people.clerk || !people.reviewer || !people.reviewer2 || !people.head) return 0;
  if (
    (
      await store.listCases(
        tools.db,
        { applicant: { accountId: zhangsan.accountId, enterpriseId: null } },
        { limit: 1, offset: 0 },
      )
    ).total > 0
  ) {
    return 0;
  }
  const staff = {
    clerk: people.clerk,
    reviewer: people.reviewer,
    reviewer2: people.reviewer2,
    head: people.head,
  };
  const ctxOf = (actor: Actor): RequestContext => ({ actor, requestId: 'seed-cases', ip: '127.0.0.1' });
  const today = shanghaiDate(tools.now);
  const clock = manualClock(tools.now);
  const cases = tools.casesAt(clock);
  let minute = 0;
  const at = (day: string) => clock.set(new Date(`${day}T01:${String(minute++ % 60).padStart(2, '0')}:00Z`));

  const act =
    (who: Actor, action: 'pass' | 'approve' | 'deny', opinion: string): Step =>
    async (c, id) => {
      const task = (await c.caseTasks(who, id)).find(
        (t) => t.state === 'open' && t.role === (who.roles.includes('dept_head') ? 'dept_head' : 'reviewer'),
      );
      if (task) await c.actOnTask(ctxOf(who), id, task.id, { action, opinion });
    };
  const accept: Step = (c, id) => c.accept(ctxOf(staff.clerk), id, '材料齐全，予以受理');
  const review = act(staff.reviewer, 'pass', '申请材料齐全、符合法定形式');
  const decide = act(staff.head, 'approve', '符合许可条件，准予许可');
  const conclude: Step = (c, id) => c.conclude(ctxOf(staff.clerk), id, '');
  const supplement: Step = (c, id) =>
    c.requestSupplement(ctxOf(staff.clerk), id, {
      items: [
        { name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', reason: '缺少经营布局平面图' },
      ],
      note: '请一次性补齐后重新提交',
    });

  const scripts: Script[] = [
    { who: 'zhangsan', item: 'XY-SCJG-009', filed: 0, summary: '申请开办小型餐饮店', steps: [] },
    {
      who: 'zhangsan',
      item: 'XY-SCJG-009',
      filed: 3,
      summary: '申请新开一家奶茶店',
      steps: [[1, supplement]],
    },
    { who: 'lisi', item: 'XY-SCJG-009', filed: 3, summary: '申请经营热食类食品', steps: [[1, accept]] },
    {
      who: 'zhangsan',
      item: 'XY-SCJG-011',
      filed: 14,
      summary: '申请糕点生产许可',
      steps: [
        [1, accept],
        [3, review],
      ],
    },
    {
      who: 'lisi',
      item: 'XY-SCJG-012',
      filed: 8,
      summary: '申请开办社区药店',
      steps: [
        [1, accept],
        [2, review],
        [
          3,
          (c, id) =>
            c.startSpecial(ctxOf(staff.head), id, {
              kind: '现场核查',
              reason: '需现场核查经营场所和仓储条件',
            }),
        ],
      ],
    },
    {
      who: 'zhangsan',
      item: 'XY-SCJG-009',
      filed: 9,
      summary: '申请开办面馆',
      steps: [
        [1, accept],
        [2, review],
        [3, decide],
      ],
    },
    {
      who: 'lisiForEnterprise',
      item: 'XY-SCJG-011',
      filed: 12,
      summary: '申请茶叶制品生产许可',
      delivery: 'post',
      steps: [
        [1, accept],
        [2, review],
        [4, decide],
        [5, conclude],
      ],
    },
    {
      who: 'zhangsan',
      item: 'XY-SCJG-009',
      filed: 9,
      summary: '申请开办小型餐饮店，经营热食类食品制售',
      steps: [
        [1, accept],
        [2, review],
        [3, decide],
        [4, conclude],
      ],
    },
    {
      who: 'lisi',
      item: 'XY-SCJG-009',
      filed: 6,
      summary: '申请在住宅楼内开设餐馆',
      steps: [
        [
          1,
          (c, id) =>
            c.refuse(ctxOf(staff.clerk), id, {
              reason: '经营场所为住宅，不符合食品经营场所要求',
              basis: '《中华人民共和国食品安全法》第三十五条',
            }),
        ],
      ],
    },
    {
      who: 'zhangsan',
      item: 'XY-SCJG-009',
      filed: 5,
      summary: '申请开办早餐店',
      steps: [[1, (c, id) => c.withdraw(ctxOf(zhangsan), id, '经营地址变更，重新申请')]],
    },
    {
      who: 'lisi',
      item: 'XY-SCJG-013',
      filed: 2,
      summary: '申请医疗器械经营许可',
      steps: [[1, (c, id) => c.returnCase(ctxOf(staff.clerk), id, '该事项需向县级市场监管部门申请')]],
    },
  ];

  let filed = 0;
  for (const script of scripts) {
    const applicant = people[script.who];
    if (!applicant) continue;
    const day = await workingDaysBefore(tools.db, today, script.filed);
    at(day);
    const implementationId = implementationOf(script.item);
    const form = await cases.formOf(implementationId);
    const materials = [];
    for (const m of form.materials.filter((x) => x.isRequired)) {
      materials.push({
        name: m.name,
        fileIds: [await tools.storeFile(ctxOf(applicant), `${m.name.slice(0, 40)}.pdf`, PDF)],
        licenseRef: null,
      });
    }
    const formData: Record<string, string> = { summary: script.summary };
    if ('premises' in form.formSchema.properties) formData.premises = '信阳市浉河区民权路 18 号';
    const result = await cases.submit(ctxOf(applicant), randomUUID(), {
      implementationId,
      form: formData,
      materials,
      contact: {
        name: applicant.displayName,
        phone: '13800000001',
        address: '信阳市浉河区民权路 18 号',
        postcode: '464000',
      },
      deliveryMethod: script.delivery ?? 'online',
      draftId: null,
    });
    filed++;
    for (const [offset, step] of script.steps) {
      at(await addWorkingDays(tools.db, day, offset));
      await step(cases, result.case.id);
    }
  }
  return filed;
}
