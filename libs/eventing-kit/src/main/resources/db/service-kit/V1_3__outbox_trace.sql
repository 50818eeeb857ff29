-- The trace (W3C traceparent) and request id an event was made in: the relay sends them as record headers, so the
-- consumer's work joins the request's trace and its log lines carry the request id.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(100), ADD COLUMN request_id VARCHAR(100);
