// 调用日志 (/workbench/sharing/call-log): gateway calls of this department's systems (使用方) or on its
// resources (提供方) — who, what, purpose, how many rows, status, latency — with statistics per grant
// and per resource (calls, errors, p95 latency). Auditors see every department's calls.
import { Segmented, Table } from 'antd';
import { useState } from 'react';
import { EmptyText } from '../../../common/EmptyText.tsx';
import { PageCard } from '../../../common/PageCard.tsx';
import { ProblemAlert } from '../../../common/ProblemAlert.tsx';
import { StatusTag } from '../../../common/StatusTag.tsx';
import { useLoad } from '../../../common/useLoad.ts';
import { useTitle } from '../../../common/useTitle.ts';
import { useSession } from '../../../session.tsx';
import { type CallLog as Log, type Stats, time } from './grants.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

type Side = 'consumer' | 'provider' | 'all';
type Stat = Stats['byGrant'][number];

function StatTable({ title, items }: { title: string; items: Stat[] }) {
  return (
    <ScrollRegion label={title}>
      <Table<Stat>
        rowKey="id"
        size="small"
        title={() => title}
        dataSource={items}
        pagination={false}
        style={{ minWidth: 480 }}
        locale={{ emptyText: <EmptyText>暂无调用</EmptyText> }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '调用', dataIndex: 'calls' },
          { title: '错误', dataIndex: 'errors' },
          { title: 'P95 时延 (ms)', render: (_, s) => s.p95LatencyMs ?? '—' },
        ]}
      />
    </ScrollRegion>
  );
}

export default function CallLog() {
  useTitle('调用日志');
  const { me } = useSession();
  const isAuditor = me?.roles.includes('auditor') && !me.roles.includes('data_officer');
  const [side, setSide] = useState<Side>(isAuditor ? 'all' : 'provider');
  const [page, setPage] = useState(1);
  const log = useLoad<Log>(`/api/sharing/call-log?side=${side}&page=${page}`);
  const stats = useLoad<Stats>(`/api/sharing/call-stats?side=${side}`);
  return (
    <PageCard title="调用日志">
      {isAuditor ? null : (
        <Segmented<Side>
          value={side}
          onChange={(v) => {
            setSide(v);
            setPage(1);
          }}
          options={[
            { label: '本部门资源被调用', value: 'provider' },
            { label: '本部门系统的调用', value: 'consumer' },
          ]}
          style={{ marginBottom: 12 }}
        />
      )}
      <ProblemAlert error={log.error ?? stats.error} />
      <StatTable title="按授权统计" items={stats.data?.byGrant ?? []} />
      <StatTable title="按资源统计" items={stats.data?.byResource ?? []} />
      <ScrollRegion label="调用记录">
        <Table
          rowKey="id"
          size="small"
          loading={log.isLoading}
          dataSource={log.data?.items ?? []}
          style={{ minWidth: 900, marginTop: 12 }}
          data-testid="call-log"
          locale={{ emptyText: <EmptyText>暂无调用记录</EmptyText> }}
          pagination={{
            current: page,
            pageSize: 50,
            total: log.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: '时间', render: (_, l) => time(l.at) },
            { title: '接入系统', dataIndex: 'clientId' },
            { title: '资源代码', dataIndex: 'resourceCode' },
            { title: '用途', dataIndex: 'purpose' },
            { title: '信息项', render: (_, l) => l.fields.join('、') },
            { title: '行数', dataIndex: 'rowCount' },
            {
              title: '结果',
              render: (_, l) => (
                <StatusTag tone={l.status < 400 ? 'success' : 'danger'}>
                  {l.status}
                  {l.errorCode ? ` ${l.errorCode}` : ''}
                </StatusTag>
              ),
            },
            { title: '时延 (ms)', dataIndex: 'latencyMs' },
          ]}
        />
      </ScrollRegion>
    </PageCard>
  );
}
