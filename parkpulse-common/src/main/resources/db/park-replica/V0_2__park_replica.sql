-- A service's local copy of the park registry, fed by parkpulse.parks (owned by indicators-service).
create table park_replica (
    code               varchar(32)   primary key,
    name               varchar(200)  not null,
    level              varchar(32)   not null,
    kind               varchar(32)   not null,
    district           varchar(100),
    peer_group         varchar(64),
    developed_land_mu  numeric(14, 2),
    status             varchar(16)   not null,
    version            bigint        not null
);
