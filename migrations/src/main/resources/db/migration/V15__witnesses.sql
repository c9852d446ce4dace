-- Independent witnesses (见证人): per book and witness, the size of the checkpoint the witness
-- cosigned last (learned from its cosignature or from its 409 answer), so the next push carries a
-- consistency proof from there.
create table witness_cosigned (
    book_id      varchar(128) not null,
    witness_name varchar(255) not null,
    tree_size    bigint       not null,
    updated_at   timestamptz  not null,
    constraint witness_cosigned_pk primary key (book_id, witness_name)
);

-- A witness refused a checkpoint the log key signed because it does not extend what the witness
-- cosigned before (split view, 分叉视图): the book is marked, and no further checkpoint is signed
-- for it. The request and the witness's answer are kept as the service's side of the evidence.
create table split_view (
    id           bigserial    not null,
    book_id      varchar(128) not null,
    witness_name varchar(255) not null,
    tree_size    bigint       not null,
    status       integer      not null,
    answer       text         not null,
    request      text         not null,
    refused_at   timestamptz  not null,
    constraint split_view_pk primary key (id)
);
create index split_view_book on split_view (book_id);
