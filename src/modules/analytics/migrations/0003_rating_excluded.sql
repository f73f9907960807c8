-- A rating excluded after an upheld appeal (恶意差评申诉成立) no longer counts in satisfaction.
alter table analytics.rating_fact add column is_excluded boolean not null default false;
