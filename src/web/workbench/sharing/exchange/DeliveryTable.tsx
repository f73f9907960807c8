// Delivery history of a subscription (or the bureau's dead letters): status, attempts, last result;
// each row expands to its attempts (time, status code, latency, error). Dead ones can be replayed.
import { Button, Table } from 'antd';
import type { ReactNode } from 'react';
import { when } from '../../../common/catalog.ts';
import { EmptyText } from '../../../common/EmptyText.tsx';
import { StatusTag } from '../../../common/StatusTag.tsx';
import { DELIVERY_LABEL, DELIVERY_TONE, type Delivery, EVENT_LABEL } from './exchange.ts';

export function DeliveryTable<T extends Delivery>({
  items,
  isLoading,
  onReplay,
  extraColumn,
}: {
  items: T[];
  isLoading: boolean;
  onReplay?: (d: T) => void;
  extraColumn?: { title: string; render: (d: T) => ReactNode };
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region (axe: scrollable-region-focusable)
    <section tabIndex={0} aria-label="投递记录" style={{ overflowX: 'auto' }}>
      <Table<T>
        rowKey="id"
        size="small"
        style={{ minWidth: 560 }}
        loading={isLoading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>暂无投递记录</EmptyText> }}
        expandable={{
          rowExpandable: (d) => d.history.length > 0,
          expandedRowRender: (d) => (
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {d.history.map((a) => (
                <li key={a.attempt}>
                  {when(a.at)} · {a.statusCode ?? '无响应'} · {a.latencyMs} ms{a.error ? ` · ${a.error}` : ''}
                </li>
              ))}
            </ol>
          ),
        }}
        columns={[
          ...(extraColumn
            ? [{ title: extraColumn.title, render: (_: unknown, d: T) => extraColumn.render(d) }]
            : []),
          {
            title: '通知',
            render: (_, d) => (
              <>
                <div>{EVENT_LABEL[d.type] ?? d.type}</div>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)', wordBreak: 'break-all' }}>
                  {d.eventId}
                </div>
              </>
            ),
          },
          {
            title: '状态',
            width: 110,
            render: (_, d) => (
              <StatusTag tone={DELIVERY_TONE[d.status]}>{DELIVERY_LABEL[d.status]}</StatusTag>
            ),
          },
          {
            title: '尝试',
            width: 150,
            render: (_, d) => (
              <>
                <div>
                  {d.attempts} 次{d.lastStatusCode ? ` · ${d.lastStatusCode}` : ''}
                </div>
                {d.lastError ? <div style={{ fontSize: 12 }}>{d.lastError}</div> : null}
                {d.nextAttemptAt ? <div style={{ fontSize: 12 }}>下次 {when(d.nextAttemptAt)}</div> : null}
              </>
            ),
          },
          ...(onReplay
            ? [
                {
                  title: '操作',
                  width: 90,
                  render: (_: unknown, d: T) =>
                    d.status === 'dead' || d.status === 'delivered' ? (
                      <Button size="small" onClick={() => onReplay(d)} data-testid={`replay-${d.id}`}>
                        重放
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
