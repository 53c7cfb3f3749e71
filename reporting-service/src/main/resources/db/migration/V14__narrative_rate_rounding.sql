-- The precision each stated rate was written with ("增长4.0%": 0.05), as the report's reader recorded it: the event's
-- JSON writes 4.0 as 4, and the rate alone would then allow 0.5 either side. Null for figures kept before: their
-- rounding is read from the rate, as it was.
alter table narrative_figure_fact
    add column growth_rounding     numeric(12, 6),
    add column completion_rounding numeric(12, 6);
