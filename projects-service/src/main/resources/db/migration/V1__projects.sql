create table project (
    id                 uuid           primary key,
    park_code          varchar(32)    not null,
    name               varchar(200)   not null,
    kind               varchar(32)    not null,
    industry           varchar(100),
    enterprise         varchar(200),
    stage              varchar(32)    not null,
    total_investment   numeric(18, 4) not null check (total_investment >= 0),
    version            bigint         not null default 0,
    created_at         timestamptz    not null,
    created_by         varchar(200)   not null,
    updated_at         timestamptz    not null
);
create index project_park on project (park_code);
