// 事项管理 for a department admin: every implementation of the department — live, never published or
// unpublished — with the edit in progress, each opening the editor or its version history.
import { Flex, Input, Segmented, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type EditorEntry, LEVEL_LABEL, limitText, STATE_LABEL } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useSession } from '../../session.tsx';

type Show = 'all' | 'open' | 'never' | 'off';
const SHOWS: Record<Show, (e: EditorEntry) => boolean> = {
  all: () => true,
  open: (e) => e.open !== null,
  never: (e) => !e.wasPublished,
  off: (e) => e.live === null && e.wasPublished,
};

/** Whether the public sees it, and the edit in progress. */
function EntryState({ e }: { e: EditorEntry }) {
  return (
    <Flex gap={4} wrap data-testid={`state-${e.name}`}>
      {e.live ? (
        <StatusTag tone="success">已发布 · 第 {e.live.versionNo} 版</StatusTag>
      ) : e.wasPublished ? (
        <StatusTag tone="danger">已撤销发布</StatusTag>
      ) : (
        <StatusTag tone="warning">从未发布</StatusTag>
      )}
      {e.open ? (
        <StatusTag tone={e.open.state === 'rejected' ? 'danger' : 'info'}>
          {STATE_LABEL[e.open.state]} · 第 {e.open.versionNo} 版
        </StatusTag>
      ) : null}
    </Flex>
  );
}

export default function CatalogList() {
  const { me } = useSession();
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<Show>('all');
  const { data, error, isLoading } = useLoad<{ items: EditorEntry[] }>('/api/admin/catalog/implementations');
  const all = data?.items ?? [];
  const rows = all.filter(
    (e) => SHOWS[show](e) && (!filter || e.name.includes(filter) || e.code.includes(filter)),
  );
  const count = (s: Show) => all.filter(SHOWS[s]).length;
  return (
    <PageCard title="事项管理" extra={<Link to="/workbench/catalog/excel">Excel 导入导出</Link>}>
      <p style={{ marginTop: 0 }}>
        {me?.department?.name ?? '未分配部门'}的实施清单。修改后提交政务服务管理机构审核，发布后对公众生效。
      </p>
      <ProblemAlert error={error} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label="按名称或编码筛选"
          placeholder="按名称或编码筛选"
          style={{ maxWidth: 320 }}
          onSearch={setFilter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <Segmented<Show>
          aria-label="按状态筛选"
          value={show}
          onChange={setShow}
          options={[
            { label: `全部（${all.length}）`, value: 'all' },
            { label: `修订中（${count('open')}）`, value: 'open' },
            { label: `从未发布（${count('never')}）`, value: 'never' },
            { label: `已撤销（${count('off')}）`, value: 'off' },
          ]}
        />
      </Flex>
      <Table<EditorEntry>
        rowKey="implementationId"
        size="small"
        loading={isLoading}
        dataSource={rows}
        scroll={{ x: 820 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: me?.department ? '没有符合条件的事项' : '当前账号未分配部门' }}
        columns={[
          { title: '事项名称', dataIndex: 'name' },
          { title: '层级', width: 64, render: (_, e) => LEVEL_LABEL[e.level] },
          { title: '状态', width: 210, render: (_, e) => <EntryState e={e} /> },
          {
            title: '承诺时限',
            width: 130,
            render: (_, e) => limitText(e.promisedLimitDays, '工作日', e.isInstant),
          },
          {
            title: '操作',
            width: 150,
            render: (_, e) => (
              <Flex gap={12} wrap>
                <Link to={`/workbench/catalog/${e.implementationId}`} data-testid={`edit-${e.name}`}>
                  编辑
                </Link>
                <Link to={`/workbench/catalog/${e.implementationId}/history`}>版本历史</Link>
              </Flex>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
