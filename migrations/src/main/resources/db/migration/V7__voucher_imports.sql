-- 凭证导入: one row per file of vouchers (用友/金蝶 layout, xlsx or CSV) imported into a book. The
-- file itself is in `attachment` under its SHA-256; the same content is imported into a book once.
-- A row is written when the file has passed every check and writing begins (RUNNING), and says at
-- the end what was written: COMPLETE, or PARTIAL when an append was refused midway (e.g. another
-- writer took the book's next index); then written_count and the entry range say exactly how far
-- it got. An import that wrote nothing leaves no row.
create table voucher_import (
    book_id           varchar(64)  not null,
    import_id         varchar(36)  not null,
    file_sha256       char(64)     not null,
    file_name         varchar(255) not null,
    file_format       varchar(4)   not null,
    row_count         integer      not null,
    voucher_count     integer      not null,
    written_count     integer      not null,
    status            varchar(8)   not null,
    preparer          varchar(128) not null,
    reviewer          varchar(128) not null,
    imported_at       timestamptz  not null,
    first_entry_index bigint,
    last_entry_index  bigint,
    constraint voucher_import_pk primary key (book_id, import_id),
    constraint voucher_import_file_uk unique (book_id, file_sha256),
    constraint voucher_import_format_ck check (file_format in ('CSV', 'XLSX')),
    constraint voucher_import_status_ck check (status in ('RUNNING', 'COMPLETE', 'PARTIAL'))
);
