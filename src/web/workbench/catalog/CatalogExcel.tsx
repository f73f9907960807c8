// 实施清单 Excel (/workbench/catalog/excel): the department admin downloads the department's list as
// .xlsx, edits it in Excel and uploads it back; the service office downloads any department's list.
// An upload over 10 MB is refused here before sending (the server refuses it too).
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, getFile, postFile, query } from '../../api.ts';
import type { DepartmentCount, ImportResult } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useSession } from '../../session.tsx';
import { ImportReport, ImportSummary, reportOf } from './ImportOutcome.tsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_LIMIT = 10 * 1024 * 1024;

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportCard({ isOffice }: { isOffice: boolean }) {
  const { me } = useSession();
  const [department, setDepartment] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const departments = useLoad<{ items: DepartmentCount[] }>(
    isOffice ? `/api/catalog/departments${query({ division: me?.divisionCode })}` : null,
  );
  async function download() {
    setBusy(true);
    setProblem(null);
    try {
      const file = await getFile(`/api/admin/catalog/export.xlsx${query({ department })}`);
      save(file.blob, file.filename);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>导出</h2>}>
      <p style={{ marginTop: 0 }}>
        下载{isOffice ? '所选部门' : '本部门'}
        现行发布的实施清单：“事项”表每个实施清单一行，“材料”表每项材料一行。
      </p>
      <ProblemAlert error={problem ?? departments.error} />
      <Flex gap={8} wrap>
        {isOffice ? (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="选择部门"
            placeholder="选择部门"
            style={{ minWidth: 240 }}
            value={department}
            onChange={setDepartment}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        ) : null}
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          loading={isBusy}
          disabled={isOffice && !department}
          onClick={download}
          data-testid="export"
        >
          下载实施清单（.xlsx）
        </Button>
      </Flex>
    </Card>
  );
}

function ImportCard() {
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  async function upload(file: File) {
    setResult(null);
    setProblem(null);
    if (file.size > UPLOAD_LIMIT) {
      const size = (file.size / 1024 / 1024).toFixed(1);
      const detail = `导入文件不能超过 10 MB（所选文件 ${size} MB），请只导出需要修改的部门或地区。`;
      setProblem(
        new ApiError(413, {
          code: 'CATALOG_IMPORT_TOO_LARGE',
          title: '导入文件过大，未导入任何内容',
          detail,
        }),
      );
      return;
    }
    setBusy(true);
    try {
      setResult(await postFile<ImportResult>('/api/admin/catalog/import', file, XLSX_TYPE));
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  const report = problem instanceof ApiError ? reportOf(problem) : [];
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>导入</h2>}>
      <ol style={{ marginTop: 0, paddingInlineStart: 20, lineHeight: 1.8 }}>
        <li>在导出的文件中修改，不要改动表头和实施编码、基本编码、实施部门、行政区划代码、实施层级。</li>
        <li>上传后逐行校验：任何一处有错误，整个文件都不导入，并列出每一处问题。</li>
        <li>没有错误时，有修改的事项作为新版本提交审核；文件不超过 10 MB。</li>
      </ol>
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={isBusy}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入修改后的 .xlsx 文件</p>
      </Upload.Dragger>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {isBusy ? (
          <Flex gap={8} align="center">
            <Spin size="small" />
            <span>正在校验并导入…</span>
          </Flex>
        ) : null}
        {result ? <ImportSummary result={result} /> : null}
        {problem instanceof ApiError && report.length > 0 ? (
          <ImportReport error={problem} rows={report} />
        ) : (
          <ProblemAlert error={problem} />
        )}
      </div>
    </Card>
  );
}

export default function CatalogExcel() {
  const { me } = useSession();
  const roles = me?.kind === 'staff' ? me.roles : [];
  const isEditor = roles.includes('dept_admin');
  const isOffice = !isEditor && roles.includes('office_admin');
  return (
    <PageCard
      title="实施清单 Excel 导入导出"
      extra={isEditor ? <Link to="/workbench/catalog">返回事项管理</Link> : null}
    >
      <Flex vertical gap={16}>
        <ExportCard isOffice={isOffice} />
        {isEditor ? (
          <ImportCard />
        ) : (
          <Typography.Paragraph style={{ margin: 0 }}>
            导入由实施部门的部门管理员进行，审核请到“事项审核”。
          </Typography.Paragraph>
        )}
      </Flex>
    </PageCard>
  );
}
