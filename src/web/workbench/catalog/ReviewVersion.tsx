// Reviewing one submitted version (/workbench/catalog/review/:versionId): what changed against the
// version it was made from, the full guide on request, approve or reject with a note, then publish.
import { Alert, Button, Collapse, Flex, Input, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { post } from '../../api.ts';
import {
  type Diff,
  type GuideView,
  guidePath,
  type History,
  LEVEL_LABEL,
  STATE_LABEL,
} from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { GuideSections } from '../../portal/catalog/GuideSections.tsx';
import { DiffList } from './DiffList.tsx';

export default function ReviewVersion() {
  const { versionId = '' } = useParams();
  const guide = useLoad<GuideView>(`/api/admin/catalog/versions/${versionId}`);
  const history = useLoad<History>(
    guide.data ? `/api/admin/catalog/implementations/${guide.data.implementationId}/history` : null,
  );
  // compared with the version the public sees now, else the one before it
  const versions = history.data?.versions ?? [];
  const base =
    versions.find((v) => v.id !== versionId && v.state === 'published') ??
    versions.find((v) => v.versionNo < (guide.data?.version.versionNo ?? 0));
  const parent = base?.id;
  const diff = useLoad<Diff>(parent ? `/api/admin/catalog/diff?from=${parent}&to=${versionId}` : null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  async function act(path: string, body?: unknown) {
    setBusy(true);
    setProblem(null);
    try {
      await post(`/api/admin/catalog/versions/${versionId}/${path}`, body);
      await guide.reload();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  const g = guide.data;
  if (!g)
    return (
      <PageCard title="审核事项">
        {guide.error ? <ProblemAlert error={guide.error} /> : <Skeleton active />}
      </PageCard>
    );
  const state = g.version.state;
  return (
    <PageCard
      title={`审核：${g.version.content.name}`}
      extra={<Link to="/workbench/catalog/review">返回待审核列表</Link>}
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <span data-testid="review-state">
          <StatusTag tone={state === 'published' ? 'success' : state === 'rejected' ? 'danger' : 'warning'}>
            第 {g.version.versionNo} 版 · {STATE_LABEL[state]}
          </StatusTag>
        </span>
        <span>
          {g.department.name} · {LEVEL_LABEL[g.level]}
        </span>
      </Flex>
      <ProblemAlert error={problem ?? diff.error} />
      {g.version.reviewNote ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="审核意见"
          description={g.version.reviewNote}
        />
      ) : null}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        本次修改
      </Typography.Title>
      {base ? (
        <p>
          与第 {base.versionNo} 版（{STATE_LABEL[base.state]}）比较：
        </p>
      ) : null}
      {!history.data ? (
        <Skeleton active />
      ) : !parent ? (
        <p>首个版本，没有可比较的上一版本。</p>
      ) : diff.data ? (
        <DiffList changes={diff.data.changes} />
      ) : (
        <Skeleton active />
      )}
      <Collapse
        style={{ margin: '16px 0' }}
        items={[{ key: 'full', label: '查看完整办事指南', children: <GuideSections guide={g} /> }]}
      />
      {state === 'submitted' ? (
        <>
          <label htmlFor="review-note" style={{ display: 'block', marginBottom: 6 }}>
            审核意见（退回时必填）
          </label>
          <Input.TextArea
            id="review-note"
            autoSize={{ minRows: 2 }}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Space wrap style={{ marginTop: 12 }}>
            <Button
              type="primary"
              loading={isBusy}
              data-testid="approve"
              onClick={() => act('approve', note.trim() ? { note: note.trim() } : {})}
            >
              审核通过
            </Button>
            <Button
              danger
              loading={isBusy}
              disabled={!note.trim()}
              data-testid="reject"
              onClick={() => act('reject', { note: note.trim() })}
            >
              退回修改
            </Button>
          </Space>
        </>
      ) : null}
      {state === 'approved' ? (
        <Alert
          type="info"
          showIcon
          title="已审核通过，发布后对公众生效，原版本转为历史版本。"
          action={
            <Button type="primary" loading={isBusy} data-testid="publish" onClick={() => act('publish')}>
              发布
            </Button>
          }
        />
      ) : null}
      {state === 'published' ? (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="published"
          title="已发布"
          description={<Link to={guidePath(g.implementationId)}>在门户查看办事指南</Link>}
        />
      ) : null}
    </PageCard>
  );
}
