-- Outbox keys come from the sequence 50 at a time (Hibernate's pooled optimizer), so the rows a
-- request writes can be inserted in JDBC batches.
alter sequence outbox_event_seq_seq increment by 50;
