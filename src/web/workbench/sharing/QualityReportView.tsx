// One load's quality report: accepted or refused, the four measures, file problems and every rejected
// row with its column and reason.
import { Alert, Descriptions, Grid, Table } from 'antd';
import { when } from '../../common/catalog.ts';
import type { LoadView, QualityReport } from './sharing.ts';
import { percent } from './sharing.ts';

type Problem = QualityReport['problems'][number];

export function QualityReportView({ load }: { load: LoadView }) {
  const r = load.report;
  const isAccepted = load.status === 'accepted';
  const isWide = Grid.useBreakpoint().md ?? true;
  return (
    <section aria-label="质量报告" data-testid="quality-report">
      <Alert
        type={isAccepted ? 'success' : 'error'}
        showIcon
        title={isAccepted ? `已入库 ${r.acceptedRows} 行` : '未入库：文件有问题，整批未导入'}
        description={
          isAccepted
            ? `${load.fileName} · ${when(load.createdAt)}`
            : `${load.fileName} · 请按下列问题修改后重新上传（共 ${r.fileProblems.length + r.problemCount} 处）`
        }
        style={{ marginBottom: 12 }}
      />
      <Descriptions
        size="small"
        bordered
        layout={isWide ? 'horizontal' : 'vertical'}
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'rows', label: '数据行', children: `${r.rows}（问题行 ${r.rejectedRows}）` },
          { key: 'completeness', label: '完整性', children: percent(r.completeness) },
          { key: 'validity', label: '有效性', children: percent(r.validity) },
          { key: 'uniqueness', label: '唯一性', children: percent(r.uniqueness) },
          { key: 'timeliness', label: '及时性', children: percent(r.timeliness) },
          {
            key: 'schedule',
            label: '更新周期',
            children:
              r.isOnSchedule === null ? '首次挂接或不定期' : r.isOnSchedule ? '按周期更新' : '超过更新周期',
          },
        ]}
        style={{ marginBottom: 12 }}
      />
      {[...r.fileProblems, ...r.problems].length > 0 ? (
        <Table<Problem>
          rowKey={(p, i) => `${p.row}-${p.column}-${i}`}
          size="small"
          dataSource={[...r.fileProblems, ...r.problems]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '行', width: 60, render: (_, p) => p.row ?? '文件' },
            { title: '列', width: 140, render: (_, p) => p.column ?? '—' },
            { title: '问题', render: (_, p) => p.message },
          ]}
          data-testid="problems"
        />
      ) : null}
      {r.warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`提醒：${r.warnings.length} 行数据超过时效`}
          description={r.warnings
            .slice(0, 5)
            .map((w) => `第 ${w.row} 行 ${w.message}`)
            .join('；')}
          style={{ marginTop: 12 }}
        />
      ) : null}
    </section>
  );
}
