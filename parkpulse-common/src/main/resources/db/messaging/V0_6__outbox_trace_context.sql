-- The W3C trace context of the request that wrote an event, so that the relay, which sends later from
-- another thread, can hand it on (ce_traceparent, ce_tracestate) and the consumer's work joins the same
-- trace. Nullable and add-only: rows written by the release before carry none, and that release ignores them.
alter table outbox_event add column traceparent varchar(55);
alter table outbox_event add column tracestate varchar(512);
