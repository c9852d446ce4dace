-- People who log in (staff and owners), what they may do and where, and their API tokens.
-- A person acting in the ledger signs as `actor` (owners under a pseudonym, never their name).
create table app_user (
    username      varchar(64)  not null,
    display_name  varchar(128) not null,
    password_hash varchar(200) not null,
    actor         varchar(128) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    constraint app_user_pk primary key (username),
    constraint app_user_actor_uq unique (actor)
);

-- One grant = a role within a scope: ALL, STREET (街道/镇), COMMUNITY (社区), COMPOUND (小区) or
-- FIRM (an accounting agent firm: the compounds it serves, below).
create table user_grant (
    username   varchar(64) not null references app_user (username),
    role       varchar(32) not null,
    scope_kind varchar(16) not null,
    scope_id   varchar(64) not null,
    constraint user_grant_pk primary key (username, role, scope_kind, scope_id),
    constraint user_grant_scope_ck check (scope_kind in ('ALL', 'STREET', 'COMMUNITY', 'COMPOUND', 'FIRM'))
);

-- 业财代理: the compounds an accounting agent firm keeps the books of.
create table firm_compound (
    firm_id     varchar(64) not null,
    compound_id varchar(64) not null,
    constraint firm_compound_pk primary key (firm_id, compound_id)
);

-- API bearer tokens, stored only as their SHA-256.
create table api_token (
    token_sha256 char(64)    not null,
    username     varchar(64) not null references app_user (username),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    constraint api_token_pk primary key (token_sha256)
);
create index api_token_user_ix on api_token (username);
