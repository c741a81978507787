-- link_stats (which activation links led to bookings) reads the tenant's events of one type over a time range:
-- link accesses in [from, to), then each customer's confirmations after their access (booking_events_by_customer).
create index booking_events_by_type on booking_events (tenant_id, type, occurred_at desc);
