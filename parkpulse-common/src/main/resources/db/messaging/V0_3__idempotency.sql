-- A repeated request with the same Idempotency-Key gets the first answer (see IdempotencyStore).
create table idempotency_key (
    scope          varchar(200)  not null,
    idem_key       varchar(200)  not null,
    request_hash   varchar(64)   not null,
    status         integer       not null,
    response       text          not null,
    created_at     timestamptz   not null default now(),
    primary key (scope, idem_key)
);
