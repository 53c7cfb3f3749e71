-- What cross-domain figures need: how leads became projects, what was invested and arrived, and problems.
alter table project_fact
    add column lead_id              uuid,
    add column key_level            varchar(16),
    add column signed_on            date,
    add column started_on           date,
    add column completed_on         date,
    add column production_on        date,
    add column investment_completed numeric(18, 4);
create index project_fact_lead on project_fact (lead_id);

alter table lead_fact
    add column signed_on             date,
    add column landed_on             date,
    add column contracted_investment numeric(18, 4);

create table funds_fact (
    lead_id   uuid           not null,
    period    varchar(7)     not null,
    park_code varchar(32)    not null,
    amount    numeric(18, 4) not null,
    revision  integer        not null,
    primary key (lead_id, period)
);

create table problem_fact (
    id          uuid         primary key,
    project_id  uuid         not null,
    park_code   varchar(32)  not null,
    raised_on   date         not null,
    resolved_on date,
    version     bigint       not null
);
