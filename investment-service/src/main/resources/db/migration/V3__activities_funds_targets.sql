-- Investment activities, funds in place per lead and month, and the bureau's targets per park and period.
create table activity (
    id          uuid          primary key,
    park_code   varchar(32)   not null,
    kind        varchar(32)   not null,
    held_on     date          not null,
    title       varchar(200)  not null,
    location    varchar(200),
    led_by      varchar(100),
    notes       varchar(2000),
    version     bigint        not null default 0,
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null,
    updated_at  timestamptz   not null
);
create index activity_park on activity (park_code, held_on);

create table activity_lead (
    activity_id uuid not null references activity (id) on delete cascade,
    lead_id     uuid not null references lead (id),
    primary key (activity_id, lead_id)
);
create index activity_lead_lead on activity_lead (lead_id);

create table funds_in_place (
    lead_id     uuid           not null references lead (id),
    period      varchar(7)     not null,
    park_code   varchar(32)    not null,
    source      varchar(32)    not null,
    amount      numeric(18, 4) not null check (amount >= 0),
    amount_usd  numeric(18, 4) check (amount_usd >= 0),
    revision    integer        not null,
    reported_by varchar(200)   not null,
    reported_at timestamptz    not null,
    primary key (lead_id, period)
);
create index funds_in_place_park on funds_in_place (park_code, period);

create table investment_target (
    park_code         varchar(32)    not null,
    period            varchar(7)     not null,
    effective_leads   integer        check (effective_leads >= 0),
    investor_meetings integer        check (investor_meetings >= 0),
    leader_trips      integer        check (leader_trips >= 0),
    packaged_projects integer        check (packaged_projects >= 0),
    promotion_events  integer        check (promotion_events >= 0),
    signed_projects   integer        check (signed_projects >= 0),
    funds_in_place    numeric(18, 4) check (funds_in_place >= 0),
    version           bigint         not null default 0,
    created_at        timestamptz    not null,
    created_by        varchar(200)   not null,
    updated_at        timestamptz    not null,
    primary key (park_code, period)
);
