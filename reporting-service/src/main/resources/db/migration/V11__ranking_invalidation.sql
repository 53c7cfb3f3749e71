-- Rankings keep each indicator-month's values in memory (RankingCache). V7's single counter made every
-- change drop all of them; at national scale, with parks submitting all day, that meant rankings were
-- nearly always cold. Now each statement on indicator_fact records which indicator-months it touched,
-- stamped with the counter's new value, so an instance that last looked at generation g re-reads exactly
-- the indicator-months stamped after g. Truncating the values (a rebuild) or any change of the parks
-- (rare: the active set, names and peer groups are part of every kept month) stamps everything_changed_at
-- instead, and instances drop everything. The counter's row lock orders the stamps as the commits.
alter table read_model_generation add column everything_changed_at bigint not null default 0;

create table indicator_month_change (
    indicator_code  varchar(64)  not null,
    period          char(7)      not null,
    generation      bigint       not null,
    primary key (indicator_code, period)
);
create index indicator_month_change_generation on indicator_month_change (generation);

create function next_read_model_generation() returns bigint language sql as $$
    update read_model_generation set generation = generation + 1 where id = 1 returning generation;
$$;

create function indicator_fact_inserted() returns trigger language plpgsql as $$
begin
    insert into indicator_month_change (indicator_code, period, generation)
    select c.indicator_code, c.period, g.generation
      from (select distinct indicator_code, period from new_rows) c, next_read_model_generation() g(generation)
    on conflict (indicator_code, period) do update set generation = excluded.generation;
    return null;
end $$;

create function indicator_fact_updated() returns trigger language plpgsql as $$
begin
    -- Both sides: a hand-made fix may move a value to another indicator or month.
    insert into indicator_month_change (indicator_code, period, generation)
    select c.indicator_code, c.period, g.generation
      from (select indicator_code, period from old_rows union select indicator_code, period from new_rows) c,
           next_read_model_generation() g(generation)
    on conflict (indicator_code, period) do update set generation = excluded.generation;
    return null;
end $$;

create function indicator_fact_deleted() returns trigger language plpgsql as $$
begin
    insert into indicator_month_change (indicator_code, period, generation)
    select c.indicator_code, c.period, g.generation
      from (select distinct indicator_code, period from old_rows) c, next_read_model_generation() g(generation)
    on conflict (indicator_code, period) do update set generation = excluded.generation;
    return null;
end $$;

create function invalidate_every_ranking() returns trigger language plpgsql as $$
begin
    update read_model_generation
       set generation = generation + 1, everything_changed_at = generation + 1
     where id = 1;
    return null;
end $$;

drop trigger indicator_fact_generation on indicator_fact;
drop trigger park_replica_generation on park_replica;

create trigger indicator_fact_inserted after insert on indicator_fact
    referencing new table as new_rows for each statement execute function indicator_fact_inserted();
create trigger indicator_fact_updated after update on indicator_fact
    referencing old table as old_rows new table as new_rows for each statement execute function indicator_fact_updated();
create trigger indicator_fact_deleted after delete on indicator_fact
    referencing old table as old_rows for each statement execute function indicator_fact_deleted();
create trigger indicator_fact_truncated after truncate on indicator_fact
    for each statement execute function invalidate_every_ranking();
create trigger park_replica_changed after insert or update or delete or truncate on park_replica
    for each statement execute function invalidate_every_ranking();
