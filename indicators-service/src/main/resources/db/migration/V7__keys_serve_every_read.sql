-- Every value and every audit row is written once per change and read far less often, and every
-- read of them names a park: a park's months (its reports, figures, templates, the checks of a new
-- value), or the city's parks one by one (the city table, completeness). So each table keeps one
-- index, its primary key, in the order those reads walk: park, month, indicator. An index entry is
-- most of what writing a value costs PostgreSQL (measured in docs/benchmarks.md).

-- Values: (park, month, indicator) replaces (park, indicator, month) plus a second index on
-- (month, indicator) that only the city-wide reads used; they now probe the key park by park.
alter table indicator_value drop constraint indicator_value_pkey;
drop index indicator_value_period;
alter table indicator_value add constraint indicator_value_pkey primary key (park_code, period, indicator_code);

-- Audit rows: the key ends in the id, so a value's history and a park's changes over months are one
-- index. The id alone had an index nothing reads by; ids stay unique because they come from one
-- sequence and nothing else writes them.
alter table value_audit drop constraint value_audit_pkey;
drop index value_audit_park_period;
alter table value_audit add constraint value_audit_pkey primary key (park_code, period, indicator_code, id);
