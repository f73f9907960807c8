// 月度排名: each department's composite score and rank in every month of a year so far (the year of the
// chosen month). A wide screen shows a month per column; a phone lists the months under each department.
import { Grid, Table, type TableColumnsType } from 'antd';
import { query } from '../../api.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import type { Ranking } from './performance.ts';

type Row = Ranking['departments'][number];
type Cell = Row['cells'][number];

const cellText = (c: Cell) => (c.score === null ? '—' : `第 ${c.rank} 名 · ${c.score.toFixed(1)}`);
const monthLabel = (m: string) => `${Number(m.slice(5))} 月`;

export function MonthlyRanking({ year }: { year: number }) {
  const isWide = Grid.useBreakpoint().md ?? true;
  const { data, error, isLoading } = useLoad<Ranking>(`/api/performance/ranking${query({ year })}`);
  const months = data?.months ?? [];
  const columns: TableColumnsType<Row> = isWide
    ? [
        { title: '部门', render: (_, r) => <div style={{ minWidth: 180, fontWeight: 600 }}>{r.name}</div> },
        ...months.map((m, i) => ({
          key: m,
          title: monthLabel(m),
          render: (_: unknown, r: Row) => {
            const c = r.cells[i];
            return c ? <span style={{ whiteSpace: 'nowrap' }}>{cellText(c)}</span> : null;
          },
        })),
      ]
    : [
        {
          title: `部门（${year} 年各月排名 · 综合得分）`,
          render: (_, r) => (
            <div>
              <div style={{ fontWeight: 600 }}>{r.name}</div>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {r.cells.map((c) => (
                  <li key={c.month}>
                    {monthLabel(c.month)}：{cellText(c)}
                  </li>
                ))}
              </ul>
            </div>
          ),
        },
      ];
  const table = (
    <Table<Row>
      rowKey="key"
      size="small"
      loading={isLoading}
      dataSource={data?.departments ?? []}
      columns={columns}
      pagination={false}
      locale={{ emptyText: <EmptyText>本年度没有数据</EmptyText> }}
      data-testid="table-ranking"
    />
  );
  return (
    <>
      <ProblemAlert error={error} />
      {isWide ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region
        <section aria-label={`${year} 年月度排名`} tabIndex={0} style={{ overflowX: 'auto' }}>
          {table}
        </section>
      ) : (
        table
      )}
    </>
  );
}
