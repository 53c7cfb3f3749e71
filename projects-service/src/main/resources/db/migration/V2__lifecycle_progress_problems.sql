-- The full project record, its stage history, monthly progress with its audit, and the problem ledger.
alter table project
    add column key_level               varchar(16)    not null default 'NONE',
    add column plan_year               integer,
    add column year_planned_investment numeric(18, 4) check (year_planned_investment >= 0),
    add column land_mu                 numeric(14, 4) check (land_mu >= 0),
    add column floor_area_m2           numeric(14, 2) check (floor_area_m2 >= 0),
    add column planned_start           date,
    add column planned_completion      date,
    add column leader                  varchar(100),
    add column liaison                 varchar(100),
    add column liaison_phone           varchar(40),
    add column lead_id                 uuid,
    add column signed_on               date,
    add column stage_since             date,
    add column suspended_from          varchar(32),
    add column started_on              date,
    add column completed_on            date,
    add column production_on           date,
    add column terminated_reason       varchar(500),
    add column investment_completed    numeric(18, 4),
    add column investment_this_year    numeric(18, 4),
    add column physical_progress       numeric(5, 2),
    add column progress_period         varchar(7),
    add constraint project_dates check (planned_completion is null or planned_start is null or planned_completion >= planned_start);
update project set signed_on = created_at::date, stage_since = created_at::date where signed_on is null;
alter table project alter column signed_on set not null, alter column stage_since set not null;
-- A lead becomes at most one project, however often its landing is told.
create unique index project_lead on project (lead_id) where lead_id is not null;
create index project_park_stage on project (park_code, stage);

create table project_stage_change (
    id          bigserial     primary key,
    project_id  uuid          not null references project (id),
    from_stage  varchar(32),
    to_stage    varchar(32)   not null,
    changed_on  date          not null,
    reason      varchar(500),
    changed_by  varchar(200)  not null,
    recorded_at timestamptz   not null
);
create index project_stage_change_project on project_stage_change (project_id, id);
insert into project_stage_change (project_id, from_stage, to_stage, changed_on, changed_by, recorded_at)
select id, null, stage, signed_on, created_by, created_at from project;

create table project_progress (
    project_id           uuid           not null references project (id),
    period               varchar(7)     not null,
    investment_completed numeric(18, 4) not null check (investment_completed >= 0),
    investment_this_year numeric(18, 4) not null check (investment_this_year >= 0),
    physical_progress    numeric(5, 2)  not null check (physical_progress between 0 and 100),
    milestones           varchar(2000),
    revision             integer        not null,
    reported_by          varchar(200)   not null,
    reported_at          timestamptz    not null,
    primary key (project_id, period)
);

-- Every filing and revision of a progress report, as it was.
create table project_progress_audit (
    id                   bigserial      primary key,
    project_id           uuid           not null,
    period               varchar(7)     not null,
    revision             integer        not null,
    investment_completed numeric(18, 4) not null,
    investment_this_year numeric(18, 4) not null,
    physical_progress    numeric(5, 2)  not null,
    milestones           varchar(2000),
    correction_reason    varchar(500),
    reported_by          varchar(200)   not null,
    reported_at          timestamptz    not null
);
create index project_progress_audit_project on project_progress_audit (project_id, period, revision);

create table project_problem (
    id          uuid          primary key,
    project_id  uuid          not null references project (id),
    park_code   varchar(32)   not null,
    description varchar(2000) not null,
    raised_on   date          not null,
    department  varchar(200),
    due_on      date,
    status      varchar(16)   not null,
    resolution  varchar(2000),
    resolved_on date,
    version     bigint        not null default 0,
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null,
    updated_at  timestamptz   not null,
    check (resolved_on is null or resolved_on >= raised_on),
    check (due_on is null or due_on >= raised_on)
);
create index project_problem_park on project_problem (park_code, raised_on);
create index project_problem_project on project_problem (project_id);
