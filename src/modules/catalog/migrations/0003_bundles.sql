-- "One thing" bundles (一件事): a named set of base items a citizen or business usually needs together,
-- e.g. 开办餐饮店 = 个体工商户设立登记 + 食品经营许可 + …. Members name base items (catalog.item), so in any
-- division a bundle resolves to that division's published implementations. Defined and published by the
-- service office (政务服务管理机构); see src/modules/catalog/bundles/.
create table catalog.bundle (
  id uuid primary key,
  -- a short stable code for links and the demo seed, e.g. KBCYD
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name text not null check (length(name) between 1 and 100),
  audience text not null check (audience in ('个人', '法人')),
  description text not null default '' check (length(description) <= 2000),
  -- the division it is offered in, and every division below it (org.division.code)
  division_code text not null check (division_code ~ '^[0-9]{6}([0-9]{3})?$'),
  state text not null check (state in ('draft', 'published')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  published_at timestamptz,
  constraint bundle_code_unique unique (code)
);
create index bundle_state on catalog.bundle (state, audience);

-- One member item of a bundle, in the order the guide lists them. Replaced as a whole when set.
create table catalog.bundle_member (
  bundle_id uuid not null references catalog.bundle (id) on delete cascade,
  item_id uuid not null references catalog.item (id),
  position int not null check (position between 1 and 20),
  -- false: asked only when it applies (e.g. 生育保险待遇申领 for the insured)
  is_required boolean not null,
  note text not null default '' check (length(note) <= 500),
  primary key (bundle_id, item_id),
  constraint bundle_member_position_unique unique (bundle_id, position)
);
create index bundle_member_item on catalog.bundle_member (item_id);
