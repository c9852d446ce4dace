-- A book's head held for one writer (BookLeases): whoever holds the lease signs the entry at
-- entry_index citing prev, and no other writer appends to the book until the lease is used,
-- released or past expires_at. At most one lease per book; the row goes when the lease is used or
-- released, and an expired row is simply overwritten by the next grant.
create table book_lease (
    book_id varchar(64) not null,
    lease_id varchar(36) not null,
    holder varchar(200) not null,
    entry_index bigint not null,
    prev varchar(64) not null,
    expires_at timestamptz not null,
    constraint book_lease_pk primary key (book_id)
);
