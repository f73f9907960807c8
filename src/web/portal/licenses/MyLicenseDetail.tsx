// 证照详情 for the holder (/mine/licenses/:id): the printed fields, the status with its reason, the QR code
// of the verify URL, 下载签名 PDF, a link to 核验, and the 用证授权 records (cases this license stood in
// for a material, with the department allowed to read it until when).
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import {
  holderCodeLabel,
  LICENSE_TONE,
  type LicenseDetail,
  validity,
  verifyPath,
} from '../../common/licenses.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { Section } from '../../common/Section.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { RequireCitizen } from '../cases/RequireCitizen.tsx';
import { VerifyQr } from './VerifyQr.tsx';

function Detail() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: license, error } = useLoad<LicenseDetail>(`/api/licenses/${encodeURIComponent(id)}`);
  useTitle(license?.typeName ?? '证照详情');
  if (error) return <ProblemAlert error={error} />;
  if (!license) return <Skeleton active aria-label="加载中" />;
  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { title: <Link to="/me">我的</Link> },
          { title: <Link to="/mine/licenses">我的证照</Link> },
          { title: '证照详情' },
        ]}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" gap={8} align="flex-start" wrap>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, overflowWrap: 'anywhere' }}>
            {license.typeName}
          </Typography.Title>
          <span data-testid="license-status">
            <StatusTag tone={LICENSE_TONE[license.status]}>{license.statusLabel}</StatusTag>
          </span>
        </Flex>
        {license.statusReason ? (
          <Alert
            type={license.status === 'valid' ? 'info' : 'warning'}
            showIcon
            style={{ marginTop: 12 }}
            title={`${license.statusLabel}原因：${license.statusReason}`}
          />
        ) : null}
        <Flex wrap gap={16} align="flex-start" style={{ marginTop: 12 }}>
          <dl className="kv" data-testid="license-meta" style={{ flex: '1 1 280px', minWidth: 0 }}>
            <dt>证照编号</dt>
            <dd data-testid="license-no">{license.licenseNo}</dd>
            <dt>持证主体</dt>
            <dd>{license.holderName}</dd>
            <dt>{holderCodeLabel(license.holderCodeType)}</dt>
            <dd>{license.holderCodeMasked}</dd>
            <dt>发证机关</dt>
            <dd>{license.departmentName}</dd>
            <dt>有效期</dt>
            <dd>{validity(license.validFrom, license.validTo)}</dd>
            <dt>签发时间</dt>
            <dd>{when(license.issuedAt)}</dd>
            <dt>来源办件</dt>
            <dd>{license.caseNo ?? '—'}</dd>
            <dt>证照标识</dt>
            <dd data-testid="license-identifier" style={{ fontFamily: 'monospace' }}>
              {license.identifier}
            </dd>
          </dl>
          <figure style={{ margin: '0 auto', textAlign: 'center' }}>
            <VerifyQr url={license.verifyUrl} label={`${license.typeName}核验二维码`} />
            <figcaption style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13, marginTop: 4 }}>
              扫码核验真伪与状态
            </figcaption>
          </figure>
        </Flex>
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={`/api/licenses/${license.id}/pdf`}
            data-testid="license-pdf"
          >
            下载签名 PDF
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            href={verifyPath(license.identifier)}
            data-testid="license-verify"
            onClick={(e) => {
              e.preventDefault();
              navigate(verifyPath(license.identifier));
            }}
          >
            去核验
          </Button>
        </Flex>
      </Card>
      <Section title="证照信息" testId="license-fields">
        {license.fields.length ? (
          <dl className="kv kv-grid">
            {license.fields.map((f) => (
              <div key={f.name} className="kv-row">
                <dt>{f.name}</dt>
                <dd>{f.value || '—'}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <EmptyText>无印制字段</EmptyText>
        )}
      </Section>
      <Section title="用证授权记录" testId="license-uses">
        <Typography.Paragraph style={{ marginTop: 0, color: 'rgba(0, 0, 0, 0.65)' }}>
          您在办事时以本证照代替申请材料，授权办理部门在期限内查看本证照。
        </Typography.Paragraph>
        {license.uses.length ? (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
            {license.uses.map((u) => (
              <li key={u.id} data-testid="license-use">
                <dl className="kv">
                  <dt>办件编号</dt>
                  <dd>{u.caseNo}</dd>
                  <dt>代替的材料</dt>
                  <dd>{u.materialName}</dd>
                  <dt>授权时间</dt>
                  <dd>{when(u.grantedAt)}</dd>
                  <dt>授权有效至</dt>
                  <dd>{when(u.validUntil)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyText>尚未在办事中使用此证照</EmptyText>
        )}
      </Section>
    </Flex>
  );
}

export default function MyLicenseDetail() {
  return (
    <RequireCitizen>
      <Detail />
    </RequireCitizen>
  );
}
