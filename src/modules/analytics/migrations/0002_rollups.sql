-- Coarser copies of analytics.daily kept with the same differences, so that the whole-city dashboard
-- reads a number of rows bounded by days × counties (and months × items), never by the number of cases:
--   daily_area: per day, county (first 6 digits of the division) and channel — totals, trend, map;
--   monthly: per month, department, item, county and channel — the rankings.
-- analytics.daily (full key) stays the source they are recounted from, and serves department/item filters.
create table analytics.daily_area (
  day date not null,
  county text not null,
  channel text not null,
  submitted int not null default 0,
  accepted int not null default 0,
  refused int not null default 0,
  returned int not null default 0,
  withdrawn int not null default 0,
  concluded int not null default 0,
  concluded_on_time int not null default 0,
  approved int not null default 0,
  denied int not null default 0,
  primary key (day, county, channel)
);

create table analytics.monthly (
  month date not null,
  department_id uuid not null,
  implementation_id uuid not null,
  county text not null,
  channel text not null,
  submitted int not null default 0,
  accepted int not null default 0,
  refused int not null default 0,
  returned int not null default 0,
  withdrawn int not null default 0,
  concluded int not null default 0,
  concluded_on_time int not null default 0,
  approved int not null default 0,
  denied int not null default 0,
  primary key (month, department_id, implementation_id, county, channel)
);

create index daily_item on analytics.daily (implementation_id, day);

-- ratings per day, county and level (the whole city's satisfaction without scanning departments)
create table analytics.rating_area (
  day date not null,
  county text not null,
  level int not null check (level between 1 and 5),
  count int not null default 0,
  primary key (day, county, level)
);
