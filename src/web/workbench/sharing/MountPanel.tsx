// 数据挂接 on a published resource: upload a CSV/XLSX/JSON file (the report shows at once), the load
// history (each load's quality report opens from its row; /…#loads scrolls there, as 数据质量看板 links),
// and a masked preview of the current rows. Shown to the provider's officers and 数据局.
import { Button, Flex, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { postFile } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { QualityReportView } from './QualityReportView.tsx';
import type { LoadEntry, LoadView, ResourceView, Rows } from './sharing.ts';

const TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A past load's full report, read when its row is opened. */
function LoadReport({ base, loadId }: { base: string; loadId: string }) {
  const { data, error } = useLoad<LoadView>(`${base}/loads/${loadId}`);
  if (error) return <ProblemAlert error={error} />;
  return data ? <QualityReportView load={data} /> : <span>加载中…</span>;
}

export function MountPanel({ resource, canUpload }: { resource: ResourceView; canUpload: boolean }) {
  const base = `/api/sharing/resources/${resource.id}`;
  const loads = useLoad<{ items: LoadEntry[] }>(`${base}/loads`);
  const rows = useLoad<Rows>(`${base}/rows`);
  const [last, setLast] = useState<LoadView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isSending, setSending] = useState(false);
  const { hash } = useLocation();
  const history = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === '#loads' && loads.data) history.current?.scrollIntoView();
  }, [hash, loads.data]);

  async function send(file: File) {
    setSending(true);
    setError(null);
    try {
      const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
      const load = await postFile<LoadView>(
        `${base}/loads?filename=${encodeURIComponent(file.name)}`,
        file,
        TYPES[ext] ?? 'application/octet-stream',
      );
      setLast(load);
      void loads.reload();
      void rows.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="mount-title">
      <Typography.Title level={2} id="mount-title" style={{ fontSize: 17 }}>
        数据挂接
      </Typography.Title>
      {canUpload ? (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <span>
            上传 CSV（UTF-8 编码）、Excel（.xlsx）或 JSON 文件，第一行为信息项名称。任一行有问题则整批不入库。
          </span>
          <Upload
            accept=".csv,.xlsx,.json"
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button type="primary" loading={isSending} data-testid="upload-data">
              选择文件上传
            </Button>
          </Upload>
        </Flex>
      ) : null}
      <ProblemAlert error={error ?? loads.error ?? rows.error} />
      {last ? <QualityReportView load={last} /> : null}
      <div id="loads" ref={history}>
        <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
          挂接记录
        </Typography.Title>
      </div>
      <Table<LoadEntry>
        rowKey="id"
        size="small"
        loading={loads.isLoading}
        dataSource={loads.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>尚未挂接数据</EmptyText> }}
        expandable={{ expandedRowRender: (l) => <LoadReport base={base} loadId={l.id} /> }}
        data-testid="load-history"
        columns={[
          { title: '时间', width: 150, render: (_, l) => when(l.createdAt) },
          { title: '文件', render: (_, l) => l.fileName },
          {
            title: '结果',
            width: 150,
            render: (_, l) =>
              l.status === 'accepted' ? `已入库 ${l.rows} 行` : `未入库（问题行 ${l.rejectedRows}）`,
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        数据预览（敏感信息已脱敏，共 {rows.data?.total ?? 0} 行）
      </Typography.Title>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region (axe: scrollable-region-focusable) */}
      <section tabIndex={0} aria-label="数据预览" style={{ overflowX: 'auto' }}>
        <Table<Record<string, unknown>>
          rowKey={(_, i) => String(i)}
          size="small"
          loading={rows.isLoading}
          dataSource={rows.data?.rows ?? []}
          pagination={false}
          style={{ minWidth: Math.max(600, (rows.data?.columns.length ?? 0) * 140) }}
          locale={{ emptyText: <EmptyText>暂无数据</EmptyText> }}
          columns={(rows.data?.columns ?? []).map((c) => ({
            title: c.name,
            dataIndex: c.key,
            render: (v: unknown) => (v === null || v === undefined ? '' : String(v)),
          }))}
          data-testid="rows-preview"
        />
      </section>
    </section>
  );
}
