// The guide page of one implementation (/items/:implementationId), or of one of its published versions
// (/items/:implementationId/versions/:versionId, kept readable after a newer version goes live).
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { type GuideView, guidePath, LEVEL_LABEL, when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { ApplyButton, canApplyOnline } from '../cases/ApplyButton.tsx';
import { GuideSections } from './GuideSections.tsx';
import { RegionSwitch } from './RegionSwitch.tsx';

const day = (iso: string | null) => when(iso, true);

export default function ItemGuide() {
  const { implementationId = '', versionId } = useParams();
  const path = versionId
    ? `/api/catalog/versions/${versionId}`
    : `/api/catalog/implementations/${implementationId}`;
  const { data: guide, error } = useLoad<GuideView>(path);
  const isCurrent = guide?.version.state === 'published' && !guide.version.endedAt;
  useTitle(guide ? `${guide.version.content.name} · 办事指南` : null);

  if (error) return <ProblemAlert error={error} />;
  if (!guide) return <Skeleton active aria-label="加载中" />;
  const c = guide.version.content;
  return (
    <article className="guide" data-testid="guide">
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/departments">部门</Link> },
          { title: <Link to={`/departments/${guide.department.id}`}>{guide.department.name}</Link> },
          { title: '办事指南' },
        ]}
      />
      <Card styles={{ body: { padding: '16px' } }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }} data-testid="guide-title">
          {c.name}
        </Typography.Title>
        <Flex gap={6} wrap style={{ marginBottom: 12 }}>
          <StatusTag tone="info">{c.itemType.label}</StatusTag>
          <StatusTag tone="neutral">{LEVEL_LABEL[guide.level]}</StatusTag>
          <StatusTag tone={c.isInstant ? 'success' : 'neutral'}>
            {c.isInstant ? '即办件' : '承诺件'}
          </StatusTag>
          {c.onlineDepth === 4 ? <StatusTag tone="success">全程网办</StatusTag> : null}
          {c.visitsNeeded === 0 ? <StatusTag tone="success">零跑动</StatusTag> : null}
        </Flex>
        <p style={{ margin: '0 0 12px' }}>
          实施主体：{guide.department.name} · 第 {guide.version.versionNo} 版 · 发布于{' '}
          {day(guide.version.publishedAt)}
        </p>
        {isCurrent ? null : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="old-version"
            title={guide.version.state === 'unpublished' ? '此版本已撤销发布' : '这是历史版本'}
            description={
              <>
                此页面保留第 {guide.version.versionNo} 版（{day(guide.version.publishedAt)} 至{' '}
                {day(guide.version.endedAt)}）供查阅。
                <Link to={guidePath(guide.implementationId)}>查看现行版本</Link>
              </>
            }
          />
        )}
        <Flex gap={12} wrap align="center" justify="space-between">
          {isCurrent ? <RegionSwitch guide={guide} /> : <span />}
          <Flex gap={8} wrap>
            {isCurrent && canApplyOnline(c.onlineDepth) ? (
              <ApplyButton implementationId={guide.implementationId} />
            ) : null}
            <Button
              className="no-print"
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              data-testid="print"
            >
              打印
            </Button>
          </Flex>
        </Flex>
      </Card>
      <GuideSections guide={guide} />
    </article>
  );
}
