// 印章详情 (/workbench/seals/:id): the seal's image large, every property, the steps this staff member may
// take, the history (办理过程), the authorisations with 授权 / 撤销 for the department admin, and the
// public key and certificate outside verifiers use.
import { Breadcrumb, Card, Flex, Grid, message, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { Section } from '../../common/Section.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { Authorizations } from './Authorizations.tsx';
import { PublicKeys } from './PublicKeys.tsx';
import { SealActions, useSealActionDialog } from './SealActions.tsx';
import { SealImage } from './SealImage.tsx';
import { SealSteps } from './SealSteps.tsx';
import {
  ACTION_LABELS,
  canAuthorize,
  hasImage,
  isDeptAdmin,
  SEAL_KIND_LABELS,
  SEAL_STATE_LABELS,
  SEAL_TONE,
  type SealView,
} from './seals.ts';
import { Validity } from './Validity.tsx';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="kv-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function Properties({ seal }: { seal: SealView }) {
  return (
    <dl className="kv kv-grid" style={{ marginTop: 8 }}>
      <Row label="印章编码" testId="seal-code">
        {seal.code}
      </Row>
      <Row label="印章类型">{SEAL_KIND_LABELS[seal.kind]}</Row>
      <Row label="所属部门">{seal.departmentName}</Row>
      <Row label="状态" testId="seal-state">
        <StatusTag tone={SEAL_TONE[seal.state]}>{SEAL_STATE_LABELS[seal.state]}</StatusTag>
      </Row>
      <Row label="有效期">
        <Validity seal={seal} />
      </Row>
      <Row label="有效年限">{seal.validityYears} 年</Row>
      <Row label="申请时间">{when(seal.createdAt)}</Row>
      <Row label="申请理由">{seal.reason}</Row>
      {seal.certificateSerial ? (
        <Row label="证书序列号">
          <span style={{ fontFamily: 'monospace', fontSize: 13 }}>{seal.certificateSerial}</span>
        </Row>
      ) : null}
      {seal.lostAt ? <Row label="挂失时间">{when(seal.lostAt)}</Row> : null}
      {seal.destroyedAt ? <Row label="销毁时间">{when(seal.destroyedAt)}</Row> : null}
    </dl>
  );
}

export default function SealDetail() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { data: seal, error, reload } = useLoad<SealView>(`/api/seals/${id}`);
  const [notice, contextHolder] = message.useMessage();
  const isWide = Grid.useBreakpoint().sm ?? true;
  const step = useSealActionDialog((_, action) => {
    void notice.success(`已${ACTION_LABELS[action]}`);
    void reload();
  });
  useTitle(seal ? `${seal.name} · 印章管理` : '印章详情');
  if (error) return <ProblemAlert error={error} />;
  if (!seal || !me) return <Skeleton active aria-label="加载中" />;
  const departmentId = me.department?.id ?? null;
  const isOwnAdmin = isDeptAdmin(me.roles) && departmentId === seal.departmentId;
  const changed = () => void reload();
  return (
    <Flex vertical gap={12}>
      {contextHolder}
      {step.dialog}
      <Breadcrumb items={[{ title: <Link to="/workbench/seals">印章管理</Link> }, { title: '印章详情' }]} />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={24} wrap={!isWide} vertical={!isWide} align={isWide ? 'flex-start' : 'center'}>
          <SealImage seal={seal} size={isWide ? 200 : 180} format="svg" />
          <div style={{ flex: 1, minWidth: 0, width: '100%' }}>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0, overflowWrap: 'anywhere' }}>
              {seal.name}
            </Typography.Title>
            {seal.state === 'lost' ? (
              <p style={{ margin: '8px 0 0', color: '#a8071a' }} data-testid="seal-lost-note">
                该印章已挂失，已停止签章；挂失时刻之后的签章一律无效。
              </p>
            ) : null}
            <Properties seal={seal} />
            <div style={{ marginTop: 12 }}>
              <SealActions seal={seal} onPick={step.pick} />
            </div>
          </div>
        </Flex>
      </Card>
      <Section title="办理过程">
        <SealSteps steps={seal.steps} />
      </Section>
      <Section title="使用授权" testId="seal-authorization-section">
        <Authorizations
          seal={seal}
          isOwnAdmin={isOwnAdmin}
          canGrant={canAuthorize(seal, me.roles, departmentId)}
          onChanged={() => {
            void notice.success('授权已更新');
            changed();
          }}
        />
      </Section>
      <Section title="公钥与证书">
        {hasImage(seal.state) ? (
          <PublicKeys key={seal.state} sealId={seal.id} />
        ) : (
          <Typography.Text type="secondary">印章制作后生成 SM2 公钥和签章证书。</Typography.Text>
        )}
      </Section>
    </Flex>
  );
}
