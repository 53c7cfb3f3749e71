-- A ranking reads one indicator and month for every park: with park and value in the index it is an
-- index-only scan instead of one heap page per park (2,700 at national scale; docs/benchmarks.md).
create index indicator_fact_ranking_covering on indicator_fact (indicator_code, period) include (park_code, value);
drop index indicator_fact_ranking;
