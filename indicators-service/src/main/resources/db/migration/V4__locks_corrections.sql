-- Months of a closed quarter: values are refused unless a correction window is open for the park.
create table period_lock (
    period         char(7)       primary key,
    quarter        varchar(7)    not null,
    assessment_id  uuid          not null,
    revision       integer       not null,
    locked_at      timestamptz   not null
);

-- A bureau admin's correction window for one park and month, with its reason; kept forever.
create table correction_window (
    id          bigserial      primary key,
    park_code   varchar(32)    not null references park (code),
    period      char(7)        not null,
    reason      varchar(500)   not null,
    opened_by   varchar(200)   not null,
    opened_at   timestamptz    not null,
    expires_at  timestamptz    not null,
    closed_by   varchar(200),
    closed_at   timestamptz
);
create index correction_window_open on correction_window (park_code, period) where closed_at is null;
