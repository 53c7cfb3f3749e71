-- A rebuild of the read model is one operation for every reporting-service instance on this database. The row
-- is the claim (at most one RUNNING, by the unique index) and a lease: the instance doing it renews
-- heartbeat_at; a row whose heartbeat is older than the lease belongs to an instance that is gone.
create table read_model_rebuild (
    id             uuid         primary key,
    state          varchar(10)  not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    instance       varchar(200) not null,
    requested_by   varchar(200),
    takes_over     uuid,
    started_at     timestamptz  not null default now(),
    heartbeat_at   timestamptz  not null default now(),
    finished_at    timestamptz,
    applied        bigint       not null default 0,
    duplicates     bigint       not null default 0,
    dead_lettered  bigint       not null default 0,
    error          varchar(2000)
);
create unique index read_model_rebuild_one_running on read_model_rebuild ((true)) where state = 'RUNNING';
create index read_model_rebuild_latest on read_model_rebuild (started_at desc);

-- Where each partition starts and ends for the rebuild (the end captured when it started) and how far it got.
create table read_model_rebuild_partition (
    rebuild_id     uuid         not null references read_model_rebuild (id),
    topic          varchar(200) not null,
    partition_no   integer      not null,
    start_offset   bigint       not null,
    end_offset     bigint       not null,
    position       bigint       not null,
    primary key (rebuild_id, topic, partition_no)
);
