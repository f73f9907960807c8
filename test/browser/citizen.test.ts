// Citizen journey: register in the browser, see the masked identity on "我的", sign out, sign in by
// phone and by ID number; a wrong password shows the server's Chinese problem title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { CITIZEN_PASSWORD, validIdNumber, validPhone } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.close();
});

describe('citizen registration and sign-in', () => {
  it('registers, sees masked ID and phone, signs out and back in by phone and by ID number', async () => {
    const idNumber = validIdNumber(901);
    const phone = validPhone(901);
    const page = await p.newPage(PHONE);
    await page.goto('/');
    await page.getByTestId('nav-register').click();
    await page.getByLabel('真实姓名').fill('李淮河');
    await page.getByLabel('居民身份证号码').fill(idNumber);
    await page.getByLabel('手机号码').fill(phone);
    await page.getByLabel('登录密码').fill(CITIZEN_PASSWORD);
    await page.getByLabel('确认密码').fill(CITIZEN_PASSWORD);
    await p.shot(page, 'register');
    await page.getByTestId('register-submit').click();

    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
    const idMasked = (await page.getByTestId('id-masked').textContent()) ?? '';
    expect(idMasked).not.toContain(idNumber.slice(6, 14));
    expect(idMasked.slice(0, 1)).toBe(idNumber.slice(0, 1));
    expect(await page.getByTestId('phone-masked').textContent()).not.toBe(phone);
    await expect(page.getByTestId('nav-me').textContent()).resolves.toBe('李淮河');
    await p.shot(page, 'me');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
    await page.goto('/me');
    await page.waitForURL(/\/login\?next=/);

    await page.getByLabel('身份证号码或手机号码').fill(phone);
    await page.getByLabel('密码').fill(CITIZEN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/me$/);
    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();

    const desktop = await p.newPage(DESKTOP);
    await desktop.goto('/login');
    await desktop.getByLabel('身份证号码或手机号码').fill(idNumber.toLowerCase());
    await desktop.getByLabel('密码').fill(CITIZEN_PASSWORD);
    await desktop.getByTestId('login-submit').click();
    await desktop.waitForURL(/\/me$/);
    await desktop.getByRole('heading', { name: '我的', exact: true }).waitFor();
    await p.shot(desktop, 'me');
    expect(p.problems).toEqual([]);
  });

  it('shows the server problem when the password is wrong and when the ID number is taken', async () => {
    const page = await p.newPage(PHONE);
    await page.goto('/login');
    await page.getByLabel('身份证号码或手机号码').fill(validPhone(901));
    await page.getByLabel('密码').fill('Wrong#Password1');
    await page.getByTestId('login-submit').click();
    const problem = page.getByTestId('problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/账号或密码错误/);
    await p.shot(page, 'login-failed');

    await page.goto('/register');
    await page.getByLabel('真实姓名').fill('李淮河');
    await page.getByLabel('居民身份证号码').fill(validIdNumber(901));
    await page.getByLabel('手机号码').fill(validPhone(902));
    await page.getByLabel('登录密码').fill(CITIZEN_PASSWORD);
    await page.getByLabel('确认密码').fill(CITIZEN_PASSWORD);
    await page.getByTestId('register-submit').click();
    await page.getByTestId('problem').waitFor();
    expect(page.url()).toMatch(/\/register$/);

    // the browser cannot know the common-password list; the server's field message lands on the field
    await page.getByLabel('居民身份证号码').fill(validIdNumber(903));
    await page.getByLabel('登录密码').fill('Password1!');
    await page.getByLabel('确认密码').fill('Password1!');
    await page.getByTestId('register-submit').click();
    await page.locator('#password_help').getByText('密码过于常见，容易被猜中，请换一个').waitFor();
    await expect(page.getByTestId('problem').textContent()).resolves.toContain('密码不符合安全要求');
    await p.shot(page, 'register-server-field');
  });
});
