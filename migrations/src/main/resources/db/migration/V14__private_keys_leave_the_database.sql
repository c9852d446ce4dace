-- No private key lives in the database (DESIGN.md §4): the log key and the custodial keys are in
-- the service's key store (encrypted files, ledger.keystore.directory). The service copies any
-- private_key still here into the key store, and reads each one back, before Flyway runs this
-- migration (audit-service KeysOutOfTheDatabase); the rows keep the public parts.
alter table custodial_key drop column private_key;
alter table log_key drop column private_key;
