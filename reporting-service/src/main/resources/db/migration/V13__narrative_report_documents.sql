-- The document's SHA-256 (lower-case hex), so that the checks keep one report per document: a park that uploads
-- the same file again, or abandons a draft and confirms a re-upload, has its figures listed once. Rows kept before
-- this migration have none and count as documents of their own until a rebuild replays their events.
alter table narrative_report_fact add column sha256 varchar(64);

create index narrative_report_fact_document on narrative_report_fact (park_code, sha256);
