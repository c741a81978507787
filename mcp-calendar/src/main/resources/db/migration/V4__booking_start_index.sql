-- list_bookings (the console's calendar) reads a tenant's bookings by start time, one page per query
CREATE INDEX booking_start_idx ON booking (tenant_id, starts_at, id);
