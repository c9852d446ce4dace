-- The service's own tables. Every per-book table leads with book_id, so PostgreSQL can partition
-- or distribute by book (and so by compound) without a schema change (DESIGN.md §8).

-- Books the service holds (账套目录), written by the same transaction that stores the genesis entry.
create table book (
    book_id        varchar(64)  not null,
    name           varchar(200) not null,
    fund           varchar(32)  not null,
    compound_id    varchar(128) not null,
    compound_name  varchar(200) not null,
    community_id   varchar(128) not null,
    community_name varchar(200) not null,
    street_id      varchar(128) not null,
    street_name    varchar(200) not null,
    start_period   char(7)      not null,
    opened_at      timestamptz  not null,
    constraint book_pk primary key (book_id)
);

-- One row per accepted entry, written in the same transaction as the event: the idempotency
-- index for submission ids and an independent record of every entry hash.
create table ledger_entry (
    book_id       varchar(64)  not null,
    entry_index   bigint       not null,
    entry_hash    char(64)     not null,
    kind          varchar(64)  not null,
    submission_id varchar(128) not null,
    actor         varchar(128) not null,
    recorded_at   timestamptz  not null,
    constraint ledger_entry_pk primary key (book_id, entry_index),
    constraint ledger_entry_submission_uk unique (book_id, submission_id)
);

-- Attachments (原始凭证: invoices, bank slips, contracts) stored once per book by content hash.
create table attachment (
    book_id    varchar(64)  not null,
    sha256     char(64)     not null,
    media_type varchar(128) not null,
    file_size  bigint       not null,
    content    bytea        not null,
    stored_at  timestamptz  not null,
    constraint attachment_pk primary key (book_id, sha256)
);

-- Keys the service keeps for people who sign through it (custodial signing); entries say so.
create table custodial_key (
    key_id      char(32)     not null,
    actor       varchar(128) not null,
    role        varchar(32)  not null,
    suite       varchar(16)  not null,
    private_key bytea        not null,
    public_key  text         not null,
    created_at  timestamptz  not null,
    constraint custodial_key_pk primary key (key_id)
);
create index custodial_key_actor_idx on custodial_key (actor, role);
