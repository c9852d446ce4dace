-- 业财社管 and 业标镇管: spending rule sets, expenditure requests with their approval path and
-- payments, declarations of interest, owners' joint decisions, tenders and contracts. Written by
-- the ledger-index handlers (GovernanceIndex) in the transaction that stores each entry, except
-- gov_payee_private, which the service writes before the entry that commits to it.

create table gov_ruleset (
    book_id       varchar(64) not null,
    ruleset       varchar(64) not null,
    version       int         not null,
    payload       text        not null,
    adopted_index bigint      not null,
    adopted_by    varchar(128) not null,
    adopted_at    date        not null,
    constraint gov_ruleset_pk primary key (book_id, ruleset, version)
);

create table gov_request (
    book_id         varchar(64)  not null,
    request_id      varchar(64)  not null,
    status          varchar(16)  not null,
    amount_fen      bigint       not null,
    approved_fen    bigint       not null default 0,
    paid_fen        bigint       not null default 0,
    purpose         text         not null,
    account         varchar(32)  not null,
    payee_type      varchar(16)  not null,
    -- the company's name, or 个人（不公开） for a private person: never a person's name
    payee_name      text         not null,
    payee_key       text         not null,
    matter          varchar(16)  not null,
    works           boolean      not null,
    tender_required boolean      not null,
    ruleset         varchar(64)  not null,
    ruleset_version int          not null,
    path            varchar(128) not null,
    next_step       int          not null,
    pending_step    varchar(16),
    pending_since   date,
    escalated_to    varchar(16),
    requester       varchar(128) not null,
    raised_index    bigint       not null,
    raised_at       date         not null,
    last_index      bigint       not null,
    constraint gov_request_pk primary key (book_id, request_id),
    constraint gov_request_status_ck check (status in ('PENDING', 'RETURNED', 'APPROVED', 'REFUSED', 'CANCELLED'))
);
create index gov_request_status_ix on gov_request (book_id, status);

-- Every entry on a request, in order: its history as the public sees it.
create table gov_request_step (
    book_id       varchar(64)  not null,
    entry_index   bigint       not null,
    request_id    varchar(64)  not null,
    kind          varchar(32)  not null,
    step          varchar(16),
    actor         varchar(128) not null,
    business_date date         not null,
    amount_fen    bigint,
    note          text,
    constraint gov_request_step_pk primary key (book_id, entry_index)
);
create index gov_request_step_request_ix on gov_request_step (book_id, request_id);

-- A private person paid by a request (or named in a declaration of interest): the name and the
-- salt of the commitment the entries carry, one salt per person and book so that a declaration of
-- interest in that person matches their requests. Never served publicly.
create table gov_person_salt (
    book_id varchar(64) not null,
    name    text        not null,
    salt    char(64)    not null,
    constraint gov_person_salt_pk primary key (book_id, name)
);

create table gov_payee_private (
    book_id    varchar(64) not null,
    request_id varchar(64) not null,
    name       text        not null,
    constraint gov_payee_private_pk primary key (book_id, request_id)
);

-- Payment vouchers of requests and contracts; a voided or reversed one is released.
create table gov_payment (
    book_id      varchar(64) not null,
    voucher_id   varchar(64) not null,
    request_id   varchar(64),
    contract_id  varchar(64),
    amount_fen   bigint      not null,
    voucher_date date        not null,
    entry_index  bigint      not null,
    released     boolean     not null default false,
    constraint gov_payment_pk primary key (book_id, voucher_id)
);
create index gov_payment_request_ix on gov_payment (book_id, request_id);
create index gov_payment_contract_ix on gov_payment (book_id, contract_id);

create table gov_interest (
    book_id     varchar(64)  not null,
    entry_index bigint       not null,
    actor       varchar(128) not null,
    payee_type  varchar(16)  not null,
    payee_name  text         not null,
    relation    text         not null,
    declared_at date         not null,
    constraint gov_interest_pk primary key (book_id, entry_index)
);

create table gov_decision (
    book_id        varchar(64) not null,
    decision_id    varchar(64) not null,
    matter         varchar(16) not null,
    subject        text        not null,
    request_id     varchar(64),
    result         varchar(16) not null,
    tally          text        not null,
    roll_sha256    char(64)    not null,
    recorded_index bigint      not null,
    recorded_at    date        not null,
    constraint gov_decision_pk primary key (book_id, decision_id)
);

create table gov_tender (
    book_id            varchar(64) not null,
    tender_id          varchar(64) not null,
    request_id         varchar(64),
    title              text        not null,
    description        text,
    budget_fen         bigint      not null,
    works              boolean     not null,
    stage              varchar(16) not null,
    notice_from        date        not null,
    notice_until       date        not null,
    bid_opening        date        not null,
    bids               int         not null default 0,
    awarded_bid        varchar(64),
    awarded_amount_fen bigint,
    award_notice_from  date,
    award_notice_until date,
    contract_id        varchar(64),
    published_index    bigint      not null,
    published_at       date        not null,
    last_index         bigint      not null,
    constraint gov_tender_pk primary key (book_id, tender_id),
    constraint gov_tender_stage_ck check (stage in ('PUBLISHED', 'OPENED', 'EVALUATED', 'AWARDED', 'AWARD_NOTICED',
        'CONTRACTED'))
);

create table gov_bid (
    book_id     varchar(64) not null,
    tender_id   varchar(64) not null,
    bid_id      varchar(64) not null,
    bidder_name text        not null,
    credit_code varchar(18) not null,
    amount_fen  bigint,
    rank        int,
    constraint gov_bid_pk primary key (book_id, tender_id, bid_id)
);

create table gov_contract (
    book_id          varchar(64) not null,
    contract_id      varchar(64) not null,
    tender_id        varchar(64) not null,
    supplier_name    text        not null,
    credit_code      varchar(18) not null,
    amount_fen       bigint      not null,
    paid_fen         bigint      not null default 0,
    status           varchar(16) not null,
    signed_at        date        not null,
    accepted_at      date,
    final_amount_fen bigint,
    signed_index     bigint      not null,
    constraint gov_contract_pk primary key (book_id, contract_id),
    constraint gov_contract_status_ck check (status in ('SIGNED', 'ACCEPTED', 'SETTLED'))
);
