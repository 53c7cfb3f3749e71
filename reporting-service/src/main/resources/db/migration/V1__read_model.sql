-- The read model: what reporting-service knows, built only from events. It can be dropped and
-- rebuilt by replaying every topic from the start.

create table indicator_fact (
    park_code       varchar(32)    not null,
    indicator_code  varchar(64)    not null,
    period          char(7)        not null,
    indicator_name  varchar(100),
    value           numeric(24, 6) not null,
    unit            varchar(32)    not null,
    version         bigint         not null,
    recorded_at     timestamptz    not null,
    primary key (park_code, indicator_code, period)
);
create index indicator_fact_ranking on indicator_fact (indicator_code, period);

create table project_fact (
    id                uuid           primary key,
    park_code         varchar(32)    not null,
    name              varchar(200)   not null,
    kind              varchar(32)    not null,
    stage             varchar(32)    not null,
    total_investment  numeric(18, 4) not null,
    version           bigint         not null
);

create table lead_fact (
    id                   uuid           primary key,
    park_code            varchar(32)    not null,
    project_name         varchar(200)   not null,
    stage                varchar(32)    not null,
    intended_investment  numeric(18, 4) not null,
    version              bigint         not null
);
