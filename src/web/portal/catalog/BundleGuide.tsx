// The guide of a "one thing" bundle (/bundles/:id): what it takes, its member items (each linking to
// its own guide), the combined time limit, visits and fees, the merged material list and the outline
// of the one application form.
import { PrinterOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { type BundleGuide as Guide, limitText, visitsText } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { ApplyButton } from '../cases/ApplyButton.tsx';
import { BundleMaterials } from './BundleMaterials.tsx';
import { BundleMembers, FormOutline } from './BundleMembers.tsx';
import { Section } from './GuideSections.tsx';

function feesText(fees: Guide['fees']): string {
  if (fees.charged.length === 0) return '不收费';
  const yuan = `${(fees.totalFen / 100).toFixed(2).replace(/\.00$/, '')} 元`;
  if (fees.isComplete) return `共 ${yuan}（${fees.charged.map((c) => c.name).join('、')}）`;
  return fees.charged.map((c) => `${c.name}：${c.amountText ?? '按标准收费'}`).join('；');
}

function Summary({ guide }: { guide: Guide }) {
  const required = guide.members.filter((m) => m.isRequired).length;
  const asked = guide.materials.reduce((n, m) => n + m.neededBy.length, 0);
  const rows: [string, string][] = [
    [
      '包含事项',
      `${guide.members.length} 项（${required} 项必办，${guide.members.length - required} 项按需办理）`,
    ],
    [
      '承诺办结时限',
      guide.promisedLimitDays === null
        ? '—'
        : `${limitText(guide.promisedLimitDays, '工作日', true)}（各事项并联办理，按最长的计）`,
    ],
    ['到办事现场次数', guide.visitsNeeded === 0 ? visitsText(0) : `最多 ${visitsText(guide.visitsNeeded)}`],
    ['是否收费', feesText(guide.fees)],
    ['申请材料', `${guide.materials.length} 项（合并前各事项共需 ${asked} 项）`],
  ];
  return (
    <dl className="kv kv-grid">
      {rows.map(([k, v]) => (
        <div key={k} className="kv-row" data-testid={`bundle-${k}`}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function BundleGuide() {
  const { id = '' } = useParams();
  const { data: guide, error } = useLoad<Guide>(`/api/catalog/bundles/${id}`);
  useTitle(guide ? `${guide.name} · 一件事一次办` : null);
  if (error) return <ProblemAlert error={error} />;
  if (!guide) return <Skeleton active aria-label="加载中" />;
  return (
    <article className="guide" data-testid="bundle-guide">
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/bundles">一件事一次办</Link> },
          { title: guide.name },
        ]}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {guide.name}
        </Typography.Title>
        <Flex gap={6} wrap style={{ marginBottom: 12 }}>
          <StatusTag tone="info">{guide.audience === '法人' ? '法人服务' : '个人服务'}</StatusTag>
          <StatusTag tone="success">一件事一次办</StatusTag>
          {guide.visitsNeeded === 0 ? <StatusTag tone="success">零跑动</StatusTag> : null}
        </Flex>
        <p style={{ margin: '0 0 12px' }}>{guide.description}</p>
        <Summary guide={guide} />
        <Flex justify="end" gap={8} wrap style={{ marginTop: 12 }}>
          <ApplyButton bundleId={guide.id} />
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Flex>
      </Card>
      <Section id="members" title="包含的事项">
        <BundleMembers members={guide.members} />
      </Section>
      <Section id="materials" title="申请材料（已合并，相同材料只交一次）">
        <BundleMaterials materials={guide.materials} />
      </Section>
      <Section id="form" title="一表申请">
        <FormOutline outline={guide.formOutline} />
      </Section>
    </article>
  );
}
