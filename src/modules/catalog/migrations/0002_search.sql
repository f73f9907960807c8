-- Chinese full-text search over published implementations (one row per implementation: its current
-- published version). The app segments with jieba and joins tokens by spaces for to_tsvector('simple'),
-- so PGlite and PostgreSQL index identically.
create schema if not exists catalog;
create extension if not exists pg_trgm;

create table catalog.search_doc (
  implementation_id text primary key,
  version_id text not null,
  item_id text not null,
  division_code text not null,
  level text not null,
  department_id text not null,
  department_name text not null,
  item_type text not null,
  item_type_label text not null,
  serves text[] not null,
  themes text[] not null,
  keywords text[] not null,
  online_depth smallint not null,
  is_instant boolean not null,
  name text not null,
  -- jieba tokens (the app segments; 'simple' only splits on spaces), weighted A: the name; B: keywords;
  -- C: conditions, materials, result; D: themes, department, legal basis. Written by the app rather than
  -- generated from stored token text, which kept rows small enough to stay out of TOAST (a search reads
  -- the document several times per row).
  document tsvector not null,
  indexed_at timestamptz not null default now()
);
create index search_doc_document on catalog.search_doc using gin (document);
create index search_doc_name_trgm on catalog.search_doc using gin (name gin_trgm_ops);
create index search_doc_division on catalog.search_doc (division_code);
create index search_doc_item on catalog.search_doc (item_id);

-- Words the index knows (names, keywords, results), for typo correction by trigram similarity.
create table catalog.search_term (
  term text primary key
);
create index search_term_trgm on catalog.search_term using gin (term gin_trgm_ops);

-- 同义词: a term and what it also means; expansion works both ways (a query containing any of them
-- also looks for the others). Edited by the service office (office_admin).
create table catalog.synonym (
  term text primary key check (char_length(term) between 1 and 20),
  expansions text[] not null check (cardinality(expansions) between 1 and 20),
  updated_at timestamptz not null default now()
);

insert into catalog.synonym (term, expansions) values
  ('个体户', '{个体工商户}'),
  ('执照', '{营业执照}'),
  ('办执照', '{个体工商户设立登记,企业设立登记}'),
  ('退休', '{养老保险待遇,退休人员,养老金}'),
  ('退休金', '{养老金,养老保险待遇}'),
  ('开饭店', '{食品经营,个体工商户设立}'),
  ('开餐馆', '{食品经营,个体工商户设立}'),
  ('开店', '{个体工商户设立}'),
  ('饭店', '{食品经营,餐饮}'),
  ('餐馆', '{食品经营,餐饮}'),
  ('餐饮', '{食品经营}'),
  ('小吃店', '{食品经营}'),
  ('生孩子', '{生育,出生}'),
  ('生娃', '{生育,出生}'),
  ('怀孕', '{生育}'),
  ('新生儿', '{出生}'),
  ('宝宝', '{出生,新生儿}'),
  ('报销', '{待遇,支付,结算}'),
  ('结婚', '{婚姻登记,结婚登记}'),
  ('离婚', '{离婚登记}'),
  ('身份证', '{居民身份证}'),
  ('驾照', '{驾驶证}'),
  ('公积金', '{住房公积金}'),
  ('落户', '{户口迁入}'),
  ('迁户口', '{户口迁入}'),
  ('上户口', '{出生登记,户口迁入}'),
  ('开公司', '{企业设立登记}'),
  ('注册公司', '{企业设立登记}'),
  ('社保', '{社会保险,社会保障}'),
  ('医保', '{医疗保险,医疗保障}'),
  ('丢了', '{补领,遗失,补发}'),
  ('丢失', '{补领,遗失,补发}'),
  ('掉了', '{补领,遗失}'),
  ('到期', '{换领,期满,换证,延续}'),
  ('过期', '{换领,期满,换证}'),
  ('取', '{提取}'),
  ('失业金', '{失业保险金}'),
  ('低保', '{最低生活保障}'),
  ('房产证', '{不动产,房屋所有权}'),
  ('过户', '{转移登记}'),
  ('上牌', '{注册登记}'),
  ('卖房', '{存量房买卖}'),
  ('买房', '{购买,商品房}'),
  ('看病', '{医疗}'),
  ('残疾证', '{残疾人证}'),
  ('教资', '{教师资格}'),
  ('网吧', '{互联网上网服务营业场所}'),
  ('盖房', '{宅基地,乡村建设规划}'),
  ('无犯罪证明', '{无犯罪记录证明}'),
  ('护照', '{普通护照}'),
  ('准生证', '{生育登记}');
