-- 全程留痕: an append-only, hash-chained log of every state change and security event.
create schema audit;

create table audit.entry (
  seq bigint primary key,
  id uuid not null unique,
  at timestamptz not null,
  actor_id uuid,
  actor_kind text not null,
  actor_name text not null default '',
  on_behalf_of uuid,
  action text not null,
  subject_type text not null default '',
  subject_id text not null default '',
  outcome text not null check (outcome in ('success', 'failure')),
  request_id text not null default '',
  ip text not null default '',
  summary jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index entry_action on audit.entry (action, seq);
create index entry_actor on audit.entry (actor_id, seq);
create index entry_subject on audit.entry (subject_type, subject_id, seq);
create index entry_at on audit.entry (at);

-- The chain head: one row, locked by every writer, so entries are numbered without gaps or forks.
create table audit.head (
  id int primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into audit.head values (1, 0, repeat('0', 64));

create function audit.forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries are append-only';
end $$;
create trigger entry_append_only before update or delete on audit.entry
  for each row execute function audit.forbid_change();
create trigger entry_no_truncate before truncate on audit.entry
  for each statement execute function audit.forbid_change();
revoke update, delete, truncate on audit.entry from public;
