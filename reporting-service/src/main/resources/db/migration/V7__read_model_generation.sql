-- Rankings are cached in memory; this counter says when the data behind them changed. Statement-level
-- triggers bump it in the same transaction as the change, whoever makes it (an event handler, a rebuild's
-- truncate, a hand-made fix), so every reporting-service instance sees it on its next request.
create table read_model_generation (
    id          integer primary key check (id = 1),
    generation  bigint  not null
);
insert into read_model_generation values (1, 0);

create function bump_read_model_generation() returns trigger language plpgsql as $$
begin
    update read_model_generation set generation = generation + 1 where id = 1;
    return null;
end $$;

create trigger indicator_fact_generation after insert or update or delete or truncate on indicator_fact
    for each statement execute function bump_read_model_generation();
create trigger park_replica_generation after insert or update or delete or truncate on park_replica
    for each statement execute function bump_read_model_generation();
