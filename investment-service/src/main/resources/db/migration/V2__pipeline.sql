-- The full lead, its dated pipeline history, and why leads are dropped.
alter table lead
    add column capital_place          varchar(100),
    add column intended_investment_usd numeric(18, 4) check (intended_investment_usd >= 0),
    add column owner                  varchar(100),
    add column notes                  varchar(2000),
    add column stage_since            date,
    add column agreement_type         varchar(16),
    add column contracted_investment  numeric(18, 4) check (contracted_investment >= 0),
    add column signed_on              date,
    add column landed_on              date,
    add column land_supplied          boolean not null default false,
    add column drop_reason            varchar(32),
    add column drop_note              varchar(500);
update lead set stage_since = created_at::date where stage_since is null;
alter table lead alter column stage_since set not null;
create index lead_park_stage on lead (park_code, stage);

create table lead_stage_change (
    id          bigserial     primary key,
    lead_id     uuid          not null references lead (id),
    from_stage  varchar(32),
    to_stage    varchar(32)   not null,
    changed_on  date          not null,
    note        varchar(500),
    changed_by  varchar(200)  not null,
    recorded_at timestamptz   not null
);
create index lead_stage_change_lead on lead_stage_change (lead_id, id);
insert into lead_stage_change (lead_id, from_stage, to_stage, changed_on, changed_by, recorded_at)
select id, null, stage, created_at::date, created_by, created_at from lead;
