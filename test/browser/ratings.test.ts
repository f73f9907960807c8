// 好差评 in Chromium: a citizen rates the 申报 of their case 非常不满意 on a 375 px phone; the department
// head works the rectification order in the workbench — 核实, 整改, 答复, 回访 — and closes it; the citizen
// sees the outcome on the case page. Also the window's rating link: the clerk's QR code on the staff
// case page, and the public rating page it opens on a phone; the public 好差评公示. axe (no serious or
// critical) on each page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFor, submit } from '../../src/modules/cases/tests/support.ts';
import { PASSWORD, type Session, signUpCitizen } from '../support/auth.ts';
import { expectAccessible as checkAccessible } from './support/accessible.ts';
import { asTestApp } from './support/licensed.ts';
import { createStaff, STAFF_PASSWORD, type StaffMember, signInCitizen } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let citizen: Session & { input: { phone: string } };
let head: StaffMember;
let clerk: StaffMember;
const caseIds: string[] = [];

const expectAccessible = (page: Page, name: string) => checkAccessible(p, page, name);
/** A head's or a clerk's role needs no TOTP: user name and password. */
async function signInStaff(page: Page, staff: StaffMember) {
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByTestId('staff-login-submit').click();
  await page.getByRole('heading', { name: `您好，${staff.name}` }).waitFor();
}

beforeAll(async () => {
  p = await startPlatform();
  const t = asTestApp(p);
  await p.modules.org.seedDemo();
  await p.modules.catalog.seedDemo();
  const scjg = await p.modules.org.findDepartment('411500', '市场监督管理局');
  citizen = await signUpCitizen(t, { realName: '周敏' });
  for (const _ of [1, 2]) {
    const res = await submit(t, citizen, await applicationFor(t, citizen));
    expect(res.statusCode, res.body).toBe(201);
    caseIds.push(res.json().case.id);
  }
  head = await createStaff(p, ['dept_head'], '负责人吴', scjg?.id ?? null);
  clerk = await createStaff(p, ['window_clerk'], '窗口人员郑', scjg?.id ?? null);
}, 120_000);
afterAll(async () => {
  await p?.close();
});

describe('好差评: a bad rating followed up to its return visit', () => {
  it('the citizen rates the 申报 非常不满意 on a phone and sees the order opened', async () => {
    const page = await p.newPage(PHONE);
    await signInCitizen(page, citizen.input.phone, PASSWORD);
    await page.goto(`/mine/cases/${caseIds[0]}`);
    const box = page.getByTestId('rate-apply');
    await box.getByText('申报服务').waitFor();
    await expectAccessible(page, 'rating-prompt');
    await box.getByText('非常不满意').click();
    await box.getByLabel('评价内容（选填）').fill('窗口排队两小时无人引导');
    await box.getByTestId('rate-submit').click();
    const given = box.getByTestId('given-rating');
    await given.getByText('非常不满意').waitFor();
    await given.getByTestId('rectification-outcome').getByText('待核实').waitFor();
    expect(await given.textContent()).toContain('移动服务端');
    await expectAccessible(page, 'rating-given');
  });

  it('the department head works the order to 办结 with a return visit', async () => {
    const page = await p.newPage(DESKTOP);
    await signInStaff(page, head);
    await page.getByRole('link', { name: '好差评整改' }).click();
    const list = page.getByTestId('rectification-list');
    await list.getByText('非常不满意').waitFor();
    await expectAccessible(page, 'rectification-list');
    const href = (await list.getByRole('link', { name: /^ZG/ }).getAttribute('href')) ?? '';
    await page.goto(href);
    await page.getByTestId('order-state').getByText('待核实').waitFor();
    await expectAccessible(page, 'rectification-order');
    const steps: Array<[string, string, string]> = [
      ['核实情况', '调取监控核实，当日叫号系统故障', '待整改'],
      ['整改措施', '修复叫号系统，增设引导员', '待答复'],
      ['答复内容', '已修复叫号系统并增设引导员，感谢监督', '待回访'],
    ];
    for (const [label, text, next] of steps) {
      await page.getByTestId('next-step').getByLabel(label).fill(text);
      await page.getByTestId('step-submit').click();
      await page.getByTestId('order-state').getByText(next).waitFor();
    }
    const visit = page.getByTestId('next-step');
    await visit.getByLabel('回访情况').fill('电话回访，申请人认可整改');
    await visit.getByText('满意', { exact: true }).click();
    await page.getByTestId('step-submit').click();
    await page.getByTestId('order-state').getByText('待办结').waitFor();
    await page.getByTestId('step-submit').click();
    await page.getByTestId('order-state').getByText('已办结').waitFor();
    await expectAccessible(page, 'rectification-closed');
  });

  it('the citizen sees the reply and the return visit on the case', async () => {
    const page = await p.newPage(PHONE);
    await signInCitizen(page, citizen.input.phone, PASSWORD);
    await page.goto(`/mine/cases/${caseIds[0]}`);
    const outcome = page.getByTestId('rate-apply').getByTestId('rectification-outcome');
    await outcome.getByText('已办结').waitFor();
    const text = (await outcome.textContent()) ?? '';
    expect(text).toContain('已修复叫号系统并增设引导员');
    expect(text).toContain('电话回访，申请人认可整改');
    await expectAccessible(page, 'rating-outcome');
  });
});

describe('好差评 at the window: the QR link', () => {
  it('the clerk shows a QR code; the link opens the public rating page on a phone', async () => {
    const page = await p.newPage(DESKTOP);
    await signInStaff(page, clerk);
    await page.goto(`/workbench/cases/${caseIds[1]}`);
    const ratings = page.getByTestId('staff-case-ratings');
    await ratings.getByTestId('qr-apply').click();
    await ratings.getByRole('img', { name: '服务评价二维码' }).waitFor();
    await expectAccessible(page, 'rating-qr');
    const href = (await ratings.getByTestId('rating-link-open').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/rate\//);

    const phone = await p.newPage(PHONE);
    await phone.goto(href);
    await phone.getByRole('heading', { name: '请对本次申报服务进行评价' }).waitFor();
    expect(await phone.getByText('周*').count()).toBe(1);
    await expectAccessible(phone, 'rate-link');
    await phone.getByText('非常满意').click();
    await phone.getByTestId('rate-submit').click();
    await phone.getByText('感谢您的评价！').waitFor();
    expect(await phone.getByTestId('given-rating').textContent()).toContain('二维码');
    await phone.goto('/rate/not-a-real-token-at-all');
    await phone.getByText('评价链接无效或已过期').waitFor();

    // 好差评公示: the department's two ratings, one of them bad and rectified
    await phone.goto('/ratings');
    const card = phone.getByTestId('rating-stats').getByText('信阳市市场监督管理局');
    await card.waitFor();
    const stats = (await phone.getByTestId('rating-stats').textContent()) ?? '';
    expect(stats).toContain('满意率50.0%');
    expect(stats).toContain('整改率100.0%');
    await expectAccessible(phone, 'rating-stats');
  });
});
