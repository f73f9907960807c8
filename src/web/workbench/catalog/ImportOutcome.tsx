// What an Excel import ended in: the summary of what was submitted for review, or the report of every
// bad cell (sheet, row, column, why) when the file was refused and nothing was imported.
import { Alert, Grid, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../api.ts';
import {
  ELEMENT_LABEL,
  type GuideElement,
  type ImportReportRow,
  type ImportResult,
} from '../../common/catalog.ts';

const elementText = (elements: string[]) =>
  elements.map((e) => ELEMENT_LABEL[e as GuideElement] ?? e).join('、');

export function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <div data-testid="import-summary">
      <Alert
        type="success"
        showIcon
        role="status"
        style={{ marginBottom: 12 }}
        title={`导入成功：共 ${result.rows} 行，${result.changed} 项已提交审核，${result.unchanged} 项没有变化`}
        description={
          result.changed > 0
            ? '有修改的事项已作为新版本提交政务服务管理机构审核，审核发布后对公众生效。'
            : '文件内容与现行发布版本一致，没有提交新的版本。'
        }
      />
      {result.submitted.length > 0 ? (
        <Table<ImportResult['submitted'][number]>
          rowKey="versionId"
          size="small"
          pagination={false}
          dataSource={result.submitted}
          columns={[
            {
              title: '事项名称',
              render: (_, s) => <Link to={`/workbench/catalog/${s.implementationId}`}>{s.name}</Link>,
            },
            { title: '版本', width: 80, render: (_, s) => `第 ${s.versionNo} 版` },
            { title: '修改的要素', render: (_, s) => elementText(s.elements) },
          ]}
        />
      ) : null}
    </div>
  );
}

/** The report rows of a 422 CATALOG_IMPORT_INVALID, as the server sent them. */
export function reportOf(error: ApiError): ImportReportRow[] {
  if (error.code !== 'CATALOG_IMPORT_INVALID') return [];
  return (error.fieldErrors as unknown[]).filter(
    (p): p is ImportReportRow =>
      typeof p === 'object' &&
      p !== null &&
      'sheet' in p &&
      typeof p.sheet === 'string' &&
      'row' in p &&
      typeof p.row === 'number',
  );
}

/** On a phone: one card per problem instead of a table wider than the screen. */
function ReportCards({ rows }: { rows: ImportReportRow[] }) {
  return (
    <ol className="report-cards">
      {rows.map((r) => (
        <li key={`${r.path}-${r.message}`} data-testid="report-row">
          <strong>
            “{r.sheet}”表第 {r.row} 行{r.column ? ` · ${r.column}` : ''}
          </strong>
          <div>{r.message}</div>
        </li>
      ))}
    </ol>
  );
}

export function ImportReport({ error, rows }: { error: ApiError; rows: ImportReportRow[] }) {
  const screens = Grid.useBreakpoint();
  return (
    <div data-testid="import-report">
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        title={error.title}
        description={`${error.detail ?? `共 ${rows.length} 处问题`}。请在 Excel 中按下表逐项改正后重新上传。`}
      />
      {(screens.md ?? true) ? (
        <Table<ImportReportRow>
          rowKey={(r) => `${r.path}-${r.message}`}
          size="small"
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          dataSource={rows}
          onRow={() => ({ 'data-testid': 'report-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '工作表', dataIndex: 'sheet', width: 80 },
            { title: '行', dataIndex: 'row', width: 60 },
            { title: '列', width: 130, render: (_, r) => r.column || '—' },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      ) : (
        <ReportCards rows={rows} />
      )}
    </div>
  );
}
