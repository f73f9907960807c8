// The staff workbench frame: a menu built from the staff member's roles, the signed-in person and
// sign-out in the banner, the page in the main landmark. Only fully signed-in staff get in.

import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Spin } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../common/NotificationBell.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { useSession } from '../session.tsx';
import { menuFor, ROLE_LABEL } from './menu.ts';

export default function Shell() {
  const { me, isLoading, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  if (isLoading) return <Spin aria-label="加载中" style={{ margin: 48 }} />;
  if (me?.kind !== 'staff' || !me.isMfaComplete) return <Navigate to="/workbench/login" replace />;

  const entries = menuFor(me.roles);
  // the entry whose page this is, or the one with the longest path holding it (/workbench/cases/… under
  // 本部门办件; /workbench/supervision/orders/… under 督办单, not 电子监察)
  const holding = entries
    .filter((e) => e.path && e.path !== '/workbench' && location.pathname.startsWith(`${e.path}/`))
    .sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0));
  const selected = entries.find((e) => e.path === location.pathname)?.key ?? holding[0]?.key ?? 'home';
  const menu = (
    <Menu
      mode="inline"
      style={{ borderInlineEnd: 'none' }}
      selectedKeys={[selected]}
      aria-label="工作台菜单"
      items={entries.map((e) => ({
        key: e.key,
        label: e.path ? e.label : `${e.label}（即将开放）`,
        disabled: !e.path,
        'data-testid': `menu-${e.key}`,
      }))}
      onClick={({ key }) => {
        const entry = entries.find((e) => e.key === key);
        if (entry?.path) navigate(entry.path);
        setDrawerOpen(false);
      }}
    />
  );
  const isWide = screens.md ?? true;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#0f3d7a', paddingInline: 16, display: 'flex', alignItems: 'center', gap: 12 }}
      >
        {isWide ? null : (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <span style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          政务服务工作台
        </span>
        <span style={{ flex: 1 }} />
        <NotificationBell to="/workbench/notifications" />
        <span
          // on a phone the banner also holds the menu button, the bell and 退出: the name gives way
          style={{
            color: '#fff',
            whiteSpace: 'nowrap',
            ...(isWide ? {} : { maxWidth: '18vw', overflow: 'hidden', textOverflow: 'ellipsis' }),
          }}
          data-testid="staff-name"
        >
          {me.displayName}
          {isWide && me.department ? ` · ${me.department.name}` : ''}
        </span>
        <Button
          size="small"
          ghost
          data-testid="logout"
          onClick={async () => {
            await logout();
            navigate('/workbench/login');
          }}
        >
          退出
        </Button>
      </Layout.Header>
      <Layout>
        {isWide ? (
          <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>
            <nav aria-label="工作台菜单">{menu}</nav>
          </Layout.Sider>
        ) : (
          <Drawer
            open={isDrawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={240}
            title="菜单"
          >
            <nav aria-label="工作台菜单">{menu}</nav>
          </Drawer>
        )}
        <Layout.Content id="main" style={{ padding: 16, background: '#f5f7fa' }}>
          <div style={{ marginBottom: 12 }}>
            {me.roles.map((r) => (
              <StatusTag key={r} tone="info">
                {ROLE_LABEL[r]}
              </StatusTag>
            ))}
          </div>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
