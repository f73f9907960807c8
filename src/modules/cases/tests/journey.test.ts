// The journey through the API on a real database: a citizen applies for 食品经营许可; the clerk
// asks for a supplement; the citizen supplies it; the clerk accepts; a reviewer passes, a special
// procedure stops the clock, two reviewers countersign, the head decides, the case concludes. The
// remaining working days are checked across 清明 (2026-04-04…06) and the paused interval; the audit
// chain verifies at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signInAgain, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import type { CaseView } from '../schema.ts';
import { applicationFor, FOOD, get, setDay as moveClock, post, submit, upload } from './support.ts';

describe('a food licence from application to conclusion', () => {
  let t: TestApp;
  let citizen: Session;
  let clerk: Session;
  let reviewerA: Session;
  let reviewerB: Session;
  let head: Session;
  let deptAdmin: Session;
  let caseId = '';
  let phone = '';
  /** Moves the clock to a day and signs everyone in again (sessions expire over the days). */
  const setDay = async (_t: TestApp, day: string) => {
    moveClock(t, day);
    citizen = await signInAgain(t, { kind: 'citizen', phone });
    const staff = (username: string) => signInAgain(t, { kind: 'staff', username, secret: null });
    [clerk, reviewerA, reviewerB, head] = await Promise.all(
      ['clerk1', 'reviewerA', 'reviewerB', 'head1'].map(staff),
    );
  };
  const view = async (who: Session = citizen): Promise<CaseView> => {
    const res = await get(t, who, `/api/cases/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const openTask = async (who: Session) => {
    const res = await get(t, who, '/api/workflow/inbox?box=todo');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.find((i: { subjectId: string }) => i.subjectId === caseId) as
      | { id: string; stepName: string }
      | undefined;
  };

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    const scjg = await t.modules.org.findDepartment('411500', '市场监督管理局');
    const dept = scjg?.id ?? null;
    const signedUp = await signUpCitizen(t, { realName: '王小明' });
    citizen = signedUp;
    phone = signedUp.input.phone;
    clerk = await staffSession(t, ['window_clerk'], 'clerk1', dept);
    reviewerA = await staffSession(t, ['reviewer'], 'reviewerA', dept);
    reviewerB = await staffSession(t, ['reviewer'], 'reviewerB', dept);
    head = await staffSession(t, ['dept_head'], 'head1', dept);
    deptAdmin = await staffSession(t, ['dept_admin'], 'admin1', dept);
  }, 120_000);
  afterAll(() => t?.close());

  it('the department admin adds a countersign step (会审, two signers) to the item’s process', async () => {
    const current = await get(t, deptAdmin, `/api/workflow/processes/${FOOD}`);
    expect(current.json().isDefault).toBe(true);
    const steps = [
      {
        key: 'review',
        name: '审查',
        role: 'reviewer',
        signers: 1,
        deadlineDays: 2,
        isDecision: false,
        condition: null,
      },
      {
        key: 'joint',
        name: '会审',
        role: 'reviewer',
        signers: 2,
        deadlineDays: 2,
        isDecision: false,
        condition: null,
      },
      {
        key: 'decide',
        name: '决定',
        role: 'dept_head',
        signers: 1,
        deadlineDays: 1,
        isDecision: true,
        condition: null,
      },
    ];
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/workflow/processes/${FOOD}`,
      headers: deptAdmin.headers,
      payload: { definition: { steps } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revision).toBe(1);
  });

  it('the citizen applies on Monday 2026-03-30 and gets a case number at once', async () => {
    await setDay(t, '2026-03-30');
    const res = await submit(t, citizen, await applicationFor(t, citizen));
    expect(res.statusCode, res.body).toBe(201);
    const filed: CaseView = res.json().case;
    caseId = filed.id;
    expect(filed.caseNo).toMatch(/^411500-20260330-\d{8}$/);
    expect(filed.state).toBe('submitted');
    expect(filed.applicant.contactPhoneMasked).toBe('138****1234');
    expect(filed.clock.noticeDueOn).toBe('2026-04-07'); // 5 working days, 清明 skipped
    expect(filed.allowed).toEqual(['withdraw']);
  });

  it('the clerk asks once for everything missing; the citizen supplies it the next day', async () => {
    const asked = await post(t, clerk, `/api/cases/${caseId}/supplement`, {
      items: [{ name: '营业执照', reason: '复印件不清晰，请上传清晰的扫描件' }],
      note: '其余材料齐全',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().state).toBe('supplementing');
    expect((await view()).supplement?.items).toHaveLength(1);

    await setDay(t, '2026-03-31');
    const supplied = await post(t, citizen, `/api/cases/${caseId}/supply`, {
      materials: [{ name: '营业执照', fileIds: [await upload(t, citizen, '营业执照-清晰.pdf')] }],
    });
    expect(supplied.statusCode, supplied.body).toBe(200);
    const after: CaseView = supplied.json();
    expect(after.state).toBe('submitted');
    expect(after.supplement?.answeredAt).not.toBeNull();
    expect(after.materials.filter((m) => m.name === '营业执照').map((m) => m.round)).toEqual([1, 2]);
  });

  it('the clerk accepts on Thursday 2026-04-02: promised 5 and legal 10 working days skip 清明', async () => {
    await setDay(t, '2026-04-02');
    const res = await post(t, clerk, `/api/cases/${caseId}/accept`, { note: '材料齐全，予以受理' });
    expect(res.statusCode, res.body).toBe(200);
    const accepted: CaseView = res.json();
    expect(accepted.state).toBe('reviewing');
    expect(accepted.clock).toMatchObject({
      acceptedOn: '2026-04-02',
      promisedDueOn: '2026-04-10',
      legalDueOn: '2026-04-17',
    });
    expect(accepted.clock.remainingDays).toBe(5);
    await setDay(t, '2026-04-03');
    expect((await view()).clock.remainingDays).toBe(4);
    await setDay(t, '2026-04-06'); // 清明 holiday Monday: nothing elapsed since Friday
    expect((await view()).clock.remainingDays).toBe(4);
    await setDay(t, '2026-04-07');
    expect((await view()).clock.remainingDays).toBe(3);
  });

  it('a reviewer passes 审查; the head starts 现场核查 and the clock stands still', async () => {
    const task = await openTask(reviewerA);
    expect(task?.stepName).toBe('审查');
    const passed = await post(t, reviewerA, `/api/cases/${caseId}/tasks/${task?.id}/act`, {
      action: 'pass',
      opinion: '材料符合要求',
    });
    expect(passed.statusCode, passed.body).toBe(200);

    const started = await post(t, head, `/api/cases/${caseId}/special/start`, {
      kind: '现场核查',
      reason: '需核查经营场所布局',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().state).toBe('special');
    await setDay(t, '2026-04-09');
    const paused = await view();
    expect(paused.clock).toMatchObject({ isPaused: true, remainingDays: 3 });
    const ended = await post(t, head, `/api/cases/${caseId}/special/end`, { result: '现场核查合格' });
    expect(ended.statusCode, ended.body).toBe(200);
    const resumed: CaseView = ended.json();
    expect(resumed.clock).toMatchObject({
      isPaused: false,
      pausedDays: 2,
      promisedDueOn: '2026-04-14',
      remainingDays: 3,
    });
    expect(resumed.clockStops[0]).toMatchObject({
      kind: 'special',
      a7Code: '2',
      specialKind: '现场核查',
      pausedDays: 2,
    });
  });

  it('two reviewers countersign 会审; acting twice on one task: exactly one wins, the other gets 409', async () => {
    const taskA = await openTask(reviewerA);
    const taskB = await openTask(reviewerB);
    expect(taskA?.stepName).toBe('会审');
    const [first, second] = await Promise.all([
      post(t, reviewerA, `/api/cases/${caseId}/tasks/${taskA?.id}/act`, { action: 'pass', opinion: '同意' }),
      post(t, reviewerB, `/api/cases/${caseId}/tasks/${taskA?.id}/act`, { action: 'pass', opinion: '同意' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? reviewerA : reviewerB;
    // the one who lost signs the other slot; the step completes and the decision step opens
    const remaining = await openTask(loser);
    expect(remaining?.stepName).toBe('会审');
    expect(remaining?.id).not.toBe(taskA?.id);
    expect(taskB).toBeDefined();
    const signed = await post(t, loser, `/api/cases/${caseId}/tasks/${remaining?.id}/act`, {
      action: 'pass',
      opinion: '同意',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await openTask(head))?.stepName).toBe('决定');
  });

  it('the head decides, the clerk concludes; the timeline tells the whole story; the audit chain verifies', async () => {
    const task = await openTask(head);
    const decided = await post(t, head, `/api/cases/${caseId}/tasks/${task?.id}/act`, {
      action: 'approve',
      opinion: '符合条件，准予许可',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'decided', decision: 'approved' });
    const again = await post(t, head, `/api/cases/${caseId}/tasks/${task?.id}/act`, {
      action: 'approve',
      opinion: '重复',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已决定');

    const concluded = await post(t, clerk, `/api/cases/${caseId}/conclude`, { note: '电子送达' });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const done = await view();
    expect(done.state).toBe('concluded');
    expect(done.clock.remainingDays).toBeNull();
    expect(done.timeline.map((e) => e.actionLabel)).toEqual([
      '提交申请',
      '一次性告知补正',
      '提交补正材料',
      '受理',
      '审查：通过',
      '启动特别程序：现场核查',
      '特别程序结束：现场核查',
      '会审：通过',
      '会审：通过',
      '决定：准予许可',
      '办结',
    ]);
    const sets = await get(t, clerk, `/api/cases/${caseId}/datasets`);
    expect(sets.statusCode, sets.body).toBe(200);
    const data = sets.json();
    expect(data.事项受理).toMatchObject({
      受理时间: '20260402T100000',
      承诺办结时间: '2026-04-14',
      办件类型代码: '2',
    });
    expect(data.事项办理.map((r: { 环节名称: string }) => r.环节名称)).toEqual([
      '审查',
      '会审',
      '会审',
      '决定',
    ]);
    expect(data.特别程序).toEqual([
      expect.objectContaining({ 特别程序种类名称: '现场核查', 特别程序种类代码: '2' }),
    ]);
    expect(data.事项办结.办件结果描述).toBe('准予');
    expect(data.办事申请.申请者证件号码).toMatch(/^\d{6}\*+\d{4}$/);
    expect((await get(t, citizen, `/api/cases/${caseId}/datasets`)).statusCode).toBe(403);
    const verified = await t.modules.audit.verify();
    expect(verified.ok).toBe(true);
  });
});
