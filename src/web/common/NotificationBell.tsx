// The bell in the portal and workbench banners: the unread count of the signed-in person's inbox,
// refreshed every minute, when the window regains focus and when the inbox page marks something
// read. A link to the inbox page; its accessible name says how many are unread.
import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { get } from '../api.ts';

/** Fired by the inbox page after a change, so the bell recounts at once. */
export const INBOX_CHANGED = 'yiwang:inbox-changed';
const REFRESH_MS = 60_000;

export function NotificationBell({ to }: { to: string }) {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(async () => {
    try {
      setUnread((await get<{ unread: number }>('/api/notifications/unread-count')).unread);
    } catch {
      // a lapsed session or a network blip: keep the last count, the page itself will say more
    }
  }, []);
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    window.addEventListener('focus', refresh);
    window.addEventListener(INBOX_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      window.removeEventListener(INBOX_CHANGED, refresh);
    };
  }, [refresh]);
  const label = unread > 0 ? `消息通知，${unread} 条未读` : '消息通知，没有未读消息';
  return (
    <Link
      to={to}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      style={{ display: 'inline-flex', alignItems: 'center', padding: '4px 10px 4px 4px' }}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined aria-hidden style={{ color: '#fff', fontSize: 20 }} />
      </Badge>
    </Link>
  );
}
