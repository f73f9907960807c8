// 实施清单 Excel and 事项管理 in Chromium: the 市场监督管理局 department admin downloads the list, uploads it
// with one bad row (the report names sheet, row and column; nothing is imported), then a good file
// (one item submitted for review, shown on 事项管理); a never-published draft shows on 事项管理 with its
// state and opens in the editor. Screens at 1280 and 375 px with axe.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as store from '../../src/modules/catalog/store.ts';
import { sql } from '../../src/platform/db/index.ts';
import { seriousViolations } from './support/axe.ts';
import { departmentId, seedCatalog } from './support/catalog.ts';
import { createStaff, type StaffMember, signInStaff } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FOOD = '食品经营许可（新办）'; // legal 10, promised 5
let p: Platform;
let editor: StaffMember;
let dept: string;
beforeAll(async () => {
  p = await startPlatform();
  await seedCatalog(p);
  dept = await departmentId(p, '信阳市市场监督管理局');
  editor = await createStaff(p, ['dept_admin'], '部门管理员丙', dept);
});
afterAll(async () => {
  await p?.close();
});

const versions = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from catalog.version`.execute(p.database.db)).rows[0]
    ?.n;

/** The downloaded workbook with FOOD's 承诺办结时限 set to `days`; returns the file and FOOD's row. */
async function withPromise(bytes: Buffer, days: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('事项');
  if (!sheet) throw new Error('no 事项 sheet');
  const col = (header: string) => {
    let found = 0;
    sheet.getRow(1).eachCell((cell, n) => {
      if (cell.value === header) found = n;
    });
    return found;
  };
  let row = 0;
  sheet.eachRow((r, n) => {
    if (r.getCell(col('事项名称')).value === FOOD) row = n;
  });
  sheet.getRow(row).getCell(col('承诺办结时限')).value = days;
  return { row, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
}

async function readable(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  const hasHorizontalScroll = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  expect(hasHorizontalScroll).toBe(false);
}

describe('implementation list as Excel', () => {
  it('downloads the list; a file with one bad row shows the report and imports nothing; a good file imports', async () => {
    const page = await p.newPage(DESKTOP);
    await signInStaff(page, editor);
    await page.getByRole('menuitem', { name: '实施清单 Excel' }).click();
    await page.getByRole('heading', { name: '实施清单 Excel 导入导出' }).waitFor();
    await readable(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/^实施清单-信阳市市场监督管理局-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const exported = await readFile(await download.path());

    const before = await versions();
    const bad = await withPromise(exported, 99);
    await upload(page, '实施清单-改错了.xlsx', bad.buffer);
    const report = page.getByTestId('import-report');
    await report.getByText('导入文件有错误，未导入任何内容').waitFor();
    await report.getByRole('row', { name: new RegExp(`^事项 ${bad.row} 承诺办结时限 `) }).waitFor();
    await expect(report.getByTestId('report-row').count()).resolves.toBe(1);
    expect(await versions()).toBe(before);
    await readable(page);
    await p.shot(page, 'catalog-excel-report');

    const good = await withPromise(exported, 4);
    await upload(page, '实施清单.xlsx', good.buffer);
    const summary = page.getByTestId('import-summary');
    await summary.getByText(/^导入成功：共 \d+ 行，1 项已提交审核/).waitFor();
    await summary.getByRole('row', { name: new RegExp(`${FOOD}.*第 2 版.*承诺办结时限`) }).waitFor();
    expect(await versions()).toBe((before ?? 0) + 1);
    await readable(page);
    await p.shot(page, 'catalog-excel-imported');

    await page.getByRole('link', { name: '返回事项管理' }).click();
    await page.getByTestId(`state-${FOOD}`).getByText('待审核 · 第 2 版').waitFor();

    await page.setViewportSize(PHONE);
    await page.goto('/workbench/catalog/excel');
    await upload(page, '实施清单-改错了.xlsx', bad.buffer);
    await page.getByTestId('import-report').getByText('承诺办结时限', { exact: false }).first().waitFor();
    await p.shot(page, 'catalog-excel-report');
    await readable(page);
    expect(p.problems).toEqual([]);
  });
});

describe('事项管理 keeps never-published drafts', () => {
  it('lists a draft that was never published with its state and opens it in the editor', async () => {
    const food = (await store.listImplementations(p.database.db, {})).find(
      (i) => i.item_name === FOOD && i.division_code === '411500',
    );
    const published = food && (await store.findVersion(p.database.db, food.id, ['published']));
    if (!food || !published) throw new Error(`no ${FOOD}`);
    const itemId = '01941f29-7c00-7000-8000-00000000e001';
    const implementationId = '01941f29-7c00-7000-8000-00000000e002';
    await store.insertItems(p.database.db, [
      {
        id: itemId,
        basic_code: '410199999000',
        name: '小餐饮登记（试点）',
        type_code: '01',
        department_kind: '市场监督管理局',
        sort_order: 9999,
      },
    ]);
    await store.insertImplementations(p.database.db, [
      {
        id: implementationId,
        item_id: itemId,
        parent_id: null,
        division_code: '411500',
        level: 'city',
        department_id: dept,
        code: `${food.code.slice(0, 19)}410199999000`,
      },
    ]);
    await store.insertVersions(p.database.db, [
      {
        id: '01941f29-7c00-7000-8000-00000000e003',
        implementation_id: implementationId,
        version_no: 1,
        state: 'draft',
        content: { ...published.content, name: '小餐饮登记（试点）' },
        overrides: null,
        parent_version_id: null,
        created_by: null,
      },
    ]);

    const page = await p.newPage(DESKTOP);
    await signInStaff(page, editor);
    await page.getByRole('menuitem', { name: '事项管理' }).click();
    await page
      .getByRole('radiogroup', { name: '按状态筛选' })
      .getByText(/^从未发布/)
      .click();
    const state = page.getByTestId('state-小餐饮登记（试点）');
    await state.getByText('从未发布').waitFor();
    await state.getByText('草稿 · 第 1 版').waitFor();
    await readable(page);
    await p.shot(page, 'catalog-list-states');
    await page.getByTestId('edit-小餐饮登记（试点）').click();
    await page.getByRole('heading', { name: '编辑：小餐饮登记（试点）' }).waitFor();
    await page.getByTestId('editor-state').getByText('第 1 版 · 草稿').waitFor();
    await page.getByTestId('submit-draft').click();
    await page.getByTestId('editor-state').getByText('待审核').waitFor();
    expect(p.problems).toEqual([]);
  });
});
