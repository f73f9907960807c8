// GB/T 39046 表 11 (电子监察信息) of one case: one row per warning and per order, its fields named as the
// standard names them; on a phone each row is a small list of those fields.
import { Grid, Table } from 'antd';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import type { Table11Row } from './supervision.ts';

const FIELDS: Array<{ key: keyof Table11Row; isTime?: boolean }> = [
  { key: '监察编号' },
  { key: '办件编号' },
  { key: '监察规则编号' },
  { key: '监察预警类型代码' },
  { key: '督办内容' },
  { key: '督办发出时间', isTime: true },
  { key: '状态产生时间', isTime: true },
  { key: '监察结果描述' },
  { key: '机构名称' },
  { key: '责任部门' },
];
const show = (row: Table11Row, f: (typeof FIELDS)[number]) => {
  const v = row[f.key];
  if (v === null || v === '') return '—';
  return f.isTime ? when(v) : v;
};

export function Table11View({ caseId }: { caseId: string }) {
  const isWide = Grid.useBreakpoint().lg ?? true;
  const { data, error, isLoading } = useLoad<{ items: Table11Row[] }>(
    `/api/supervision/cases/${caseId}/table11`,
  );
  return (
    <>
      <ProblemAlert error={error} />
      {/* the wide table scrolls inside a region a keyboard can reach (axe: scrollable-region-focusable) */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region */}
      <section tabIndex={0} aria-label="电子监察信息表" style={{ overflowX: 'auto' }}>
        <Table<Table11Row>
          rowKey="监察编号"
          size="small"
          loading={isLoading}
          dataSource={data?.items ?? []}
          pagination={false}
          style={isWide ? { minWidth: 1100 } : undefined}
          locale={{ emptyText: <EmptyText>暂无电子监察信息</EmptyText> }}
          data-testid="table11"
          columns={
            isWide
              ? FIELDS.map((f) => ({
                  title: f.key,
                  key: f.key,
                  render: (_: unknown, r: Table11Row) => show(r, f),
                }))
              : [
                  {
                    title: '电子监察信息',
                    render: (_, r) => (
                      <dl className="kv" style={{ gridTemplateColumns: '8em minmax(0, 1fr)' }}>
                        {FIELDS.map((f) => (
                          <div key={f.key} style={{ display: 'contents' }}>
                            <dt>{f.key}</dt>
                            <dd>{show(r, f)}</dd>
                          </div>
                        ))}
                      </dl>
                    ),
                  },
                ]
          }
        />
      </section>
    </>
  );
}
