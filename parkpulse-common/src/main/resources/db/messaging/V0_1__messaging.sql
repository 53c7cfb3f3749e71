-- Shared by every service: the transactional outbox and the consumer's processed-event ledger.

create table outbox_event (
    seq          bigserial primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    event_key    varchar(100) not null,
    type         varchar(200) not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    sent_at      timestamptz,
    attempts     integer      not null default 0,
    last_error   varchar(1000)
);
-- The relay only ever looks at what is still pending, in order.
create index outbox_event_pending on outbox_event (seq) where sent_at is null;

create table processed_event (
    event_id     uuid         primary key,
    topic        varchar(200) not null,
    type         varchar(200) not null,
    processed_at timestamptz  not null default now()
);

create table dead_lettered_event (
    id           bigserial primary key,
    event_id     varchar(100),
    topic        varchar(200) not null,
    partition_no integer      not null,
    record_offset bigint      not null,
    reason       varchar(2000) not null,
    dead_at      timestamptz  not null default now()
);
