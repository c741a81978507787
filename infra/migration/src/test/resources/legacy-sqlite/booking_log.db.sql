-- mcp-servers/booking-log-mcp-server/main.py, init_db
CREATE TABLE IF NOT EXISTS booking_logs (
    log_id TEXT PRIMARY KEY,
    booking_code TEXT NOT NULL UNIQUE,
    customer_name TEXT NOT NULL,
    customer_id TEXT,
    date_iso TEXT NOT NULL,
    time_iso TEXT NOT NULL,
    area_id TEXT,
    area_name TEXT,
    specialty_id TEXT,
    specialty_name TEXT,
    professional_id TEXT,
    professional_name TEXT,
    observations TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_logs_booking_code ON booking_logs(booking_code);
CREATE INDEX IF NOT EXISTS idx_logs_customer_id ON booking_logs(customer_id);
CREATE INDEX IF NOT EXISTS idx_logs_date ON booking_logs(date_iso);
CREATE INDEX IF NOT EXISTS idx_logs_professional ON booking_logs(professional_id);
CREATE INDEX IF NOT EXISTS idx_logs_specialty ON booking_logs(specialty_id);
