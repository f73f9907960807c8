-- licenses (电子证照): license types (证照目录), issued licenses with their signed PDF and SM2-signed
-- data, the queue of concluded cases waiting to be issued, and use authorisations (用证授权).
create schema if not exists licenses;

create table licenses.license_type (
  id uuid primary key,
  seq int not null unique check (seq between 1 and 999),
  -- 证照类型代码 (GB/T 36904): the defining body's USCC + a 3-digit sequence
  type_code text not null unique,
  name text not null unique,
  issuer_kind text not null,
  holder_kinds text[] not null,
  validity_years int check (validity_years between 1 and 100),
  fields text[] not null,
  number_prefix text,
  number_digits int,
  notes text not null default '',
  is_active boolean not null default true,
  updated_at timestamptz not null
);

-- 流水号 of every identifier: <year><7-digit sequence>
create sequence licenses.serial_seq;

create table licenses.license (
  id uuid primary key,
  identifier text not null unique,
  license_no text not null unique,
  type_id uuid not null references licenses.license_type (id),
  type_name text not null,
  holder_kind text not null check (holder_kind in ('citizen', 'enterprise')),
  holder_account_id uuid,
  holder_enterprise_id uuid,
  holder_name text not null,
  holder_code_type text not null,
  holder_code_enc text not null,
  holder_code_hash text not null,
  department_id uuid not null,
  department_name text not null,
  issuer_code text not null,
  division_code text not null,
  case_id uuid unique,
  case_no text,
  fields jsonb not null,
  valid_from date not null,
  valid_to date,
  issued_at timestamptz not null,
  status text not null check (status in ('valid', 'suspended', 'rescinded', 'cancelled', 'expired', 'revoked')),
  status_reason text,
  status_changed_at timestamptz,
  seal_id uuid not null,
  file_id uuid not null,
  pdf_sha256 text not null,
  data_text text not null,
  data_signature text not null,
  signed_at timestamptz not null
);
create index license_holder_account on licenses.license (holder_account_id) where holder_account_id is not null;
create index license_holder_enterprise on licenses.license (holder_enterprise_id) where holder_enterprise_id is not null;
create index license_holder_code on licenses.license (holder_code_hash);
create index license_department on licenses.license (department_id, issued_at desc);
create index license_pdf on licenses.license (pdf_sha256);

-- concluded cases whose item yields a license; claimed by one node at a time, retried on failure
create table licenses.issue_job (
  case_id uuid primary key,
  queued_at timestamptz not null,
  claimed_until timestamptz,
  attempts int not null default 0,
  last_error text,
  done_at timestamptz
);
create index issue_job_pending on licenses.issue_job (queued_at) where done_at is null;

-- 用证授权: the holder lets the department handling a case use a license in place of a material
create table licenses.use_authorization (
  id uuid primary key,
  license_id uuid not null references licenses.license (id),
  case_id uuid not null,
  case_no text not null,
  department_id uuid not null,
  material_name text not null,
  granted_by uuid not null,
  granted_at timestamptz not null,
  valid_until timestamptz not null,
  unique (case_id, material_name)
);
create index use_authorization_license on licenses.use_authorization (license_id);
