-- Every change of a value: who (from the token), when, old and new, and how it came in.
create table value_audit (
    id              bigserial      primary key,
    park_code       varchar(32)    not null,
    indicator_code  varchar(64)    not null,
    period          char(7)        not null,
    old_value       numeric(24, 6),
    new_value       numeric(24, 6) not null,
    version         bigint         not null,
    source          varchar(16)    not null,
    changed_by      varchar(200)   not null,
    changed_at      timestamptz    not null
);
create index value_audit_value on value_audit (park_code, indicator_code, period);
create index value_audit_park on value_audit (park_code, changed_at);

-- Annual targets per park, indicator and year; quarterly targets are year to date at the end of
-- each quarter (as the figures are), all in the indicator's canonical unit.
create table indicator_target (
    park_code            varchar(32)    not null references park (code),
    indicator_code       varchar(64)    not null references indicator (code),
    year                 integer        not null,
    annual               numeric(24, 6) not null,
    q1                   numeric(24, 6),
    q2                   numeric(24, 6),
    q3                   numeric(24, 6),
    planned_growth_pct   numeric(9, 4),
    version              bigint         not null default 0,
    created_at           timestamptz    not null,
    created_by           varchar(200)   not null,
    updated_at           timestamptz    not null,
    primary key (park_code, indicator_code, year)
);
