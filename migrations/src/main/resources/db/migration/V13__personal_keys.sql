-- Keys people hold themselves (自持密钥): made in their browser (WebCrypto, non-extractable) or by
-- `ledger keygen`. Only the public key is here; a book trusts it once its log registers it
-- (key.registered, by the community auditor — or, for an auditor's key, the town officer).
create table personal_key (
    key_id      char(32)     not null,
    username    varchar(64)  not null references app_user (username),
    actor       varchar(128) not null,
    suite       varchar(16)  not null,
    public_key  text         not null,
    label       varchar(128) not null,
    created_at  timestamptz  not null,
    withdrawn_at timestamptz,
    constraint personal_key_pk primary key (key_id)
);
create index personal_key_user_idx on personal_key (username);
