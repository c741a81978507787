-- booking_stats counts bookings made per day (by creation time)
CREATE INDEX booking_created_idx ON booking (tenant_id, created_at);
