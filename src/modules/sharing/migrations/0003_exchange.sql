-- sharing exchange (共享交换, decision 0014): subscriptions to change notices of published resources,
-- the change feed (one row per outbox event that changed a resource), webhook deliveries with their
-- attempts and dead letters. Notices never carry data rows: consumers read data through the gateway.

-- A department's subscription to one published resource: by webhook (signed POST) or by pull.
create table sharing.subscription (
  id uuid primary key,
  resource_id uuid not null references sharing.resource (id),
  department_id uuid not null,
  department_name text not null,
  mode text not null check (mode in ('webhook', 'pull')),
  url text,
  -- hmac-sha256: `secret` holds the field-encrypted shared secret; ed25519: `secret` holds the
  -- field-encrypted PKCS#8 private key and `public_key` the SPKI PEM shown to the subscriber
  signing text check (signing in ('hmac-sha256', 'ed25519')),
  secret text,
  public_key text,
  status text not null check (status in ('active', 'paused', 'deleted')),
  -- the change feed position when subscribed: only later changes are delivered or pulled
  start_seq bigint not null,
  created_by uuid,
  created_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((mode = 'webhook') = (url is not null and signing is not null and secret is not null))
);
create index subscription_resource_idx on sharing.subscription (resource_id) where status <> 'deleted';
create index subscription_department_idx on sharing.subscription (department_id, created_at desc);

-- The change feed: one row per resource change, in commit order of the outbox dispatcher. `id` is the
-- outbox event id, the event id receivers dedupe by.
create table sharing.change (
  seq bigserial primary key,
  id uuid not null unique,
  resource_id uuid not null references sharing.resource (id),
  type text not null,
  notice jsonb not null,
  created_at timestamptz not null
);
create index change_resource_idx on sharing.change (resource_id, seq);

-- One webhook delivery of one change to one subscription (a re-run of the handler adds nothing).
create table sharing.delivery (
  id uuid primary key,
  subscription_id uuid not null references sharing.subscription (id),
  change_seq bigint not null references sharing.change (seq),
  status text not null check (status in ('pending', 'delivered', 'dead', 'cancelled')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  claimed_until timestamptz,
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  dead_at timestamptz,
  created_at timestamptz not null,
  unique (subscription_id, change_seq)
);
create index delivery_due_idx on sharing.delivery (next_attempt_at) where status = 'pending';
create index delivery_subscription_idx on sharing.delivery (subscription_id, change_seq desc);
create index delivery_dead_idx on sharing.delivery (dead_at desc) where status = 'dead';

-- Every attempt of a delivery: status code, latency, error.
create table sharing.delivery_attempt (
  id uuid primary key,
  delivery_id uuid not null references sharing.delivery (id),
  attempt int not null,
  at timestamptz not null,
  status_code int,
  latency_ms int not null,
  error text,
  is_ok boolean not null
);
create index delivery_attempt_idx on sharing.delivery_attempt (delivery_id, attempt);
