-- 基础库 (decision 0015): the four base databases are ordinary catalog resources of 信阳市数据局 whose
-- rows are kept current from the owning modules' events. Their rows carry the source's key, so a
-- refresh upserts and deletes by key; `row_hash` (a hash of the plain row) lets an unchanged source
-- record cost nothing and announce nothing.
alter table sharing.data_row add column row_key text;
alter table sharing.data_row add column row_hash text;
create unique index data_row_key_idx on sharing.data_row (resource_id, row_key) where row_key is not null;

-- Which resource holds each base database.
create table sharing.base_resource (
  kind text primary key check (kind in ('population', 'legal-person', 'license', 'division')),
  resource_id uuid not null unique references sharing.resource (id),
  rebuilt_at timestamptz
);

-- Keys to refresh, queued by the outbox handlers (key '*' = rebuild the whole base database). A key
-- queued again while waiting stays one entry with its `generation` raised; a refresh removes an entry
-- only if its generation is still the one it read (a change during the refresh is refreshed again).
create table sharing.base_refresh (
  kind text not null,
  key text not null,
  queued_at timestamptz not null,
  generation int not null default 1,
  due_at timestamptz not null,
  attempts int not null default 0,
  last_error text,
  primary key (kind, key)
);
create index base_refresh_due_idx on sharing.base_refresh (due_at);
