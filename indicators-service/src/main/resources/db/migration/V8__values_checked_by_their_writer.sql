-- A value's park and indicator are checked by the only writer, in the value's own transaction: the
-- park before its lock is taken, the indicator against the catalog read in the same transaction.
-- The foreign keys checked them again, row by row, and every check share-locked the park's row and
-- the indicator's: concurrent reports of different parks all locked the same catalog rows (which
-- PostgreSQL records as multixacts), and inserting a value cost more than twice as much (measured in
-- docs/benchmarks.md, import). What the keys also guaranteed — a park or indicator a value names never
-- disappears — the triggers below keep: parks are closed and indicators retired, never deleted, and
-- a code never changes. (Targets, land and corrections are written rarely and keep their keys.)
alter table indicator_value drop constraint indicator_value_park_code_fkey;
alter table indicator_value drop constraint indicator_value_indicator_code_fkey;

create function refuse_to_lose_a_code() returns trigger language plpgsql as $$
begin
    raise exception '% % is referenced by reported values: close or retire it instead of deleting or renaming it',
        tg_table_name, old.code using errcode = 'restrict_violation';
end $$;

create trigger park_never_deleted before delete on park
    for each row execute function refuse_to_lose_a_code();
create trigger park_code_never_changed before update of code on park
    for each row when (old.code is distinct from new.code) execute function refuse_to_lose_a_code();
create trigger indicator_never_deleted before delete on indicator
    for each row execute function refuse_to_lose_a_code();
create trigger indicator_code_never_changed before update of code on indicator
    for each row when (old.code is distinct from new.code) execute function refuse_to_lose_a_code();
