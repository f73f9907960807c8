// 任务改派 in Chromium: a case filed and accepted over HTTP waits in 审查; the department admin opens
// 任务改派, sees it 待签收, gives it to one of the two reviewers with a reason (the other department's
// reviewer is not offered), and the row shows the new holder. axe at 1280 and 375 px.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applicationFor, post, submit } from '../../src/modules/cases/tests/support.ts';
import type { TestApp } from '../support/app.ts';
import { signUpCitizen, staffSession } from '../support/auth.ts';
import { seriousViolations } from './support/axe.ts';
import { departmentId, seedCatalog } from './support/catalog.ts';
import { createStaff, signInStaff } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let caseNo = '';

beforeAll(async () => {
  p = await startPlatform();
  await seedCatalog(p);
  const dept = await departmentId(p, '信阳市市场监督管理局');
  const other = await departmentId(p, '信阳市公安局');
  await createStaff(p, ['reviewer'], '审批人员甲', dept);
  await createStaff(p, ['reviewer'], '审批人员乙', dept);
  await createStaff(p, ['reviewer'], '外局人员丙', other);
  // the HTTP helpers of the API tests use only app.inject and the modules, which the platform has too
  const t = p as unknown as TestApp;
  const citizen = await signUpCitizen(t);
  const clerk = await staffSession(t, ['window_clerk'], 'reassign-clerk', dept);
  const filed = await submit(t, citizen, await applicationFor(t, citizen));
  expect(filed.statusCode, filed.body).toBe(201);
  caseNo = filed.json().case.caseNo;
  const accepted = await post(t, clerk, `/api/cases/${filed.json().case.id}/accept`, { note: '' });
  expect(accepted.statusCode, accepted.body).toBe(200);
});
afterAll(async () => {
  await p?.close();
});

it('the department admin reassigns an open 审查 task to a reviewer of the department', async () => {
  const admin = await createStaff(
    p,
    ['dept_admin'],
    '部门管理员丁',
    await departmentId(p, '信阳市市场监督管理局'),
  );
  const page = await p.newPage(DESKTOP);
  await signInStaff(page, admin);
  await page.getByRole('menuitem', { name: '任务改派' }).click();
  const row = page.getByRole('row').filter({ has: page.getByTestId(`dtask-${caseNo}`) });
  await row.getByText('待签收').first().waitFor();
  await row.getByRole('button', { name: `改派 ${caseNo}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /改\s*派/ }).click();
  await dialog.getByText('请选择改派给谁').waitFor();
  await dialog.getByLabel('改派给').click();
  const options = page.locator('.ant-select-item-option');
  await options.first().waitFor();
  expect(await options.allTextContents()).toEqual(['审批人员甲', '审批人员乙']);
  await options.filter({ hasText: '审批人员乙' }).click();
  await dialog.getByLabel('改派原因').fill('审批人员甲休假');
  for (const width of [DESKTOP, PHONE]) {
    await page.setViewportSize(width);
    await p.shot(page, 'reassign-dialog');
    expect(await seriousViolations(page), `dialog at ${width.width} px`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
  await dialog.getByRole('button', { name: /改\s*派/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row.getByText('审批人员乙').first().waitFor();
  for (const width of [PHONE, DESKTOP]) {
    await page.setViewportSize(width);
    await p.shot(page, 'reassign-list');
    expect(await seriousViolations(page), `list at ${width.width} px`).toEqual([]);
  }
});
