-- sharing, grants and gateway (decision 0013): share requests (共享申请) and the grants they become, the
-- system clients (接入系统) of consuming departments, the platform OpenID provider's signing keys, and
-- the gateway's call log with per-grant daily usage.

-- A consuming department asks for a published resource.
create table sharing.share_request (
  id uuid primary key,
  resource_id uuid not null references sharing.resource (id),
  provider_department_id uuid not null,
  consumer_department_id uuid not null,
  consumer_department_name text not null,
  purpose text not null,
  legal_basis text not null,
  -- item keys asked for
  fields text[] not null,
  period_from date not null,
  period_to date not null,
  state text not null check (state in ('pending', 'granted', 'rejected')),
  requested_by uuid,
  requested_by_name text not null,
  created_at timestamptz not null,
  decided_at timestamptz,
  decided_by_name text,
  reject_reason text,
  grant_id uuid
);
create index share_request_provider_idx on sharing.share_request (provider_department_id, state);
create index share_request_consumer_idx on sharing.share_request (consumer_department_id);

-- What a consuming department may read of a resource through the gateway.
create table sharing.share_grant (
  id uuid primary key,
  request_id uuid not null references sharing.share_request (id),
  resource_id uuid not null references sharing.resource (id),
  provider_department_id uuid not null,
  consumer_department_id uuid not null,
  consumer_department_name text not null,
  purpose text not null,
  fields text[] not null,
  -- [{key, isSensitive, values (masked when sensitive), idx (blind indexes when sensitive)}]: AND of INs
  row_filter jsonb not null default '[]',
  -- sensitive item keys returned in clear (only on approval of a 有条件共享 resource)
  unmasked text[] not null default '{}',
  daily_quota int,
  expires_at timestamptz,
  state text not null check (state in ('active', 'revoked')),
  approved_by_name text,
  created_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by_name text,
  revoke_reason text
);
create index share_grant_lookup_idx on sharing.share_grant (resource_id, consumer_department_id, state);
create index share_grant_provider_idx on sharing.share_grant (provider_department_id);

-- 接入系统: an OAuth2 client of a consuming department. The secret is only kept as a keyed hash.
create table sharing.system_client (
  client_id text primary key,
  department_id uuid not null,
  department_name text not null,
  name text not null,
  secret_hash text not null,
  rate_per_minute int not null,
  is_enabled boolean not null default true,
  created_by_name text not null,
  created_at timestamptz not null,
  disabled_at timestamptz
);
create index system_client_department_idx on sharing.system_client (department_id);

-- The OpenID provider's signing keys: private JWKs encrypted with the field cipher.
create table sharing.oidc_key (
  kid text primary key,
  jwk_encrypted text not null,
  created_at timestamptz not null
);

-- Every gateway call, written in the request that answered it.
create table sharing.call_log (
  id uuid primary key,
  at timestamptz not null,
  client_id text,
  consumer_department_id uuid,
  provider_department_id uuid,
  grant_id uuid,
  resource_id uuid,
  resource_code text,
  purpose text,
  fields text[] not null default '{}',
  row_count int not null default 0,
  status int not null,
  error_code text,
  latency_ms real not null
);
create index call_log_provider_idx on sharing.call_log (provider_department_id, at desc);
create index call_log_consumer_idx on sharing.call_log (consumer_department_id, at desc);
create index call_log_grant_idx on sharing.call_log (grant_id, at desc);

-- Calls per grant per (Beijing) day, for the daily quota.
create table sharing.grant_usage (
  grant_id uuid not null,
  day date not null,
  calls int not null,
  primary key (grant_id, day)
);
