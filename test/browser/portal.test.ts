// The public portal in Chromium: home, search hand-off, theme tiles to the theme pages, client-side registration checks,
// the SPA fallback beside problem+json API errors, and the CSP holding with no inline script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.close();
});

describe('public portal', () => {
  it('searching from the home page opens the search page with the query', async () => {
    const page = await p.newPage();
    await page.goto('/');
    await expect(page.title()).resolves.toBe('一网通办');
    await page.getByRole('searchbox', { name: '搜索办事事项' }).fill('结婚登记');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(decodeURIComponent(page.url())).toContain('q=结婚登记');
    await page.getByRole('heading', { name: '事项检索', exact: true }).waitFor();
    await expect(page.getByRole('combobox', { name: '搜索办事事项' }).inputValue()).resolves.toBe('结婚登记');
    expect(p.problems).toEqual([]);
  });

  it('shows personal and enterprise theme tiles that open the theme pages', async () => {
    const page = await p.newPage(PHONE);
    await page.goto('/');
    const personal = page.getByRole('list', { name: '个人服务主题' });
    await personal.waitFor();
    for (const label of [
      '婚育',
      '就业创业',
      '社会保障',
      '住房',
      '交通出行',
      '医疗卫生',
      '教育',
      '户籍',
      '退休养老',
      '残疾人',
    ]) {
      await expect(personal.getByRole('link', { name: label }).count()).resolves.toBe(1);
    }
    await p.shot(page, 'home');
    await page.getByRole('tab', { name: '法人服务' }).click();
    await page.getByRole('link', { name: '开办企业' }).click();
    await page.waitForURL(/\/themes\/%E5%BC%80%E5%8A%9E%E4%BC%81%E4%B8%9A\?serves=/);
    await page.getByRole('heading', { level: 1, name: '开办企业' }).waitFor();
  });

  it('registration checks ID number, phone and password in the browser before sending', async () => {
    const page = await p.newPage(PHONE);
    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/auth/citizen/register')) posted++;
    });
    await page.goto('/register');
    await page.getByLabel('真实姓名').fill('张三');
    await page.getByLabel('居民身份证号码').fill('110105194912310021');
    await page.getByLabel('手机号码').fill('12812345678');
    await page.getByLabel('登录密码').fill('abcdefgh');
    await page.getByLabel('确认密码').fill('abcdefgx');
    await page.getByTestId('register-submit').click();
    await page.getByText('身份证号校验位不正确，请核对后重新输入').waitFor();
    await page.getByText('手机号应为 11 位中国大陆手机号码，以 13–19 开头').waitFor();
    await page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少 3 类').waitFor();
    await page.getByText('两次输入的密码不一致').waitFor();
    await p.shot(page, 'register-errors');
    expect(posted).toBe(0);
  });

  it('serves the app for browser routes and problem+json for unknown API paths', async () => {
    const html = await fetch(`${p.baseURL}/me/anything`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    const body = await html.text();
    expect(body).toContain('<html lang="zh-CN">');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const api = await fetch(`${p.baseURL}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await api.json()).code).toBe('NOT_FOUND');
    const missingAsset = await fetch(`${p.baseURL}/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
    const traversal = await fetch(`${p.baseURL}/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });

  it('the home page loads under 300 KB of compressed JavaScript and none of the workbench', async () => {
    const page = await p.newPage(PHONE);
    const scripts: { url: string; bytes: number; encoding: string }[] = [];
    page.on('requestfinished', async (request) => {
      if (!request.url().endsWith('.js')) return;
      const response = await request.response();
      const sizes = await request.sizes();
      scripts.push({
        url: request.url(),
        bytes: sizes.responseBodySize,
        encoding: response?.headers()['content-encoding'] ?? '',
      });
    });
    await page.goto('/');
    await page.getByRole('list', { name: '个人服务主题' }).waitFor();
    await page.waitForLoadState('networkidle');
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(scripts.filter((s) => s.bytes > 1024 && s.encoding !== 'br')).toEqual([]); // tiny files stay plain
    expect(total).toBeLessThan(300 * 1024);
    expect(scripts.map((s) => s.url).filter((u) => /Shell|AuditLog|StaffAdmin|table-/.test(u))).toEqual([]);
  });

  it('an unknown page shows the not-found page inside the portal', async () => {
    const page = await p.newPage();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    expect(p.problems).toEqual([]);
  });
});
