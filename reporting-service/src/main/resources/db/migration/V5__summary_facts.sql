-- What the written summary needs beyond the figures: a project's schedule facts (so that its battle-map
-- colour can be judged as of any month with the same rules as projects-service) and a problem's text.
-- Filled by the next event of each project or problem, or at once by a rebuild.
alter table project_fact
    add column stage_since              date,
    add column plan_year                integer,
    add column year_planned_investment  numeric(18, 4),
    add column investment_this_year     numeric(18, 4),
    add column physical_progress        numeric(7, 2),
    add column progress_period          varchar(7),
    add column planned_start            date,
    add column planned_completion       date;

alter table problem_fact
    add column description  varchar(1000),
    add column department   varchar(200),
    add column due_on       date;
