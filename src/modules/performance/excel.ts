// The report as an .xlsx workbook: one sheet per level (部门, 窗口, 事项) with the same figures as the
// page — each metric's value, numerator and denominator — plus a sheet of formulas and weights.
import ExcelJS from 'exceljs';
import type { Report, RowView } from './schema.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEETS = { department: '部门', window: '窗口', item: '事项', formulas: '指标说明' } as const;

/** The value as the workbook holds it: rates as percent with one decimal, averages with two. */
function cellValue(m: RowView['metrics'][number]): number | string {
  if (m.value === null) return '无数据';
  if (m.kind === 'rate') return Math.round(m.value * 1000) / 10;
  if (m.kind === 'average') return Math.round(m.value * 100) / 100;
  return m.value;
}

function addLevel(wb: ExcelJS.Workbook, name: string, first: string, report: Report, rows: RowView[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const header = [first, '所属部门', '综合得分', '排名'];
  for (const f of report.formulas) {
    const unit = f.key === 'visits' ? '（次）' : f.key === 'orders' ? '（件）' : '（%）';
    header.push(`${f.label}${unit}`, `${f.label}·分子`, `${f.label}·分母`);
  }
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const cells: Array<string | number | null> = [r.name, r.departmentName, r.score, r.rank];
    for (const m of r.metrics) cells.push(cellValue(m), m.numerator, m.denominator);
    ws.addRow(cells);
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 32 : 14;
  });
}

export async function writeWorkbook(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yiwang';
  addLevel(wb, SHEETS.department, `部门（${report.period.label}）`, report, report.departments);
  addLevel(wb, SHEETS.window, '窗口', report, report.windows);
  addLevel(wb, SHEETS.item, '事项', report, report.items);
  const ws = wb.addWorksheet(SHEETS.formulas);
  ws.addRow(['指标', '公式', '分子', '分母', '权重', '计分']).font = { bold: true };
  for (const f of report.formulas)
    ws.addRow([f.label, f.formula, f.numerator, f.denominator, f.weight, f.scoring]);
  ws.addRow(['综合得分', report.scoreFormula]);
  for (const n of report.notes) ws.addRow(['说明', n]);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 16 : 50;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
