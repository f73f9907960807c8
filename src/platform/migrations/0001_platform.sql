-- Platform tables: the event outbox and the working-day calendar.
create table platform.outbox (
  id uuid primary key,
  type text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  attempts int not null default 0
);
create index outbox_pending on platform.outbox (id) where delivered_at is null;

-- 节假日与调休: a day listed here overrides the Monday–Friday rule.
create table platform.calendar_day (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null default '',
  updated_at timestamptz not null default now()
);
