-- A rebuild that fails is retried later, not at once: each queue entry is due at `due_at`; a failure
-- raises `attempts` and puts `due_at` off by 30 s doubling up to 1 h, keeping the error for the record.
alter table opendata.rebuild_queue add column due_at timestamptz;
update opendata.rebuild_queue set due_at = queued_at;
alter table opendata.rebuild_queue alter column due_at set not null;
alter table opendata.rebuild_queue add column attempts int not null default 0;
alter table opendata.rebuild_queue add column last_error text;
create index rebuild_queue_due_idx on opendata.rebuild_queue (due_at);
