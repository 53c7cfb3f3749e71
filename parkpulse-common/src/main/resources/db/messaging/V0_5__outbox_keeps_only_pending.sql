-- The relay now deletes a row once the broker acknowledged it, so every row in the table is pending:
-- rows sent before that change go, and the primary key on seq is the only index the relay needs.
-- The event id is a random UUID made once per row; a unique index on it guarded nothing and cost an
-- index entry per event. (sent_at stays for compatibility; it is always null from here on.)
delete from outbox_event where sent_at is not null;
drop index outbox_event_pending;
alter table outbox_event drop constraint outbox_event_id_key;
