-- The area overview counts each book's vouchers not yet posted. Without this index it read every
-- voucher of every book in the area (193 ms for 265,000 vouchers in the synthetic city, growing with
-- the city); with it, only the unposted ones, a handful per book.
create index report_voucher_unposted_idx on report_voucher (book_id) where status in ('RECORDED', 'REVIEWED');
