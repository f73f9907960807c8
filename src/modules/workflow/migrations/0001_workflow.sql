-- workflow: process definitions per implementation, one instance per case, and the tasks of its steps.
create schema if not exists workflow;

-- The process a department runs for one of its implementations (事项实施清单). A running case keeps the
-- snapshot it started with (workflow.instance.definition), so editing a process never changes live cases.
create table workflow.process (
  implementation_id uuid primary key,
  department_id uuid not null,
  definition jsonb not null,
  revision int not null default 1,
  updated_by uuid,
  updated_at timestamptz not null default now()
);

create table workflow.instance (
  id uuid primary key,
  subject_id uuid not null unique,
  department_id uuid not null,
  definition jsonb not null,
  context jsonb not null,
  subject jsonb not null,
  step_index int,
  round int not null default 1,
  state text not null check (state in ('running', 'approved', 'denied', 'cancelled')),
  created_at timestamptz not null,
  finished_at timestamptz
);

create table workflow.task (
  id uuid primary key,
  instance_id uuid not null references workflow.instance (id),
  department_id uuid not null,
  step_index int not null,
  step_key text not null,
  step_name text not null,
  role text not null,
  slot int not null,
  signers int not null,
  round int not null,
  state text not null check (state in ('open', 'claimed', 'done', 'cancelled')),
  assignee_id uuid,
  assignee_name text,
  action text check (action in ('pass', 'return', 'approve', 'deny')),
  opinion text,
  due_on date not null,
  created_at timestamptz not null,
  claimed_at timestamptz,
  completed_at timestamptz,
  unique (instance_id, round, step_index, slot)
);
create index task_inbox on workflow.task (department_id, state, role);
create index task_assignee on workflow.task (assignee_id, state);
create index task_instance on workflow.task (instance_id);
