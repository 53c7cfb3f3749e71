-- Audit and flag keys come from their sequences 50 at a time (Hibernate's pooled optimizer), so a
-- batch's rows are inserted in JDBC batches. Order of the audit trail is by time, then key.
alter sequence value_audit_id_seq increment by 50;
alter sequence value_flag_id_seq increment by 50;
