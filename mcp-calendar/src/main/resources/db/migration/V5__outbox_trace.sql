-- The W3C traceparent of the request that changed the booking (null outside a trace), so the relay's delivery to
-- mcp-booking-log continues the trace of the message that made the change.
ALTER TABLE booking_event_outbox ADD COLUMN trace_parent text;
