-- 组织机构: administrative divisions (GB/T 2260 county codes, 9-digit township codes), departments,
-- service halls (政务服务中心) and their windows (窗口).
create schema org;

create table org.division (
  code text primary key check (code ~ '^[0-9]{6}([0-9]{3})?$'),
  parent_code text references org.division (code),
  name text not null,
  level text not null check (level in ('province', 'city', 'county', 'township')),
  -- e.g. 地级市, 市辖区, 县, 街道, 镇, 乡
  type text not null default '',
  -- true for statistical-only units (功能区) that are not MCA administrative divisions
  is_statistical_only boolean not null default false,
  sort_order int not null default 0
);
create index division_parent on org.division (parent_code, sort_order, code);

create table org.department (
  id uuid primary key,
  division_code text not null references org.division (code),
  name text not null,
  short_name text not null,
  -- the generic department name used by the service catalog, e.g. 市场监督管理局
  kind text not null default '',
  -- 统一社会信用代码 (GB 32100)
  uscc text not null,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint department_uscc_unique unique (uscc),
  constraint department_name_unique unique (division_code, name)
);
create index department_division on org.department (division_code, sort_order, name);
create index department_kind on org.department (kind, division_code);

create table org.hall (
  id uuid primary key,
  division_code text not null references org.division (code),
  name text not null,
  address text not null default '',
  hours text not null default '',
  phone text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint hall_name_unique unique (name)
);
create index hall_division on org.hall (division_code);

create table org.service_window (
  id uuid primary key,
  hall_id uuid not null references org.hall (id),
  number text not null,
  name text not null,
  -- 综合窗口: one window accepts the items of every department it serves (一窗受理)
  is_comprehensive boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint window_number_unique unique (hall_id, number)
);

create table org.window_department (
  window_id uuid not null references org.service_window (id) on delete cascade,
  department_id uuid not null references org.department (id),
  primary key (window_id, department_id)
);
create index window_department_department on org.window_department (department_id);
