// 我的证照 (/mine/licenses), the 电子证照夹: the signed-in citizen's licenses (an enterprise's while acting
// for it) as cards with the type, number, issuer, validity and status; each opens its detail.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { LICENSE_TONE, type LicenseView, licensePath, validity } from '../../common/licenses.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { itemsOf, useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { RequireCitizen } from '../cases/RequireCitizen.tsx';

function LicenseCard({ license }: { license: LicenseView }) {
  return (
    <Card size="small" data-testid={`license-${license.licenseNo}`} styles={{ body: { padding: 16 } }}>
      <Flex justify="space-between" gap={8} align="flex-start">
        <Flex gap={10} align="flex-start" style={{ minWidth: 0 }}>
          <SafetyCertificateOutlined aria-hidden style={{ fontSize: 24, color: '#1554ad', marginTop: 2 }} />
          <Link
            to={licensePath(license.id)}
            style={{ fontSize: 16, fontWeight: 600, overflowWrap: 'anywhere' }}
          >
            {license.typeName}
          </Link>
        </Flex>
        <StatusTag tone={LICENSE_TONE[license.status]}>{license.statusLabel}</StatusTag>
      </Flex>
      <dl className="kv" style={{ marginTop: 8 }}>
        <dt>证照编号</dt>
        <dd>{license.licenseNo}</dd>
        <dt>持证主体</dt>
        <dd>{license.holderName}</dd>
        <dt>发证机关</dt>
        <dd>{license.departmentName}</dd>
        <dt>有效期</dt>
        <dd>{validity(license.validFrom, license.validTo)}</dd>
      </dl>
    </Card>
  );
}

function Wallet() {
  const { me } = useSession();
  const { data, error, isLoading } = useLoad<{ items: LicenseView[] }>('/api/licenses/mine');
  const items = itemsOf(data);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          我的证照
        </Typography.Title>
        <Flex gap={12} wrap align="center" className="inline-links">
          <Link to="/mine/cases">我的办件</Link>
          <Link to="/verify">电子证照核验</Link>
        </Flex>
      </Flex>
      <Typography.Text style={{ color: 'rgba(0, 0, 0, 0.65)' }}>
        {me?.kind === 'citizen' && me.acting
          ? `${me.acting.name}的电子证照。`
          : '办结后签发给您的电子证照，与纸质证照具有同等效力，可下载签名 PDF 或出示二维码供核验。'}
      </Typography.Text>
      <ProblemAlert error={error} />
      <List
        loading={isLoading}
        dataSource={items}
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        locale={{ emptyText: <Empty description="暂无电子证照" /> }}
        renderItem={(license) => (
          <List.Item key={license.id}>
            <LicenseCard license={license} />
          </List.Item>
        )}
      />
    </Flex>
  );
}

export default function MyLicenses() {
  useTitle('我的证照');
  return (
    <RequireCitizen>
      <Wallet />
    </RequireCitizen>
  );
}
