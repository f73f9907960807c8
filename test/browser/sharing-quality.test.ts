import { afterAll, beforeAll, expect, it } from 'vitest';
import { SubscriptionInput } from '../../src/modules/sharing/exchange/schema.ts';
import { sql } from '../../src/platform/db/index.ts';
import { scanWidths } from './support/accessible.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
let legalPersons: string;
let insurance: string;

const idOf = async (name: string) => {
  const { rows } = await sql<{ id: string }>`select r.id from sharing.resource r
    join sharing.resource_version v on v.id = r.published_version_id where v.name = ${name}`.execute(
    p.database.db,
  );
  if (!rows[0]) throw new Error(`${name} missing`);
  return rows[0].id;
};

beforeAll(async () => {
  p = await startPlatform();
  await p.modules.org.seedDemo();
  await p.modules.identity.seedDemo((division, kind) => p.modules.org.findDepartment(division, kind));
  const people = await p.modules.identity.demoActors();
  await p.modules.sharing.seedDemo(people);
  legalPersons = await idOf('法人基础信息');
  insurance = await idOf('社会保险参保登记信息');
  // 法人基础信息 was published and loaded five days ago: 每日 means it is overdue now
  await sql`update sharing.data_load set created_at = created_at - interval '5 days'
    where resource_id = ${legalPersons}`.execute(p.database.db);
  await sql`update sharing.resource_version set published_at = published_at - interval '5 days'
    where resource_id = ${legalPersons}`.execute(p.database.db);
  if (!people.rsjData || !people.scjgData) throw new Error('demo data officers missing');
  // the provider follows its own resource, so its page lists one subscriber
  await p.modules.sharing.exchange.subscribe(
    { actor: people.scjgData, requestId: 'test', ip: '127.0.0.1' },
    SubscriptionInput.parse({ resourceId: legalPersons, mode: 'pull' }),
  );
  const refused = await p.modules.sharing.upload(
    { actor: people.rsjData, requestId: 'test', ip: '127.0.0.1' },
    insurance,
    '参保登记.csv',
    Buffer.from('单位统一社会信用代码,姓名\r\n91411500MA0000000X,\r\n'),
  );
  expect(refused.status).toBe('refused');
}, 180_000);
afterAll(async () => {
  await p?.close();
});

it('数据局 sees the board worst first, overdue highlighted, and opens a load report from it', async () => {
  const page = await p.newPage();
  await page.goto('/workbench/login');
  await page.getByLabel('用户名').fill('databureau');
  await page.getByLabel('密码').fill('Yiwang#Bureau2026');
  await page.getByTestId('staff-login-submit').click();
  await page.waitForURL(/\/workbench$/);
  await page.getByRole('menuitem', { name: '数据质量看板' }).click();
  await page.getByRole('heading', { name: '数据质量看板', level: 1 }).waitFor();
  const rows = page.getByTestId('board-resource');
  await expect.poll(() => rows.count()).toBe(2);
  await expect.poll(() => rows.nth(0).textContent()).toContain('社会保险参保登记信息');
  expect(await rows.nth(0).textContent()).toContain('最近挂接未入库');
  expect(await rows.nth(1).textContent()).toContain('超期未更新');
  expect(await rows.nth(1).textContent()).toContain('法人基础信息');
  // the overdue row is tinted
  expect(await rows.nth(1).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 241, 240)');
  const totals = await page.getByTestId('board-totals').textContent();
  expect(totals).toContain('已发布资源2');
  expect(totals).toContain('超期未更新1');
  expect(await page.getByTestId('board-departments').textContent()).toContain('信阳市市场监督管理局');
  await page.getByRole('progressbar', { name: '法人基础信息完整性' }).waitFor();
  await scanWidths(p, page, 'sharing-quality-board');

  // on a phone the resources are cards, still worst first and highlighted
  await page.setViewportSize(PHONE);
  await expect.poll(() => rows.nth(1).textContent()).toContain('法人基础信息');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize(DESKTOP);

  // only the overdue ones
  await page.getByTestId('board-status').click();
  await page.locator('.ant-select-dropdown:visible').getByText('超期未更新', { exact: true }).click();
  await expect.poll(() => rows.count()).toBe(1);
  expect(await rows.nth(0).textContent()).toContain('法人基础信息');

  // the 挂接记录 link opens the resource at its load history; a load's row opens its quality report
  await page.getByTestId(`load-history-${legalPersons}`).click();
  await page.waitForURL(new RegExp(`/workbench/sharing/resources/${legalPersons}#loads$`));
  await page.getByRole('heading', { name: '法人基础信息', level: 1 }).waitFor();
  const history = page.getByTestId('load-history');
  await history.getByText('已入库 5 行').waitFor();
  await history.getByRole('button', { name: /展开/ }).first().click();
  await page.getByTestId('quality-report').waitFor();
  expect(await page.getByTestId('quality-report').textContent()).toContain('完整性');
  // the provider's console also lists who subscribes and how their deliveries stand
  const subscribers = page.getByTestId('subscribers');
  await subscribers.getByText('信阳市市场监督管理局').waitFor();
  expect(await subscribers.getByTestId('subscriber-deliveries').textContent()).toContain(
    '已送达 0 · 待投递 0',
  );
  await scanWidths(p, page, 'sharing-quality-load');
  expect(p.problems).toEqual([]);
});
