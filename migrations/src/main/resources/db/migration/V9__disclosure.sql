-- 公示: statements as drafted, signed off and published (one row per statement version), the exact
-- statement.json each cites by hash, and objections with their private part kept apart.

-- Content-addressed statement.json texts; staged before the draft entry that cites the hash.
create table statement_content (
    content_sha256 char(64)    not null,
    content        text        not null,
    created_at     timestamptz not null,
    constraint statement_content_pk primary key (content_sha256)
);

-- Written by the ledger-index handlers in the transaction that stores each entry.
create table statement_version (
    statement_id   varchar(64) not null,
    book_id        varchar(64) not null,
    period_from    char(7)     not null,
    period_to      char(7)     not null,
    version        int         not null,
    corrects       varchar(64),
    reason         text,
    content_sha256 char(64)    not null,
    tree_size      bigint      not null,
    root           char(64)    not null,
    drafted_index  bigint      not null,
    drafted_by     varchar(128) not null,
    drafted_at     date        not null,
    status         varchar(16) not null,
    signed_index   bigint,
    signed_by      varchar(128),
    signed_at      date,
    published_index bigint,
    posting_from   date,
    posting_until  date,
    superseded_by  varchar(64),
    constraint statement_version_pk primary key (statement_id),
    constraint statement_version_status_ck check (status in ('DRAFTED', 'WITHDRAWN', 'SIGNED', 'PUBLISHED'))
);
create index statement_version_book_ix on statement_version (book_id, period_from, period_to);

create table objection (
    objection_id   varchar(64) not null,
    book_id        varchar(64) not null,
    statement_id   varchar(64) not null,
    status         varchar(16) not null,
    raised_index   bigint      not null,
    raised_at      date        not null,
    answer_by      date        not null,
    answer         text,
    answered_by    varchar(128),
    answered_at    date,
    outcome        varchar(16),
    review_note    text,
    escalated_at   date,
    constraint objection_pk primary key (objection_id),
    constraint objection_status_ck check (status in ('SUBMITTED', 'ACCEPTED', 'ANSWERED', 'REVIEWED', 'ESCALATED'))
);
create index objection_statement_ix on objection (statement_id);

-- What the entry only commits to: who objected and what they wrote, with the salts that open
-- the commitments. Never served publicly.
create table objection_private (
    objection_id varchar(64)  not null,
    username     varchar(64)  not null,
    owner_salt   char(64)     not null,
    text         text         not null,
    text_salt    char(64)     not null,
    constraint objection_private_pk primary key (objection_id)
);

-- Per-book disclosure cadence (DOMAIN §5); books without a row use the configured default.
create table disclosure_cadence (
    book_id    varchar(64) not null,
    cadence    varchar(16) not null,
    grace_days int         not null,
    constraint disclosure_cadence_pk primary key (book_id)
);
