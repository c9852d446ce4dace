-- Axon Framework 4.13 JPA storage tables, owned by Flyway (Hibernate only validates).
-- Generated once by Hibernate with ByteaPostgreSQLDialect and META-INF/orm.xml, so that:
--   * payload, meta_data, token and saga columns are bytea, not large objects (oid);
--   * domain_event_entry_seq allocates one by one (no global-index gaps after a restart).
-- This is also the documented migration source for Axon 5's aggregate_event_entry.

create sequence association_value_entry_seq start with 1 increment by 50;
create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null,
    sequence_number      bigint       not null,
    meta_data            bytea,
    payload              bytea        not null,
    aggregate_identifier varchar(255) not null,
    event_identifier     varchar(255) not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    type                 varchar(255),
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_event_uk unique (event_identifier),
    constraint domain_event_entry_aggregate_seq_uk unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    sequence_number      bigint       not null,
    meta_data            bytea,
    payload              bytea        not null,
    aggregate_identifier varchar(255) not null,
    event_identifier     varchar(255) not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    type                 varchar(255) not null,
    constraint snapshot_event_entry_pk primary key (sequence_number, aggregate_identifier, type),
    constraint snapshot_event_entry_event_uk unique (event_identifier)
);

create table token_entry (
    segment        integer      not null,
    token          bytea,
    owner          varchar(255),
    processor_name varchar(255) not null,
    timestamp      varchar(255) not null,
    token_type     varchar(255),
    constraint token_entry_pk primary key (segment, processor_name)
);

create table saga_entry (
    serialized_saga bytea,
    revision        varchar(255),
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    constraint saga_entry_pk primary key (saga_id)
);

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    constraint association_value_entry_pk primary key (id)
);
create index association_value_entry_lookup_idx on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga_idx on association_value_entry (saga_id, saga_type);
