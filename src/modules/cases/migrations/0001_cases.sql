-- cases (办件): applications against a frozen item version, their materials, timeline, paused intervals
-- of the statutory clock, supplement requests, idempotent submissions and drafts.
create schema if not exists cases;

-- 办件编号: <division code>-<YYYYMMDD>-<8-digit serial>; the serial comes from one sequence, so numbers
-- are unique and sort by filing order within a region (README "Case numbers").
create sequence cases.case_no_seq;

create table cases."case" (
  id uuid primary key,
  case_no text not null unique check (length(case_no) <= 50),
  parent_id uuid references cases."case" (id),
  bundle_id uuid,
  implementation_id uuid not null,
  version_id uuid not null,
  basic_code text not null,
  implementation_code text not null,
  item_name text not null,
  department_id uuid not null,
  department_name text not null,
  division_code text not null,
  is_instant boolean not null,
  legal_limit_days int,
  promised_limit_days int,
  applicant_kind text not null check (applicant_kind in ('citizen', 'enterprise')),
  applicant_account_id uuid,
  enterprise_id uuid,
  applicant_name text not null,
  applicant_id_type text not null,
  applicant_id_enc text not null,
  applicant_id_hash text not null,
  contact_name text not null,
  contact_phone_enc text not null,
  contact_address text not null,
  postcode text,
  delivery_method text not null,
  channel text not null check (channel in ('online', 'window')),
  filed_by uuid not null,
  state text not null,
  form jsonb not null,
  form_schema jsonb not null,
  submitted_at timestamptz not null,
  received_on date not null,
  notice_due_on date not null,
  accepted_at timestamptz,
  accepted_on date,
  accepted_by_name text,
  acceptance_doc_no text,
  legal_due_on date,
  promised_due_on date,
  extension_days int not null default 0,
  extension_reason text,
  decision text check (decision in ('approved', 'denied')),
  decision_reason text,
  decided_at timestamptz,
  concluded_at timestamptz,
  result_name text,
  refusal_reason text,
  refusal_basis text,
  closed_reason text,
  updated_at timestamptz not null
);
create index case_applicant on cases."case" (applicant_account_id, submitted_at desc);
create index case_enterprise on cases."case" (enterprise_id, submitted_at desc) where enterprise_id is not null;
create index case_department on cases."case" (department_id, state, submitted_at desc);
create index case_parent on cases."case" (parent_id) where parent_id is not null;

create table cases.material (
  id uuid primary key,
  case_id uuid not null references cases."case" (id),
  name text not null,
  is_required boolean not null,
  file_ids uuid[] not null default '{}',
  license_ref text,
  round int not null,
  provided_at timestamptz not null
);
create index material_case on cases.material (case_id);

-- The timeline: one row per change, written in the same transaction as the change.
create table cases.event (
  id uuid primary key,
  case_id uuid not null references cases."case" (id),
  at timestamptz not null,
  actor_kind text not null,
  actor_name text not null,
  action text not null,
  from_state text,
  to_state text not null,
  opinion text,
  data jsonb not null default '{}'
);
create index event_case on cases.event (case_id, at);

-- Intervals the statutory clock does not run (补正 during review, 特别程序), and the extension (延长审批).
create table cases.clock_stop (
  id uuid primary key,
  case_id uuid not null references cases."case" (id),
  kind text not null check (kind in ('supplement', 'special', 'extension')),
  special_kind text,
  reason text not null,
  started_at timestamptz not null,
  started_on date not null,
  ended_at timestamptz,
  ended_on date,
  paused_days int,
  result text
);
create index clock_stop_case on cases.clock_stop (case_id);

create table cases.supplement (
  id uuid primary key,
  case_id uuid not null references cases."case" (id),
  items jsonb not null,
  note text not null,
  requested_at timestamptz not null,
  requested_by_name text not null,
  answered_at timestamptz
);
create index supplement_case on cases.supplement (case_id);

-- Idempotent submission: one row per (account, Idempotency-Key), with the hash of the request body.
create table cases.submission (
  account_id uuid not null,
  idem_key text not null,
  request_hash text not null,
  case_id uuid not null references cases."case" (id),
  created_at timestamptz not null,
  primary key (account_id, idem_key)
);

create table cases.draft (
  id uuid primary key,
  account_id uuid not null,
  enterprise_id uuid,
  implementation_id uuid not null,
  -- the whole draft encrypted with the field key: it may hold the contact's phone
  content_enc text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index draft_account on cases.draft (account_id, updated_at desc);
