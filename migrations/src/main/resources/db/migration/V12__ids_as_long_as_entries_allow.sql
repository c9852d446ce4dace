-- Ids in entry payloads may be up to 128 characters (PayloadReader.ID); the read-model columns that
-- hold them were 64 wide, so a client-signed entry with a longer id would pass the book and then
-- fail its index row (rolling the append back with a 500). Widen them to what the book accepts.
alter table gov_ruleset alter column ruleset type varchar(128);
alter table gov_request alter column request_id type varchar(128), alter column ruleset type varchar(128);
alter table gov_request_step alter column request_id type varchar(128);
alter table gov_payee_private alter column request_id type varchar(128);
alter table gov_payment alter column voucher_id type varchar(128), alter column request_id type varchar(128),
    alter column contract_id type varchar(128);
alter table gov_decision alter column decision_id type varchar(128), alter column request_id type varchar(128);
alter table gov_tender alter column tender_id type varchar(128), alter column request_id type varchar(128),
    alter column awarded_bid type varchar(128), alter column contract_id type varchar(128);
alter table gov_bid alter column tender_id type varchar(128), alter column bid_id type varchar(128);
alter table gov_contract alter column contract_id type varchar(128), alter column tender_id type varchar(128);
alter table gov_review_reminder alter column request_id type varchar(128);
alter table statement_version alter column statement_id type varchar(128), alter column corrects type varchar(128),
    alter column superseded_by type varchar(128);
alter table objection alter column objection_id type varchar(128), alter column statement_id type varchar(128);
alter table objection_private alter column objection_id type varchar(128);
