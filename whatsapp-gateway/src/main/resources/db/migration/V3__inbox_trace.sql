-- The W3C traceparent of the request that stored the message (null when none), so the forward to backend-api
-- stays in the trace of the webhook that brought the message.
alter table inbox add column trace_parent text;
