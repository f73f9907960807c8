// The reviewers' inbox and the process editor as their users meet them: claim and release, someone
// else's claim, reassignment by the department admin, conditional steps, invalid processes, and
// another department's task indistinguishable from a missing one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { applicationFor, FOOD, get, post, submit } from '../../cases/tests/support.ts';
import { conditionHolds, defaultProcess, nextStep } from '../process.ts';
import { ProcessDefinition } from '../schema.ts';

describe('process rules', () => {
  it('the default process splits the promised limit between 审查 and 决定', () => {
    const def = defaultProcess(20);
    expect(def.steps.map((s) => [s.name, s.role, s.deadlineDays])).toEqual([
      ['审查', 'reviewer', 15],
      ['决定', 'dept_head', 5],
    ]);
    expect(ProcessDefinition.safeParse(def).success).toBe(true);
  });

  it('conditional steps run only for the applicants and form values they name', () => {
    const ctx = { applicantKind: 'enterprise' as const, form: { scale: '大型' } };
    expect(conditionHolds({ applicantKind: 'citizen' }, ctx)).toBe(false);
    expect(conditionHolds({ applicantKind: 'enterprise' }, ctx)).toBe(true);
    expect(conditionHolds({ field: 'scale', equals: '大型' }, ctx)).toBe(true);
    expect(conditionHolds({ field: 'scale', equals: '小型' }, ctx)).toBe(false);
    const def = defaultProcess(10);
    def.steps.splice(1, 0, {
      ...def.steps[0],
      key: 'site',
      name: '现场核查',
      condition: { field: 'scale', equals: '小型' },
    } as (typeof def.steps)[0]);
    expect(nextStep(def, 0, ctx)).toBe(2); // 现场核查 skipped for a 大型 applicant
  });

  it('refuses processes without exactly one last decision step, with repeated keys or a countersigned decision', () => {
    const steps = defaultProcess(10).steps;
    const bad = [
      { steps: [steps[1], steps[0]] },
      { steps: [steps[0], steps[0], steps[1]] },
      { steps: [steps[0], { ...steps[1], signers: 2 }] },
      { steps: [steps[0]] },
    ];
    for (const def of bad) expect(ProcessDefinition.safeParse(def).success, JSON.stringify(def)).toBe(false);
  });
});

describe('the reviewers’ inbox', () => {
  let t: TestApp;
  let citizen: Session;
  let clerk: Session;
  let alice: Session;
  let bob: Session;
  let outsider: Session;
  let admin: Session;
  let caseId = '';
  let taskId = '';

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    const scjg = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? null;
    const gaj = (await t.modules.org.findDepartment('411500', '公安局'))?.id ?? null;
    citizen = await signUpCitizen(t);
    clerk = await staffSession(t, ['window_clerk'], 'wclerk', scjg);
    alice = await staffSession(t, ['reviewer'], 'walice', scjg);
    bob = await staffSession(t, ['reviewer'], 'wbob', scjg);
    outsider = await staffSession(t, ['reviewer'], 'woutsider', gaj);
    admin = await staffSession(t, ['dept_admin'], 'wadmin', scjg);
    const filed = await submit(t, citizen, await applicationFor(t, citizen));
    caseId = filed.json().case.id;
    await post(t, clerk, `/api/cases/${caseId}/accept`, { note: '' });
    const inbox = (await get(t, alice, '/api/workflow/inbox')).json();
    taskId = inbox.items.find((i: { subjectId: string }) => i.subjectId === caseId).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('a claimed task leaves the others’ 待办 and cannot be claimed or acted on by them', async () => {
    const claimed = await post(t, alice, `/api/workflow/tasks/${taskId}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toMatchObject({ state: 'claimed', assigneeName: '测试人员' });
    const mine = (await get(t, alice, '/api/workflow/inbox?box=mine')).json();
    expect(mine.counts.mine).toBe(1);
    expect(
      (await get(t, bob, '/api/workflow/inbox')).json().items.some((i: { id: string }) => i.id === taskId),
    ).toBe(false);
    expect((await post(t, bob, `/api/workflow/tasks/${taskId}/claim`)).json().code).toBe(
      'WORKFLOW_TASK_CLAIMED',
    );
    const act = await post(t, bob, `/api/cases/${caseId}/tasks/${taskId}/act`, {
      action: 'pass',
      opinion: '同意',
    });
    expect(act.statusCode).toBe(409);
    expect((await post(t, bob, `/api/workflow/tasks/${taskId}/release`)).statusCode).toBe(409);
  });

  it('released, it is back in everyone’s 待办', async () => {
    expect((await post(t, alice, `/api/workflow/tasks/${taskId}/release`)).statusCode).toBe(200);
    expect(
      (await get(t, bob, '/api/workflow/inbox')).json().items.some((i: { id: string }) => i.id === taskId),
    ).toBe(true);
  });

  it('another department’s reviewer gets the same 404 as for a task that does not exist', async () => {
    const theirs = await post(t, outsider, `/api/workflow/tasks/${taskId}/claim`);
    const missing = await post(t, outsider, `/api/workflow/tasks/${randomUUID()}/claim`);
    expect([theirs.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(theirs.json().code).toBe(missing.json().code);
  });

  it('the department admin reassigns to a colleague with the role, not to someone without it', async () => {
    const list = (await get(t, admin, '/api/workflow/department-tasks')).json();
    expect(list.items.some((i: { id: string }) => i.id === taskId)).toBe(true);
    const wrong = await post(t, admin, `/api/workflow/tasks/${taskId}/reassign`, {
      staffId: clerk.accountId,
      reason: '调整',
    });
    expect(wrong.json().code).toBe('WORKFLOW_ASSIGNEE_INVALID');
    const moved = await post(t, admin, `/api/workflow/tasks/${taskId}/reassign`, {
      staffId: bob.accountId,
      reason: '王审批休假',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ state: 'claimed', assigneeId: bob.accountId });
    const acted = await post(t, bob, `/api/cases/${caseId}/tasks/${taskId}/act`, {
      action: 'pass',
      opinion: '材料齐全',
    });
    expect(acted.statusCode, acted.body).toBe(200);
    expect((await get(t, bob, '/api/workflow/inbox?box=done')).json().counts.done).toBe(1);
  });

  it('only the owning department’s admin edits the process; a bad process lists its problems', async () => {
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/workflow/processes/${FOOD}`,
      headers: admin.headers,
      payload: {
        definition: {
          steps: [
            {
              key: 'x',
              name: '审查',
              role: 'reviewer',
              signers: 1,
              deadlineDays: 1,
              isDecision: false,
              condition: null,
            },
          ],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('决定环节');
    const police = await staffSession(
      t,
      ['dept_admin'],
      'wpolice',
      (await t.modules.org.findDepartment('411500', '公安局'))?.id ?? null,
    );
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/api/workflow/processes/${FOOD}`,
      headers: police.headers,
      payload: { definition: defaultProcess(5) },
    });
    expect(foreign.statusCode).toBe(403);
  });
});
