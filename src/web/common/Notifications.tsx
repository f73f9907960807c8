// "消息通知": the signed-in person's inbox, newest first, twenty a page; all or unread only; mark one
// or all read; "查看" marks it read and opens the page it points to. Citizens reach it from the
// portal (/mine/notifications), staff inside the workbench (/workbench/notifications).
import { Button, Empty, Flex, List, Pagination, Segmented, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { NotificationPage, NotificationView } from '../../modules/notify/schema.ts';
import { post, query } from '../api.ts';
import { useSession } from '../session.tsx';
import { INBOX_CHANGED } from './NotificationBell.tsx';
import { PageCard } from './PageCard.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';
import { useLoad } from './useLoad.ts';

type Show = 'all' | 'unread';

export default function Notifications() {
  const { me, isLoading: isSessionLoading } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  const [actionError, setActionError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const path = `/api/notifications${query({ unreadOnly: show === 'unread' ? 'true' : undefined, page })}`;
  const { data, error, isLoading, reload } = useLoad<NotificationPage>(me?.isMfaComplete ? path : null);

  if (isSessionLoading) return <Spin aria-label="加载中" />;
  if (!me?.isMfaComplete) {
    const login = location.pathname.startsWith('/workbench') ? '/workbench/login' : '/login';
    return <Navigate to={`${login}?next=${encodeURIComponent(location.pathname)}`} replace />;
  }

  async function markRead(body: { ids: string[] } | { all: true }) {
    setBusy(true);
    setActionError(null);
    try {
      await post('/api/notifications/read', body);
      window.dispatchEvent(new Event(INBOX_CHANGED));
      await reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }
  async function open(item: NotificationView) {
    if (!item.readAt) await markRead({ ids: [item.id] });
    if (item.link) navigate(item.link);
  }

  const unread = data?.unread ?? 0;
  return (
    <PageCard
      title="消息通知"
      extra={
        <Button
          onClick={() => markRead({ all: true })}
          disabled={unread === 0 || isBusy}
          data-testid="read-all"
        >
          全部标为已读
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Flex align="center" gap={12} wrap>
          <Segmented<Show>
            aria-label="显示范围"
            value={show}
            onChange={(value) => {
              setShow(value);
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: `未读（${unread}）` },
            ]}
          />
        </Flex>
        <ProblemAlert error={error ?? actionError} />
        <List<NotificationView>
          itemLayout="vertical"
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={show === 'unread' ? '没有未读消息' : '暂无消息'} /> }}
          renderItem={(item) => (
            <List.Item
              data-testid="notification"
              actions={[
                item.link ? (
                  <Button key="open" type="link" onClick={() => open(item)} disabled={isBusy}>
                    查看
                  </Button>
                ) : null,
                item.readAt ? null : (
                  <Button
                    key="read"
                    type="link"
                    onClick={() => markRead({ ids: [item.id] })}
                    disabled={isBusy}
                  >
                    标为已读
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center" wrap>
                    {item.readAt ? null : <Tag color="blue">未读</Tag>}
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                  </Flex>
                }
                description={
                  <>
                    {item.body ? <div style={{ color: '#3d4654' }}>{item.body}</div> : null}
                    <time dateTime={item.createdAt} style={{ color: '#5b6472', fontSize: 12 }}>
                      {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                    </time>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {data && data.total > data.pageSize ? (
          <Pagination
            align="center"
            current={page}
            pageSize={data.pageSize}
            total={data.total}
            showSizeChanger={false}
            onChange={setPage}
          />
        ) : null}
      </Flex>
    </PageCard>
  );
}
