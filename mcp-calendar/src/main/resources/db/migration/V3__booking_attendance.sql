-- What the patient answered to a reminder: CONFIRMED (will attend), CANCELLED (cancelled from a reminder);
-- NULL = no answer yet. A move clears it (the new time has not been confirmed).
ALTER TABLE booking ADD COLUMN attendance text;
ALTER TABLE booking ADD COLUMN attendance_at timestamptz;
ALTER TABLE booking ADD CONSTRAINT booking_attendance_known CHECK (attendance IN ('CONFIRMED', 'CANCELLED'));
