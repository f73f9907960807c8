-- supervision (电子监察): rules with parameters, warnings (one open row per case, rule and level, history
-- kept by resolved_at), the queue of cases to evaluate, the sweep's once-a-minute claim, and
-- supervision orders (督办) shaped like GB/T 39046 Table 11.
create schema if not exists supervision;

create table supervision.rule (
  code text primary key,
  name text not null,
  level text not null check (level in ('yellow', 'red')),
  params jsonb not null default '{}',
  is_enabled boolean not null default true,
  updated_at timestamptz not null default now()
);
insert into supervision.rule (code, name, level, params) values
  ('deadline-yellow', '临近超期', 'yellow', '{"percent": 20, "days": 2}'),
  ('deadline-red', '超过承诺期限', 'red', '{}'),
  ('legal-overdue', '超过法定期限', 'red', '{}'),
  ('supplement-late', '补正告知超时', 'yellow', '{"days": 5}'),
  ('special-no-reason', '特别程序无理由', 'yellow', '{}');

-- 监察编号 of warnings and orders: JC<year><7-digit sequence> / DB<year><7-digit sequence>
create sequence supervision.no_seq;

create table supervision.warning (
  id uuid primary key,
  no text not null unique,
  case_id uuid not null,
  case_no text not null,
  department_id uuid not null,
  department_name text not null,
  item_name text not null,
  rule_code text not null references supervision.rule (code),
  level text not null check (level in ('yellow', 'red')),
  detail text not null,
  raised_at timestamptz not null,
  resolved_at timestamptz,
  resolution text
);
-- the idempotency key: at most one open warning per case, rule and level
create unique index warning_open_key on supervision.warning (case_id, rule_code, level) where resolved_at is null;
create index warning_case on supervision.warning (case_id);
create index warning_department on supervision.warning (department_id, resolved_at);

-- cases whose state changed, waiting to be evaluated outside the dispatcher's transaction
create table supervision.pending (
  case_id uuid primary key,
  queued_at timestamptz not null
);

-- the sweep over all open cases runs at most once a minute across all nodes
create table supervision.sweep (
  name text primary key,
  last_run_at timestamptz
);
insert into supervision.sweep (name) values ('open-cases');

create table supervision.case_order (
  id uuid primary key,
  no text not null unique,
  case_id uuid not null,
  case_no text not null,
  department_id uuid not null,
  department_name text not null,
  warning_id uuid references supervision.warning (id),
  rule_code text,
  level text,
  content text not null,
  due_on date not null,
  state text not null check (state in ('issued', 'answered', 'closed')),
  issued_by uuid,
  issued_by_name text not null,
  issued_at timestamptz not null,
  answer text,
  answered_by_name text,
  answered_at timestamptz,
  result text,
  closed_at timestamptz,
  state_changed_at timestamptz not null
);
create index case_order_case on supervision.case_order (case_id);
create index case_order_department on supervision.case_order (department_id, state);
