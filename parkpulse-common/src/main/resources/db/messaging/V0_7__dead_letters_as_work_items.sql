-- A dead letter is a work item an operator resolves: it keeps what is needed to re-process the record without
-- Kafka (key, headers, payload), how often it failed, and how it ended. Rows are never deleted: a discard stays
-- as its audit (who, when, why). Add-only: rows written before this keep their columns, with what they lack
-- left null (they cannot be re-processed, only discarded).
alter table dead_lettered_event
    add column record_key       text,
    add column event_type       varchar(200),
    add column headers          text,
    add column payload          text,
    add column first_attempt_at timestamptz,
    add column last_attempt_at  timestamptz,
    add column attempts         integer      not null default 1,
    add column status           varchar(20)  not null default 'OPEN',
    add column resolved_at      timestamptz,
    add column resolved_by      varchar(200),
    add column discard_reason   varchar(1000);

update dead_lettered_event set first_attempt_at = dead_at, last_attempt_at = dead_at;
alter table dead_lettered_event alter column first_attempt_at set default now();
alter table dead_lettered_event alter column last_attempt_at set default now();

-- A record dead-lettered again (a rebuild replays it) is found by its event id, or by where it was read.
create index dead_lettered_event_event on dead_lettered_event (event_id);
create index dead_lettered_event_source on dead_lettered_event (topic, partition_no, record_offset);
-- The operator's list: the open ones first, newest failure first.
create index dead_lettered_event_status on dead_lettered_event (status, id);
