-- Bookings of mcp-calendar. Overlap is impossible by construction: the exclusion constraint
-- refuses two active (HELD or CONFIRMED) bookings of one professional whose blocked ranges
-- [starts_at, blocked_until) intersect. blocked_until = ends_at + the service's buffer.
-- btree_gist gives GiST the "=" on text needed for tenant_id/professional_id; extensions are per
-- database, so when another schema already installed it this is a no-op (default operator classes
-- are found regardless of schema).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE booking (
    id                uuid        PRIMARY KEY,
    tenant_id         text        NOT NULL,
    short_code        text        NOT NULL,
    idempotency_key   text        NOT NULL,
    status            text        NOT NULL,
    service_id        text        NOT NULL,
    service_name      text,
    professional_id   text        NOT NULL,
    professional_name text,
    customer_id       text        NOT NULL,
    customer_name     text,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    blocked_until     timestamptz NOT NULL,
    time_zone         text        NOT NULL,
    notes             text,
    channel           text,
    hold_expires_at   timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 0,
    CONSTRAINT booking_status_known
        CHECK (status IN ('HELD', 'CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW', 'EXPIRED')),
    CONSTRAINT booking_interval_valid CHECK (ends_at > starts_at AND blocked_until >= ends_at),
    CONSTRAINT booking_hold_expires CHECK (status <> 'HELD' OR hold_expires_at IS NOT NULL),
    CONSTRAINT booking_short_code_unique UNIQUE (tenant_id, short_code),
    CONSTRAINT booking_idempotency_unique UNIQUE (tenant_id, idempotency_key),
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (
        tenant_id WITH =,
        professional_id WITH =,
        tstzrange(starts_at, blocked_until, '[)') WITH &&
    ) WHERE (status IN ('HELD', 'CONFIRMED'))
);

CREATE INDEX booking_customer_idx ON booking (tenant_id, customer_id, starts_at);
CREATE INDEX booking_professional_idx ON booking (tenant_id, professional_id, starts_at);
CREATE INDEX booking_held_expiry_idx ON booking (hold_expires_at) WHERE status = 'HELD';

-- Transactional outbox of booking events for mcp-booking-log: written in the same transaction as
-- the booking change, delivered (and deleted) by BookingLogRelay with retries and backoff.
CREATE TABLE booking_event_outbox (
    event_id        uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    booking_id      uuid        NOT NULL,
    type            text        NOT NULL,
    actor           text        NOT NULL,
    customer_id     text,
    professional_id text,
    occurred_at     timestamptz NOT NULL,
    before_state    jsonb,
    after_state     jsonb,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    seq             bigserial   NOT NULL
);

CREATE INDEX booking_event_outbox_due_idx ON booking_event_outbox (next_attempt_at, seq);
