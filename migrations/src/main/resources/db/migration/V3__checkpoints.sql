-- The log key (日志签名密钥) that signs every book's checkpoints, and the checkpoints it signed.
create table log_key (
    key_name    varchar(128) not null,
    private_key bytea        not null,
    public_key  bytea        not null,
    created_at  timestamptz  not null,
    constraint log_key_pk primary key (key_name)
);

-- C2SP signed-note checkpoints, one per (book, tree size); the service never signs two that
-- disagree, and keeps every one it signed so a truncated or rewritten log shows against them.
create table checkpoint (
    book_id    varchar(64) not null,
    tree_size  bigint      not null,
    root       char(64)    not null,
    note       text        not null,
    created_at timestamptz not null,
    constraint checkpoint_pk primary key (book_id, tree_size)
);
