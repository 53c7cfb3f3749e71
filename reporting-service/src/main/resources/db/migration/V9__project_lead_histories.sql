-- A summary of a past month must use the stage and progress of that month's end, not today's.
-- Every project and lead event adds its (stage, since) here, keyed by the entity's version, so that a
-- repeated event adds nothing; the stage as of a day is the row with the latest `stage_since` on or before it.
create table project_stage_fact (
    project_id  uuid         not null,
    version     bigint       not null,
    park_code   varchar(32)  not null,
    stage       varchar(32)  not null,
    stage_since date,
    primary key (project_id, version)
);
create index project_stage_fact_since on project_stage_fact (project_id, stage_since);

-- Each month's progress report as last revised: what a summary states for the month and the months after.
create table project_progress_fact (
    project_id           uuid           not null,
    period               varchar(7)     not null,
    park_code            varchar(32)    not null,
    investment_completed numeric(18, 4) not null,
    investment_this_year numeric(18, 4) not null,
    physical_progress    numeric(7, 2)  not null,
    milestones           varchar(2000),
    revision             integer        not null,
    primary key (project_id, period)
);

create table lead_stage_fact (
    lead_id     uuid         not null,
    version     bigint       not null,
    park_code   varchar(32)  not null,
    stage       varchar(32)  not null,
    stage_since date,
    primary key (lead_id, version)
);

-- Databases that already hold facts keep what they know until the next rebuild replays the histories.
insert into project_stage_fact (project_id, version, park_code, stage, stage_since)
select id, version, park_code, stage, stage_since from project_fact;
insert into project_progress_fact (project_id, period, park_code, investment_completed, investment_this_year,
                                   physical_progress, revision)
select id, progress_period, park_code, coalesce(investment_completed, 0), coalesce(investment_this_year, 0),
       coalesce(physical_progress, 0), 0
  from project_fact where progress_period is not null;
insert into lead_stage_fact (lead_id, version, park_code, stage, stage_since)
select id, version, park_code, stage, null from lead_fact;
