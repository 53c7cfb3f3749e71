-- One index serves both ways the audit trail is read: a value's history (park, indicator and month
-- all given) and a park's changes over a range of months. Two indexes cost two entries per change.
drop index value_audit_value;
drop index value_audit_park;
create index value_audit_park_period on value_audit (park_code, period, indicator_code);

-- Audit rows are now inserted by multi-row statements that take their keys from the sequence one
-- by one (the pooled step of 50 only served Hibernate's batched entity inserts).
alter sequence value_audit_id_seq increment by 1;
