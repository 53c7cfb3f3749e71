-- Targets for completion figures, assessment schemes (versioned), runs and their immutable results.
create table target_fact (
    park_code          varchar(32)    not null,
    indicator_code     varchar(64)    not null,
    year               integer        not null,
    annual             numeric(24, 6),
    q1                 numeric(24, 6),
    q2                 numeric(24, 6),
    q3                 numeric(24, 6),
    planned_growth_pct numeric(9, 4),
    unit               varchar(32),
    version            bigint         not null,
    primary key (park_code, indicator_code, year)
);

create table assessment_scheme (
    code        varchar(64)   not null,
    version     integer       not null,
    name        varchar(200)  not null,
    definition  text          not null,
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null,
    primary key (code, version)
);

create table assessment (
    id             uuid          primary key,
    quarter        varchar(7)    not null,
    revision       integer       not null,
    scheme_code    varchar(64)   not null,
    scheme_version integer       not null,
    as_of          varchar(7)    not null,
    trigger        varchar(16)   not null,
    reason         varchar(500),
    run_at         timestamptz   not null,
    run_by         varchar(200)  not null,
    unique (quarter, revision),
    foreign key (scheme_code, scheme_version) references assessment_scheme (code, version)
);

-- Written once with the run, never updated: the inputs used and every score are in breakdown (JSON).
create table assessment_result (
    assessment_id uuid          not null references assessment (id),
    park_code     varchar(32)   not null,
    park_name     varchar(100)  not null,
    peer_group    varchar(64),
    total         numeric(9, 2) not null,
    rank          integer,
    rank_change   integer,
    tier          varchar(32),
    disqualified  boolean       not null,
    breakdown     text          not null,
    primary key (assessment_id, park_code)
);

-- Bonuses, deductions and disqualifying events the bureau records for a quarter before its run.
create table assessment_adjustment (
    quarter    varchar(7)    not null,
    park_code  varchar(32)   not null,
    code       varchar(64)   not null,
    count      integer       not null check (count > 0),
    note       varchar(500),
    primary key (quarter, park_code, code)
);

-- The scheduler claims a quarter here before running it: a misfire or a second instance finds it taken.
create table assessment_schedule_guard (
    quarter    varchar(7)    primary key,
    claimed_at timestamptz   not null,
    claimed_by varchar(200)  not null
);
