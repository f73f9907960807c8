-- 基础库 (decision 0015): when each base database last refreshed successfully, whether or not anything
-- changed (a refresh that finds nothing new writes no load). The quality board judges a base resource's
-- update cycle from this, so a quiet but current database is not shown 超期.
alter table sharing.base_resource add column refreshed_at timestamptz;
