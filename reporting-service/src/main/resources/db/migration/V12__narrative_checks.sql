-- Parks' narrative reports as indicators-service publishes them, with the figures each states about the park, so
-- that the figures other services own (funds, signed leads, started projects) can be checked against this read
-- model: indicators-service has no copy of them. One row per document, its latest version; its figures are
-- replaced whenever a newer version arrives, never by an older or repeated one.
create table narrative_report_fact (
    id            bigint       primary key,
    park_code     varchar(32)  not null,
    file_name     text,
    status        varchar(16)  not null,
    period        varchar(7),
    uploaded_at   timestamptz  not null,
    confirmed_at  timestamptz,
    version       bigint       not null
);
create index narrative_report_fact_park on narrative_report_fact (park_code, uploaded_at desc);

-- The figures as the report states them: value in unit (the catalog's, or the owner's), rounding half a unit of
-- the last written digit in that unit, growth and completion in % as written. Numbers are kept exactly as sent.
create table narrative_figure_fact (
    report_id       bigint   not null,
    ordinal         integer  not null,
    code            text     not null,
    owner           text     not null,
    period          varchar(7),
    value           numeric  not null,
    unit            text     not null,
    rounding        numeric  not null,
    stated          text     not null,
    growth_pct      numeric,
    completion_pct  numeric,
    sentence        text     not null,
    span_start      integer  not null,
    span_end        integer  not null,
    primary key (report_id, ordinal)
);

-- Funds by source (市外 / 省外 / 境外) and foreign funds in 万美元, as the funds events carry them. Rows kept before
-- this migration have neither until the next rebuild replays their events.
alter table funds_fact
    add column source     varchar(20),
    add column amount_usd numeric(18, 4);

-- The checks read one park's year to date at a time.
create index funds_fact_park_period on funds_fact (park_code, period);
create index lead_fact_park_signed on lead_fact (park_code, signed_on);
create index project_fact_park on project_fact (park_code);
