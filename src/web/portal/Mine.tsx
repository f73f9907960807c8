// "我的": the citizen's masked identity, the identity they act as (self or an enterprise), their
// enterprises and, for enterprises they represent, the agents they have authorised; and changing the
// password.
import { Card, Descriptions, Flex, Radio, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { type Me, post } from '../api.ts';
import { ChangePassword } from '../common/ChangePassword.tsx';
import { ProblemAlert } from '../common/ProblemAlert.tsx';
import { useSession } from '../session.tsx';
import { Enterprises } from './Enterprises.tsx';

export const RELATION_LABEL = { legal_rep: '法定代表人', agent: '经办人' } as const;

function ActingSwitch({ me }: { me: Me }) {
  const { setMe } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const options = [
    { value: '', label: `个人：${me.displayName}` },
    ...me.enterprises.map((e) => ({ value: e.id, label: `${e.name}（${RELATION_LABEL[e.relation]}）` })),
  ];
  async function change(enterpriseId: string) {
    setBusy(true);
    setError(null);
    try {
      setMe(await post<Me>('/api/me/acting', { enterpriseId: enterpriseId || null }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <ProblemAlert error={error} />
      <div id="acting-label" style={{ marginBottom: 6 }}>
        当前办事身份
      </div>
      <Radio.Group
        aria-labelledby="acting-label"
        data-testid="acting-select"
        value={me.acting?.id ?? ''}
        options={options}
        disabled={isBusy}
        onChange={(e) => change(e.target.value as string)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      />
    </>
  );
}

export default function Mine() {
  const { me, isLoading } = useSession();
  if (isLoading) return <Spin aria-label="加载中" />;
  if (me?.kind !== 'citizen' || !me.isMfaComplete) return <Navigate to="/login?next=/me" replace />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        我的
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>个人信息</h2>}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
          <Descriptions.Item label="身份证号">
            <span data-testid="id-masked">{me.idNumberMasked ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="手机号码">
            <span data-testid="phone-masked">{me.phoneMasked ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="正在以此身份办事">
            <span data-testid="acting-now">
              {me.acting ? `${me.acting.name}（${RELATION_LABEL[me.acting.relation]}）` : '个人'}
            </span>
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          <ActingSwitch me={me} />
        </div>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>我的办事</h2>}>
        <nav
          aria-label="我的办事"
          className="inline-links"
          style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}
        >
          <Link to="/mine/cases" data-testid="my-cases">
            我的办件
          </Link>
          <Link to="/mine/licenses" data-testid="my-licenses">
            我的证照
          </Link>
          <Link to="/mine/drafts">我的草稿</Link>
          <Link to="/lookup">办件查询</Link>
          <Link to="/verify">电子证照核验</Link>
        </nav>
      </Card>
      <Enterprises me={me} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>修改密码</h2>}>
        <ChangePassword kind="citizen" />
      </Card>
    </Flex>
  );
}
