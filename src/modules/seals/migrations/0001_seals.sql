-- 电子印章: the platform CA, the seals of departments with their keys and images, the steps of each
-- seal's life (申请 → 审核 → 制作 → 备案 → 发放 → 挂失 / 销毁) and the staff authorised to use a seal.
-- Private keys are stored only encrypted with the field cipher (`*_enc`); nothing returns them.
create schema seals;

-- The platform CA: one root and one issuing certificate, created lazily on first use. The fixed ids
-- make the creation race-safe: insert … on conflict do nothing, then read what won.
create table seals.authority (
  id text primary key check (id in ('root', 'issuing')),
  certificate_pem text not null,
  private_key_enc text not null,
  serial text not null,
  created_at timestamptz not null
);

-- Per division, the last serial handed out in a seal code (division code 6 + kind 2 + serial 6).
create table seals.code_counter (
  division_code text primary key,
  last_serial int not null
);

create table seals.seal (
  id uuid primary key,
  department_id uuid not null,
  department_name text not null,
  division_code text not null,
  kind text not null check (kind in ('official', 'approval', 'business')),
  name text not null check (length(name) between 2 and 60),
  code text not null unique check (code ~ '^[0-9]{14}$'),
  state text not null check (state in ('applied', 'approved', 'rejected', 'made', 'filed', 'issued', 'lost', 'destroyed')),
  reason text not null,
  validity_years int not null check (validity_years between 1 and 10),
  valid_from timestamptz,
  valid_to timestamptz,
  applied_by uuid,
  sm2_public_key text,
  sm2_private_key_enc text,
  rsa_private_key_enc text,
  certificate_pem text,
  certificate_serial text unique,
  image_svg text,
  image_png bytea,
  made_at timestamptz,
  issued_at timestamptz,
  lost_at timestamptz,
  destroyed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index seal_department on seals.seal (department_id, state);

-- Each step of a seal's life, for the seal's own history view (the audit log has the same facts).
create table seals.step (
  id uuid primary key,
  seal_id uuid not null references seals.seal (id),
  action text not null,
  from_state text,
  to_state text not null,
  actor_id uuid,
  actor_name text not null,
  note text not null default '',
  at timestamptz not null
);
create index step_seal on seals.step (seal_id, at);

-- 授权: staff of the seal's department allowed to sign with it until a date.
create table seals.authorization (
  id uuid primary key,
  seal_id uuid not null references seals.seal (id),
  account_id uuid not null,
  until timestamptz not null,
  granted_by uuid,
  granted_at timestamptz not null,
  revoked_at timestamptz
);
create index authorization_seal on seals.authorization (seal_id) where revoked_at is null;
