-- A park's narrative report (工作总结, 工作情况汇报) kept as it was uploaded, with the draft of figures read from
-- it (docs/narrative-import.md). The document is evidence: who sent it, when, its SHA-256 and size, so a
-- figure confirmed from it can be traced to the exact bytes. The draft is stored as JSON because it is read
-- and written whole, never queried by its rows; it only becomes data through the batch path on confirmation.
create table narrative_report (
    id                 bigserial      primary key,
    park_code          varchar(32)    not null references park (code),
    file_name          varchar(200),
    content_type       varchar(100)   not null,
    size_bytes         integer        not null check (size_bytes > 0),
    sha256             char(64)       not null,
    content            bytea          not null,
    text               text           not null,
    detected_period    char(7),
    detected_evidence  varchar(100),
    period             char(7),
    period_overridden  boolean        not null,
    draft              text           not null,
    status             varchar(12)    not null check (status in ('DRAFT', 'CONFIRMED')),
    uploaded_by        varchar(200)   not null,
    uploaded_at        timestamptz    not null,
    confirmed_by       varchar(200),
    confirmed_at       timestamptz,
    outcome            text,
    version            bigint         not null
);
create index narrative_report_park on narrative_report (park_code, uploaded_at);

-- Which stored value versions a confirmation wrote: the audit trail says NARRATIVE (its source is a short code
-- shared by every path), this says from which document, so each confirmed figure traces to the exact bytes.
create table narrative_report_value (
    report_id       bigint         not null references narrative_report (id),
    park_code       varchar(32)    not null,
    indicator_code  varchar(64)    not null,
    period          char(7)        not null,
    version         bigint         not null,
    primary key (report_id, indicator_code, period)
);
create index narrative_report_value_value on narrative_report_value (park_code, indicator_code, period, version);
