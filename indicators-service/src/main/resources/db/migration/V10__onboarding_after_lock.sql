-- When this service learned of a lock: a park registered after it was not part of the assessment that
-- locked the month, so its history for the month is an onboarding load, not a correction
-- (docs/indicators.md, "Parks that join mid-year").
alter table period_lock add column recorded_at timestamptz;
update period_lock set recorded_at = locked_at;
alter table period_lock alter column recorded_at set not null;
alter table period_lock alter column recorded_at set default now();
