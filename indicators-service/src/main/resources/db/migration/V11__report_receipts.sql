-- The day the bureau received a park's monthly report, registered by a bureau admin (报表签收登记): reports
-- still arrive on paper or by mail, and whether a park reported on time is judged on that day
-- (docs/indicators.md, "Reporting on time").
create table report_receipt (
    park_code    varchar(32)    not null references park (code),
    period       char(7)        not null,
    received_on  date           not null,
    note         varchar(500),
    version      bigint         not null,
    recorded_by  varchar(200)   not null,
    recorded_at  timestamptz    not null,
    primary key (park_code, period)
);
