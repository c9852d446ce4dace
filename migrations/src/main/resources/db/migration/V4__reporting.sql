-- Read model of the reporting module, fed only by ledger events through the `reporting` tracking
-- processor. Resetting that processor empties every table below; replaying the log rebuilds them.
-- Amounts are integer 分; a red voucher's (红字) amounts are negative on the same side.

-- How far the read model has applied each book's log: the index of the last entry applied.
-- An event at or below it is a redelivery and changes nothing.
create table report_position (
    book_id       varchar(64) not null,
    applied_index bigint      not null,
    constraint report_position_pk primary key (book_id)
);

-- 账套: what a report prints in its heading.
create table report_book (
    book_id      varchar(64)  not null,
    name         varchar(200) not null,
    fund         varchar(32)  not null,
    compound     varchar(200) not null,
    start_period char(7)      not null,
    constraint report_book_pk primary key (book_id)
);

-- 科目表: the chart as opened plus accounts added later; a disabled account stays.
create table report_account (
    book_id   varchar(64)  not null,
    code      varchar(12)  not null,
    name      varchar(200) not null,
    parent    varchar(12),
    direction varchar(6)   not null,
    enabled   boolean      not null,
    constraint report_account_pk primary key (book_id, code),
    constraint report_account_direction_ck check (direction in ('DEBIT', 'CREDIT'))
);

-- 期初余额 of leaf accounts, entered once before the first posting.
create table report_opening_balance (
    book_id    varchar(64) not null,
    account    varchar(12) not null,
    debit_fen  bigint      not null,
    credit_fen bigint      not null,
    constraint report_opening_balance_pk primary key (book_id, account)
);

-- 记账凭证 and where it stands in 录入 → 审核 → 记账, or 作废. Its 凭证号 is given on posting.
create table report_voucher (
    book_id        varchar(64)  not null,
    voucher_id     varchar(128) not null,
    word           varchar(1)   not null,
    voucher_date   date         not null,
    period         char(7)      not null,
    status         varchar(8)   not null,
    number         integer,
    summary        text         not null,
    debit_total    bigint       not null,
    attachments    integer      not null,
    preparer       varchar(128) not null,
    reviewer       varchar(128),
    poster         varchar(128),
    red            boolean      not null,
    reverses       varchar(128),
    corrects       varchar(128),
    reversed_by    varchar(128),
    recorded_index bigint       not null,
    posted_index   bigint,
    constraint report_voucher_pk primary key (book_id, voucher_id),
    constraint report_voucher_status_ck check (status in ('RECORDED', 'REVIEWED', 'POSTED', 'VOIDED')),
    constraint report_voucher_number_uq unique (book_id, period, word, number)
);
create index report_voucher_period_idx on report_voucher (book_id, period);

-- 分录: one side per line, the other side 0.
create table report_voucher_line (
    book_id    varchar(64)  not null,
    voucher_id varchar(128) not null,
    line_no    integer      not null,
    summary    text         not null,
    account    varchar(12)  not null,
    debit_fen  bigint       not null,
    credit_fen bigint       not null,
    constraint report_voucher_line_pk primary key (book_id, voucher_id, line_no)
);
create index report_voucher_line_account_idx on report_voucher_line (book_id, account);

-- 发生额: posted debits and credits of each leaf account per period, the basis of the 科目余额表.
create table report_movement (
    book_id    varchar(64) not null,
    period     char(7)     not null,
    account    varchar(12) not null,
    debit_fen  bigint      not null,
    credit_fen bigint      not null,
    constraint report_movement_pk primary key (book_id, period, account)
);

-- 已结账期间: a period closed (结账) and not reopened since.
create table report_closed_period (
    book_id     varchar(64) not null,
    period      char(7)     not null,
    entry_index bigint      not null,
    constraint report_closed_period_pk primary key (book_id, period)
);
