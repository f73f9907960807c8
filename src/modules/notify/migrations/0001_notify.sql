-- The in-app inbox (站内消息): one row per notification to one person. Short text only; personal data
-- (ID numbers, phones) is masked before it is stored. `link` is a path inside the web app.
create schema notify;

create table notify.notification (
  id uuid primary key,
  recipient_kind text not null check (recipient_kind in ('citizen', 'staff')),
  recipient_id uuid not null,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,59}$'),
  title text not null check (length(title) between 1 and 100),
  body text not null check (length(body) <= 500),
  link text check (link is null or (link ~ '^/[^/\\]' and length(link) <= 500)),
  created_at timestamptz not null,
  read_at timestamptz
);
create index notification_inbox on notify.notification (recipient_id, recipient_kind, id desc);
create index notification_unread on notify.notification (recipient_id, recipient_kind) where read_at is null;
