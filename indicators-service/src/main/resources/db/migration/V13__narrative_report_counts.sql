-- The counts a list of narrative reports shows, kept with each report so that the list neither reads every draft
-- nor loads the documents' bytes and text: proposed_rows, the values the draft proposes to store (its catalog
-- figures, scope PARK: a pipeline figure is only checked), set at upload; confirmed_rows, the rows the confirming
-- person sent, set at confirmation (null before), as narrative-report-confirmed.v1 states them.
alter table narrative_report
    add column proposed_rows  integer,
    add column confirmed_rows integer;

-- Reports kept before: the draft is a JSON array of the extractor's figures, each with its scope; the outcome is
-- the batch's answer, one element of rows per row sent.
update narrative_report n
   set proposed_rows = (select count(*) from jsonb_array_elements(n.draft::jsonb) f where f ->> 'scope' = 'PARK');
update narrative_report
   set confirmed_rows = jsonb_array_length(outcome::jsonb -> 'rows')
 where status = 'CONFIRMED' and outcome is not null and jsonb_typeof(outcome::jsonb -> 'rows') = 'array';

alter table narrative_report
    alter column proposed_rows set not null,
    add constraint narrative_report_proposed_rows check (proposed_rows >= 0),
    add constraint narrative_report_confirmed_rows check (confirmed_rows >= 0);
