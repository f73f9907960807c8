-- sharing (政务信息资源共享): the department resource catalog (部门资源目录, GB/T 21063 metadata) with
-- versions and review, and mounted data (目录挂接) with a quality report per load. Grants, the gateway
-- call log, subscriptions and open data come in later increments and reference resource.id / item keys.
create schema if not exists sharing;

-- One row per catalogued resource: its stable identity, provider and where its data comes from.
create table sharing.resource (
  id uuid primary key,
  -- 资源代码 '<类><项><目>[<细目>]/<顺序码>', given at first publication (null before)
  code text unique,
  department_id uuid not null,
  department_name text not null,
  -- 提供方代码: the provider's GB 32100 code
  department_code text not null,
  published_version_id uuid,
  -- the version being edited or reviewed (null when the published one is current)
  working_version_id uuid,
  -- 挂接: none | file (uploads) | api (registered endpoint, metadata only for now)
  mount_kind text not null default 'none' check (mount_kind in ('none', 'file', 'api')),
  api_mount jsonb,
  current_load_id uuid,
  created_by uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index resource_department_idx on sharing.resource (department_id);

-- Every version of a resource's metadata. Editing a published resource makes a new version.
create table sharing.resource_version (
  id uuid primary key,
  resource_id uuid not null references sharing.resource (id),
  version int not null,
  state text not null check (state in ('draft', 'submitted', 'rejected', 'published', 'superseded')),
  name text not null,
  summary text not null,
  -- classification: 类 (resource attribute) → 项 → 目 → 细目
  attribute text not null check (attribute in ('basic', 'theme', 'department')),
  xiang_code text not null,
  xiang_name text not null,
  mu_code text not null,
  mu_name text not null,
  ximu_code text,
  ximu_name text,
  format text not null,
  share_type text not null check (share_type in ('unconditional', 'conditional', 'none')),
  share_conditions text,
  share_basis text,
  share_method text not null,
  open_type text not null check (open_type in ('unconditional', 'conditional', 'none')),
  open_conditions text,
  update_cycle text not null,
  related_codes text[] not null default '{}',
  -- 信息项: [{name, key, type, length, description, sensitivity, isRequired, rules}]
  items jsonb not null,
  -- resource-level quality rules, e.g. {"freshness": {"itemKey": "…", "maxAgeDays": 31}}
  quality jsonb not null default '{}',
  search_text text not null default '',
  search tsvector generated always as (to_tsvector('simple', search_text)) stored,
  created_by uuid,
  created_at timestamptz not null,
  submitted_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by_name text,
  reject_reason text,
  published_at timestamptz,
  unique (resource_id, version)
);
create index resource_version_state_idx on sharing.resource_version (state);
create index resource_version_search_idx on sharing.resource_version using gin (search);

-- 顺序码 per classification prefix (前段码).
create table sharing.code_counter (
  prefix text primary key,
  last int not null
);

-- One row per upload (or refused upload): the quality report is kept either way.
create table sharing.data_load (
  id uuid primary key,
  resource_id uuid not null references sharing.resource (id),
  version_id uuid not null references sharing.resource_version (id),
  status text not null check (status in ('accepted', 'refused')),
  file_name text not null,
  file_format text,
  row_count int not null,
  rejected_count int not null,
  report jsonb not null,
  loaded_by uuid,
  loaded_by_name text not null,
  created_at timestamptz not null
);
create index data_load_resource_idx on sharing.data_load (resource_id, created_at desc);

-- The rows of a resource's current load. Sensitive values are field-encrypted in `data`; `idx` holds
-- their blind indexes (for references and, later, grants with row filters).
create table sharing.data_row (
  load_id uuid not null references sharing.data_load (id),
  resource_id uuid not null references sharing.resource (id),
  version_id uuid not null,
  row_no int not null,
  data jsonb not null,
  idx jsonb not null default '{}',
  primary key (load_id, row_no)
);
create index data_row_resource_idx on sharing.data_row (resource_id, row_no);
