-- 统一身份认证: accounts of citizens and staff, enterprises and their agents' mandates, sessions.
create schema identity;

create table identity.account (
  id uuid primary key,
  kind text not null check (kind in ('citizen', 'staff')),
  password_hash text not null,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  totp_secret_enc text,           -- confirmed TOTP secret (encrypted)
  totp_pending_enc text,          -- secret offered during enrolment, not yet confirmed
  totp_last_step bigint,          -- last accepted time step: a code is single use
  is_disabled boolean not null default false,
  created_at timestamptz not null,
  password_changed_at timestamptz not null
);

-- 自然人: ID number and phone encrypted at rest, found by keyed hash (blind index).
create table identity.citizen (
  account_id uuid primary key references identity.account (id),
  real_name text not null,
  id_number_enc text not null,
  id_number_hash text not null unique,
  phone_enc text not null,
  phone_hash text not null unique,
  real_name_level int not null default 1
);

create table identity.staff (
  account_id uuid primary key references identity.account (id),
  username text not null unique,  -- NFKC, trimmed, lower-case
  name text not null,
  department_id uuid,
  division_code text not null,
  roles text[] not null,
  check (not ('sys_admin' = any (roles) and 'auditor' = any (roles)))
);

-- 法人: identified by its unified social credit code; a checksum mismatch is a flag an officer clears.
create table identity.enterprise (
  id uuid primary key,
  uscc text not null unique,
  name text not null,
  legal_rep_account_id uuid not null references identity.account (id),
  is_checksum_flagged boolean not null,
  flag_cleared_by uuid,
  flag_cleared_at timestamptz,
  created_at timestamptz not null
);
create index enterprise_legal_rep on identity.enterprise (legal_rep_account_id);

-- 经办人授权: the enterprise authorises a citizen for all items or listed items until a date.
create table identity.mandate (
  id uuid primary key,
  enterprise_id uuid not null references identity.enterprise (id),
  agent_account_id uuid not null references identity.account (id),
  scope text not null check (scope in ('all', 'items')),
  item_codes text[] not null default '{}',
  valid_until date not null,
  created_at timestamptz not null,
  created_by uuid not null,
  revoked_at timestamptz
);
create index mandate_agent on identity.mandate (agent_account_id);
create index mandate_enterprise on identity.mandate (enterprise_id);

-- Sessions live in the database (stateless app nodes); the cookie carries a token, we keep its hash.
create table identity.session (
  token_hash text primary key,
  id uuid not null unique,
  account_id uuid not null references identity.account (id),
  csrf_token text not null,
  is_mfa_complete boolean not null,
  acting_enterprise_id uuid,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  revoked_at timestamptz
);
create index session_account on identity.session (account_id) where revoked_at is null;
