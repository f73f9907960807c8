// The auditor's view of the hash-chained audit log (全程留痕): search by action, actor, subject and
// time; page backwards; verify the whole chain and show exactly where it breaks, if it does.
import { Alert, Button, DatePicker, Descriptions, Flex, Form, Grid, Input, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { get, post, query } from '../api.ts';
import { PageCard } from '../common/PageCard.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { StatusTag } from '../common/StatusTag.tsx';

export type AuditEntry = {
  seq: number;
  at: string;
  actorId: string | null;
  actorKind: string;
  actorName: string;
  onBehalfOf: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  outcome: 'success' | 'failure';
  requestId: string;
  ip: string;
  summary: unknown;
  hash: string;
};
type Page = { items: AuditEntry[]; nextBeforeSeq: number | null };
type Verify = {
  ok: boolean;
  count: number;
  firstBadSeq: number | null;
  reason: string | null;
  headHash: string | null;
};
type Filters = {
  action?: string;
  actorId?: string;
  subjectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const ACTOR_KIND: Record<string, string> = {
  staff: '工作人员',
  citizen: '个人用户',
  system: '系统',
  anonymous: '匿名',
};

function VerifyResult({ result }: { result: Verify }) {
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      data-testid="verify-result"
      title={`审计日志校验通过：共 ${result.count} 条记录，哈希链完整`}
      description={
        <Typography.Text style={{ wordBreak: 'break-all' }}>
          链头哈希：{result.headHash ?? '（空日志）'}
        </Typography.Text>
      }
    />
  ) : (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      title={`审计日志校验失败：第 ${result.firstBadSeq} 条记录起哈希链断裂`}
      description={`原因：${result.reason ?? '未知'}；已校验 ${result.count} 条。`}
    />
  );
}

export default function AuditLog() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(false);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [isVerifying, setVerifying] = useState(false);
  const isWide = Grid.useBreakpoint().md ?? true;

  const load = useCallback(async (f: Filters, beforeSeq?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await get<Page>(
        `/api/audit/entries${query({
          action: f.action?.trim(),
          actorId: f.actorId?.trim(),
          subjectId: f.subjectId?.trim(),
          from: f.range?.[0]?.startOf('day').toISOString(),
          to: f.range?.[1]?.endOf('day').toISOString(),
          beforeSeq,
          limit: 50,
        })}`,
      );
      setRows((prev) => (beforeSeq ? [...prev, ...page.items] : page.items));
      setNext(page.nextBeforeSeq);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load({});
  }, [load]);

  async function runVerify() {
    setVerifying(true);
    setError(null);
    try {
      setVerify(await post<Verify>('/api/audit/verify'));
      await load(filters);
    } catch (e) {
      setError(e);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <PageCard
      title="审计日志"
      extra={
        <Button type="primary" onClick={runVerify} loading={isVerifying} data-testid="audit-verify">
          校验哈希链
        </Button>
      }
    >
      <ProblemAlert error={error} />
      {verify ? (
        <div style={{ marginBottom: 16 }}>
          <VerifyResult result={verify} />
        </div>
      ) : null}
      <Form
        form={form}
        layout={isWide ? 'inline' : 'vertical'}
        style={{ rowGap: 8, marginBottom: 16 }}
        onFinish={(f) => {
          setFilters(f);
          void load(f);
        }}
        role="search"
        aria-label="检索审计日志"
      >
        <Form.Item name="action" label="操作">
          <Input placeholder="如 auth.login" data-testid="audit-action" />
        </Form.Item>
        <Form.Item name="actorId" label="操作人 ID">
          <Input />
        </Form.Item>
        <Form.Item name="subjectId" label="对象 ID">
          <Input />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker style={isWide ? undefined : { width: '100%' }} />
        </Form.Item>
        <Button htmlType="submit" data-testid="audit-search">
          检索
        </Button>
      </Form>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="请求编号">{e.requestId}</Descriptions.Item>
              <Descriptions.Item label="来源地址">{e.ip}</Descriptions.Item>
              <Descriptions.Item label="代表企业">{e.onBehalfOf ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="摘要">
                <code style={{ wordBreak: 'break-all' }}>{JSON.stringify(e.summary)}</code>
              </Descriptions.Item>
              <Descriptions.Item label="哈希">
                <code style={{ wordBreak: 'break-all' }}>{e.hash}</code>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: '操作人',
            render: (_, e) => `${e.actorName || '—'}（${ACTOR_KIND[e.actorKind] ?? e.actorKind}）`,
          },
          { title: '操作', dataIndex: 'action' },
          { title: '对象', render: (_, e) => `${e.subjectType} ${e.subjectId}` },
          {
            title: '结果',
            dataIndex: 'outcome',
            render: (o: AuditEntry['outcome']) =>
              o === 'success' ? (
                <StatusTag tone="success">成功</StatusTag>
              ) : (
                <StatusTag tone="danger">失败</StatusTag>
              ),
          },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {next ? (
          <Button onClick={() => load(filters, next)} loading={isLoading}>
            加载更早的记录
          </Button>
        ) : (
          <Typography.Text type="secondary">没有更多记录</Typography.Text>
        )}
      </Flex>
    </PageCard>
  );
}
