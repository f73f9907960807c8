// Version history of one implementation (/workbench/catalog/:id/history): every version with its
// state and dates, and a readable diff between any two of them.
import { Flex, Select, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { History } from '../../common/catalog.ts';
import { type Diff, guidePath, STATE_LABEL, type VersionSummary, when } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { DiffList } from './DiffList.tsx';

const PUBLIC = new Set(['published', 'superseded', 'unpublished']);

export default function VersionHistory() {
  const { implementationId = '' } = useParams();
  const { data, error } = useLoad<History>(`/api/admin/catalog/implementations/${implementationId}/history`);
  const versions = data?.versions ?? [];
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  useEffect(() => {
    if (versions.length >= 2) {
      setTo((v) => v ?? versions[0]?.id);
      setFrom((v) => v ?? versions[1]?.id);
    }
  }, [versions]);
  const diff = useLoad<Diff>(
    from && to && from !== to ? `/api/admin/catalog/diff?from=${from}&to=${to}` : null,
  );
  const options = versions.map((v) => ({
    value: v.id,
    label: `第 ${v.versionNo} 版 · ${STATE_LABEL[v.state]}`,
  }));

  return (
    <PageCard title="版本历史" extra={<Link to={`/workbench/catalog/${implementationId}`}>返回编辑</Link>}>
      <ProblemAlert error={error ?? diff.error} />
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Table<VersionSummary>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={versions}
            scroll={{ x: 760 }}
            columns={[
              { title: '版本', width: 70, render: (_, v) => `第 ${v.versionNo} 版` },
              {
                title: '状态',
                width: 130,
                render: (_, v) => (
                  <StatusTag
                    tone={v.state === 'published' ? 'success' : v.state === 'rejected' ? 'danger' : 'neutral'}
                  >
                    {STATE_LABEL[v.state]}
                  </StatusTag>
                ),
              },
              { title: '创建', render: (_, v) => when(v.createdAt) },
              { title: '发布', render: (_, v) => when(v.publishedAt) },
              { title: '审核意见', render: (_, v) => v.reviewNote ?? '—' },
              {
                title: '公开页面',
                render: (_, v) =>
                  PUBLIC.has(v.state) ? (
                    <Link to={guidePath(implementationId, v.id)} target="_blank">
                      查看
                    </Link>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            版本比较
          </Typography.Title>
          {versions.length < 2 ? (
            <p>只有一个版本，暂无可比较的内容。</p>
          ) : (
            <>
              <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
                <Select
                  aria-label="旧版本"
                  style={{ minWidth: 200 }}
                  value={from}
                  options={options}
                  onChange={setFrom}
                  data-testid="diff-from"
                />
                <span>→</span>
                <Select
                  aria-label="新版本"
                  style={{ minWidth: 200 }}
                  value={to}
                  options={options}
                  onChange={setTo}
                  data-testid="diff-to"
                />
              </Flex>
              {diff.data ? (
                <DiffList changes={diff.data.changes} />
              ) : from === to ? (
                <p>请选择两个不同的版本。</p>
              ) : (
                <Skeleton active />
              )}
            </>
          )}
        </>
      )}
    </PageCard>
  );
}
