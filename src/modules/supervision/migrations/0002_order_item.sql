-- the item name on an order, so a department's 督办件 list names what the case is about
alter table supervision.case_order add column item_name text not null default '';
