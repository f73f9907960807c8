-- interaction: ratings (好差评) per service event of a case, shaped like GB/T 39046 Table 9, and the
-- rectification orders (整改工单) that every bad rating opens, with their steps and appeals (申诉).
create schema if not exists interaction;

create table interaction.rating (
  id uuid primary key,
  case_id uuid not null,
  case_no text not null,
  -- the case's timeline entry rated: one rating per service event
  event_id uuid not null unique,
  event_kind text not null check (event_kind in ('consult', 'apply', 'supplement', 'pay', 'receive', 'conclude')),
  event_at timestamptz not null,
  department_id uuid not null,
  department_name text not null,
  implementation_id uuid not null,
  item_name text not null,
  division_code text not null,
  -- 评价渠道 (our codes in Table 9's order), 满意度代码 (A.8: 1 非常满意 … 5 非常不满意), 评价次数
  channel text not null check (channel in ('1', '2', '3', '4', '5', '6', '7')),
  level smallint not null check (level between 1 and 5),
  previous_level smallint check (previous_level between 1 and 5),
  text text,
  times smallint not null default 1 check (times between 1 and 2),
  -- 评价人: the account when signed in; the name masked (real-name through the case's applicant)
  rater_account_id uuid,
  rater_name text not null,
  rated_at timestamptz not null,
  amended_at timestamptz,
  -- an upheld appeal (申诉成立) takes the rating out of every statistic
  is_excluded boolean not null default false
);
create index rating_case on interaction.rating (case_id);
create index rating_department on interaction.rating (department_id, rated_at);
create index rating_rated_at on interaction.rating (rated_at);

-- 整改工单: 核实 → 整改 → 答复 → 回访 → 办结, or closed by an upheld appeal
create sequence interaction.rectification_no_seq;
create table interaction.rectification (
  id uuid primary key,
  no text not null unique,
  rating_id uuid not null unique references interaction.rating (id),
  case_id uuid not null,
  case_no text not null,
  department_id uuid not null,
  department_name text not null,
  item_name text not null,
  state text not null check (state in ('verify', 'rectify', 'reply', 'visit', 'visited', 'closed')),
  outcome text check (outcome in ('rectified', 'appeal_upheld')),
  due_on date not null,
  opened_at timestamptz not null,
  finding text,
  measures text,
  reply text,
  visit_result text,
  is_visit_satisfied boolean,
  closed_at timestamptz,
  close_note text,
  appeal_state text check (appeal_state in ('pending', 'upheld', 'rejected')),
  appeal_reason text,
  appealed_at timestamptz,
  appeal_decision text,
  appeal_decided_at timestamptz
);
create index rectification_department on interaction.rectification (department_id, state);
create index rectification_appeal on interaction.rectification (appeal_state);

-- every step of an order, for its history
create table interaction.rectification_step (
  id uuid primary key,
  rectification_id uuid not null references interaction.rectification (id),
  step text not null,
  content text not null,
  by_name text not null,
  at timestamptz not null
);
create index rectification_step_order on interaction.rectification_step (rectification_id, at);

-- settings of the service office: the rectification deadline in working days
create table interaction.rating_setting (
  id smallint primary key check (id = 1),
  rectify_days smallint not null check (rectify_days between 1 and 60),
  updated_at timestamptz not null default now()
);
insert into interaction.rating_setting (id, rectify_days) values (1, 15);
