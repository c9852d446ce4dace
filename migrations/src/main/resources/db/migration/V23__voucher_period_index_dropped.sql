-- A voucher list by period reads the prefix (book_id, period) of the unique index on
-- (book_id, period, word, number); this index repeated it, and every voucher the read model wrote
-- (appends, rebuilds) was entered in both.
drop index report_voucher_period_idx;
