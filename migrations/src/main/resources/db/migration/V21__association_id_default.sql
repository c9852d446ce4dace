-- Axon's JDBC saga store inserts association values without an id (Hibernate drew it from this
-- sequence before): the column takes it from the sequence itself. Hibernate's pooled allocation
-- handed out ids up to the sequence's current value, so nextval never repeats one of them.
alter table association_value_entry alter column id set default nextval('association_value_entry_seq');
