create table lead (
    id                   uuid           primary key,
    park_code            varchar(32)    not null,
    project_name         varchar(200)   not null,
    investor             varchar(200)   not null,
    capital_origin       varchar(32)    not null,
    industry             varchar(100),
    intended_investment  numeric(18, 4) not null check (intended_investment >= 0),
    stage                varchar(32)    not null,
    version              bigint         not null default 0,
    created_at           timestamptz    not null,
    created_by           varchar(200)   not null,
    updated_at           timestamptz    not null
);
create index lead_park on lead (park_code);
