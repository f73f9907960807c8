-- analytics (统计分析): one fact row per case (what the statistics need to know about it), the queue of
-- cases whose facts must be re-read, the daily aggregates the dashboards read (kept incrementally: a
-- changed fact row removes its old contribution and adds its new one), and the ratings (好差评) by day.
create schema if not exists analytics;

create table analytics.pending (
  case_id uuid primary key,
  queued_at timestamptz not null
);
create index pending_order on analytics.pending (queued_at);

-- One row per case. `version` is the case's updated_at: an older read never overwrites a newer one.
create table analytics.case_fact (
  case_id uuid primary key,
  version timestamptz not null,
  department_id uuid not null,
  implementation_id uuid not null,
  division_code text not null,
  channel text not null,
  state text not null,
  decision text,
  received_on date not null,
  accepted_on date,
  closed_on date,
  promised_due_on date,
  is_open boolean not null,
  is_paused boolean not null,
  is_on_time boolean
);
-- "overdue now": open, counting, past the promised due day
create index case_fact_overdue on analytics.case_fact (promised_due_on)
  where is_open and not is_paused and promised_due_on is not null;

-- Names for the dimensions (items; departments and divisions come from org).
create table analytics.item (
  implementation_id uuid primary key,
  name text not null,
  department_id uuid not null
);

-- Counts by the day (Beijing) each thing happened, per department, item, division and channel.
create table analytics.daily (
  day date not null,
  department_id uuid not null,
  implementation_id uuid not null,
  division_code text not null,
  channel text not null,
  submitted int not null default 0,
  accepted int not null default 0,
  refused int not null default 0,
  returned int not null default 0,
  withdrawn int not null default 0,
  concluded int not null default 0,
  concluded_on_time int not null default 0,
  approved int not null default 0,
  denied int not null default 0,
  primary key (day, department_id, implementation_id, division_code, channel)
);
create index daily_department on analytics.daily (department_id, day);

-- One row per rating (好差评) with its current level (1 = 非常满意 … 5 = 非常不满意); `at` orders events.
create table analytics.rating_fact (
  rating_id uuid primary key,
  case_id uuid,
  department_id uuid not null,
  division_code text not null,
  day date not null,
  level int not null check (level between 1 and 5),
  at timestamptz not null
);

create table analytics.rating_daily (
  day date not null,
  department_id uuid not null,
  division_code text not null,
  level int not null check (level between 1 and 5),
  count int not null default 0,
  primary key (day, department_id, division_code, level)
);
