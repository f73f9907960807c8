-- Uploaded materials and generated results. Bytes live in blob storage under their SHA-256 (one copy
-- per content); each upload is one row here. A row nobody has claimed (no attachment) for 24 hours
-- is removed by `yiwang files gc`, and so is any blob no row names.
create schema files;

create table files.file (
  id uuid primary key,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size > 0),
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png', 'application/ofd')),
  name text not null check (length(name) between 1 and 100),
  uploaded_by_kind text not null check (uploaded_by_kind in ('citizen', 'staff', 'system')),
  uploaded_by_id uuid,
  created_at timestamptz not null,
  check ((uploaded_by_kind = 'system') = (uploaded_by_id is null))
);
create index file_sha256 on files.file (sha256);
create index file_uploader on files.file (uploaded_by_id, created_at);
create index file_created on files.file (created_at);

-- Who holds a file: the owning module claims it inside its own transaction (e.g. a case's material).
-- A file may be held by several owners; it is kept while any holds it.
create table files.attachment (
  file_id uuid not null references files.file (id),
  owner_type text not null check (owner_type ~ '^[a-z][a-z0-9_.-]{0,39}$'),
  owner_id text not null check (length(owner_id) between 1 and 100),
  attached_at timestamptz not null,
  primary key (file_id, owner_type, owner_id)
);
create index attachment_owner on files.attachment (owner_type, owner_id);
