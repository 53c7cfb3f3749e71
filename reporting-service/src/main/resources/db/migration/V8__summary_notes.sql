-- Sections of a written summary that people write themselves (主要工作及成效, 存在的问题和建议,
-- 下步工作打算), every save kept as a version with who wrote it (docs/reporting.md). Not rebuilt from
-- events: this service owns them.
create table summary_note (
    scope       varchar(32)   not null,
    period      varchar(7)    not null,
    section     varchar(16)   not null check (section in ('HIGHLIGHTS', 'ISSUES', 'NEXT_STEPS')),
    version     integer       not null check (version >= 1),
    text        varchar(5000) not null,
    written_by  varchar(200)  not null,
    written_at  timestamptz   not null,
    primary key (scope, period, section, version)
);
