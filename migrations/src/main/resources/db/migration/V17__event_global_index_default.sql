-- The event store writes through JDBC (EventStoreConfiguration) and leaves the global index to the
-- database; Hibernate drew it from the same sequence, one by one, so existing rows and new ones
-- share one order.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
