-- 政务服务事项: the base catalog (基本目录), implementation lists (实施清单) per department and division,
-- and the immutable versions of each implementation's guide (办事指南). See docs/decisions/0003.
create schema catalog;

-- A base catalog entry: the item as the law defines it. Never versioned itself.
create table catalog.item (
  id uuid primary key,
  -- 基本编码: opaque, at most 12 characters (GB/T 39554.1 as seen on real platforms)
  basic_code text not null check (length(basic_code) <= 12),
  name text not null check (length(name) between 1 and 200),
  -- 事项类型 code, GB/T 39046 Table A.1 (01 行政许可 … 20 公共服务)
  type_code text not null check (type_code ~ '^[0-9]{2}$'),
  -- the generic department kind that implements it, e.g. 市场监督管理局 (org.department.kind)
  department_kind text not null,
  -- order of the seed list; the portal's "popular" order until usage statistics exist
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  constraint item_basic_code_unique unique (basic_code)
);

-- One item as one department implements it in one division (市 / 县 / 乡).
create table catalog.implementation (
  id uuid primary key,
  item_id uuid not null references catalog.item (id),
  -- the city implementation this one derives from; null for the city implementation itself
  parent_id uuid references catalog.implementation (id),
  division_code text not null check (division_code ~ '^[0-9]{6}([0-9]{3})?$'),
  level text not null check (level in ('city', 'county', 'township')),
  -- org.department.id of the owning department (only its dept_admin edits)
  department_id uuid not null,
  -- 实施编码: opaque, at most 36 characters
  code text not null check (length(code) <= 36),
  created_at timestamptz not null default now(),
  constraint implementation_code_unique unique (code),
  constraint implementation_division_unique unique (item_id, division_code),
  constraint implementation_parent_level check ((parent_id is null) = (level = 'city'))
);
create index implementation_division on catalog.implementation (division_code, item_id);
create index implementation_department on catalog.implementation (department_id);
create index implementation_parent on catalog.implementation (parent_id);

-- The guide of one implementation at one moment. A published version is never updated except to mark
-- it superseded or unpublished; editing makes a new draft.
create table catalog.version (
  id uuid primary key,
  implementation_id uuid not null references catalog.implementation (id),
  version_no int not null check (version_no > 0),
  state text not null check (
    state in ('draft', 'submitted', 'approved', 'rejected', 'published', 'superseded', 'unpublished')
  ),
  -- every guide element, fully resolved (for a derived implementation: parent content + overrides)
  content jsonb not null,
  -- derived implementations only: the local elements this level sets itself
  overrides jsonb,
  -- the parent's published version the content was resolved from (derived implementations)
  parent_version_id uuid references catalog.version (id),
  created_by uuid,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_note text,
  published_at timestamptz,
  ended_at timestamptz,
  unpublish_reason text,
  constraint version_number_unique unique (implementation_id, version_no)
);
-- At most one published version, and at most one open edit (draft, submitted, approved, or rejected
-- back to its author, who edits it again).
create unique index version_one_published on catalog.version (implementation_id) where state = 'published';
create unique index version_one_open on catalog.version (implementation_id)
  where state in ('draft', 'submitted', 'approved', 'rejected');
create index version_state on catalog.version (state, submitted_at);
