-- Values stored but flagged for review: a jump against last month or the same month last year
-- beyond the configured thresholds (docs/indicators.md). A bureau analyst clears them.
create table value_flag (
    id              bigserial      primary key,
    park_code       varchar(32)    not null,
    indicator_code  varchar(64)    not null,
    period          char(7)        not null,
    version         bigint         not null,
    reason          varchar(40)    not null,
    message         varchar(500)   not null,
    flagged_at      timestamptz    not null,
    cleared_by      varchar(200),
    cleared_at      timestamptz,
    clear_note      varchar(500)
);
create index value_flag_open on value_flag (park_code, period) where cleared_at is null;
