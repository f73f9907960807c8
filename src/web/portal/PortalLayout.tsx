// The public portal's frame: banner with the brand, the site sections and the account links, main
// content, footer.
// Mobile-first: one column on phones, a centred 1120 px column on wide screens.
import { Button, Layout, Typography } from 'antd';
import { Link, Outlet, useNavigate } from 'react-router';
import { NotificationBell } from '../common/NotificationBell.tsx';
import { useSession } from '../session.tsx';

export const CONTENT_WIDTH = 1120;
const column = { maxWidth: CONTENT_WIDTH, margin: '0 auto', width: '100%' };

export function PortalLayout() {
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const citizen = me?.kind === 'citizen' && me.isMfaComplete ? me : null;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout.Header style={{ background: '#1554ad', paddingInline: 16, height: 'auto', lineHeight: 1.4 }}>
        <div style={{ ...column, display: 'flex', alignItems: 'center', gap: 12, minHeight: 56 }}>
          <Link to="/" style={{ color: '#fff', fontSize: 20, fontWeight: 600, whiteSpace: 'nowrap' }}>
            一网通办
          </Link>
          <span style={{ color: '#e6eefa', fontSize: 13 }} className="brand-sub">
            政务服务平台
          </span>
          <nav aria-label="栏目" className="site-nav">
            <Link to="/themes" className="nav-wide">
              主题服务
            </Link>
            <Link to="/departments" className="nav-wide">
              部门服务
            </Link>
            <Link to="/bundles" data-testid="nav-bundles">
              一件事
            </Link>
            <Link to="/open" className="nav-wide" data-testid="nav-open">
              数据开放
            </Link>
          </nav>
          <span style={{ flex: 1 }} />
          <nav aria-label="账户" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            {citizen ? (
              <>
                <NotificationBell to="/mine/notifications" />
                <Link to="/me" style={{ color: '#fff' }} className="nav-name" data-testid="nav-me">
                  {citizen.acting ? citizen.acting.name : citizen.displayName}
                </Link>
                <Button
                  size="small"
                  ghost
                  data-testid="logout"
                  onClick={async () => {
                    await logout();
                    navigate('/');
                  }}
                >
                  退出
                </Button>
              </>
            ) : (
              <>
                <Link to="/login" style={{ color: '#fff' }} data-testid="nav-login">
                  登录
                </Link>
                <Link to="/register" style={{ color: '#fff' }} data-testid="nav-register">
                  注册
                </Link>
              </>
            )}
          </nav>
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: '16px 12px 32px' }}>
        <div style={column}>
          <Outlet />
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: '#eef1f6', padding: '16px 12px' }}>
        <Typography.Text style={{ color: '#4a5363' }}>
          一网通办 · 一体化在线政务服务平台 · <Link to="/lookup">办件查询</Link> ·{' '}
          <Link to="/verify" data-testid="footer-verify" style={{ whiteSpace: 'nowrap' }}>
            证照核验
          </Link>{' '}
          · <Link to="/open">数据开放</Link> · <Link to="/workbench/login">工作人员入口</Link>
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
