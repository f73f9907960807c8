-- opendata (数据开放): datasets opened to the public from published sharing resources whose open
-- attribute allows it, with the desensitisation chosen per data item, and their desensitised snapshot.
-- The snapshot is the only copy of the data the public reads; it never holds a sensitive value as is.
create schema if not exists opendata;

create table opendata.dataset (
  id uuid primary key,
  -- the CKAN name (URL slug): 'yw-' + the resource code with '/' as '-'
  name text not null unique,
  resource_id uuid not null unique,
  resource_code text,
  state text not null check (state in ('published', 'unpublished')),
  title text not null,
  notes text not null,
  organization_name text not null,
  organization_title text not null,
  tags text[] not null default '{}',
  open_type text not null check (open_type in ('unconditional', 'conditional')),
  open_conditions text,
  update_cycle text not null,
  license text not null,
  -- per item key: {"rule": "keep|drop|mask|generalise", "to"?: "...", "width"?: n}
  rules jsonb not null,
  -- the published columns: [{key, name, type, rule}]
  columns jsonb not null,
  -- item keys whose counts are offered, small counts suppressed below k
  aggregate_keys text[] not null default '{}',
  k int not null default 5,
  aggregates jsonb not null default '[]',
  row_count int not null default 0,
  source_load_id uuid,
  published_by_name text not null,
  published_at timestamptz not null,
  modified_at timestamptz not null,
  unpublished_at timestamptz,
  unpublish_reason text,
  search_text text not null default ''
);
create index dataset_state_idx on opendata.dataset (state, modified_at desc);

create table opendata.dataset_row (
  dataset_id uuid not null references opendata.dataset (id),
  row_no int not null,
  data jsonb not null,
  primary key (dataset_id, row_no)
);

-- Resources with a new accepted load, waiting for the rebuild job (the event handler only enqueues).
create table opendata.rebuild_queue (
  resource_id uuid primary key,
  queued_at timestamptz not null
);
