-- A review flag's life (docs/indicators.md, 数据核查): the park explains the value (说明), the bureau
-- clears the flag (the value stands) or rejects the explanation, and a new version of the value closes
-- the flags raised by the versions before it. A closed flag keeps cleared_at/by/note, as before.
alter table value_flag
    add column status       varchar(12)  not null default 'OPEN'
        check (status in ('OPEN', 'EXPLAINED', 'REJECTED', 'CLEARED', 'SUPERSEDED')),
    add column explanation  varchar(500),
    add column explained_by varchar(200),
    add column explained_at timestamptz,
    add column rejected_by  varchar(200),
    add column rejected_at  timestamptz,
    add column reject_note  varchar(500);
update value_flag set status = 'CLEARED' where cleared_at is not null;
-- A new version looks up the open flags of its own value.
create index value_flag_open_value on value_flag (park_code, indicator_code, period) where cleared_at is null;
