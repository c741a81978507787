-- Google Calendar per professional (see the module README, "Google Calendar").
-- One connection per (tenant, professional): the refresh token is AES-256-GCM ciphertext (nonce || ciphertext || tag,
-- the tenant and professional as associated data), never plain text. sync_token is Google's nextSyncToken of the
-- last events.list; next_sync_at doubles as the claim lease of the sync worker.
CREATE TABLE google_connection (
    tenant_id          text        NOT NULL,
    professional_id    text        NOT NULL,
    account            text,
    calendar_id        text        NOT NULL DEFAULT 'primary',
    refresh_token_enc  bytea       NOT NULL,
    scope              text,
    status             text        NOT NULL,
    sync_token         text,
    full_synced_at     timestamptz,
    last_synced_at     timestamptz,
    next_sync_at       timestamptz NOT NULL,
    last_error         text,
    connected_at       timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, professional_id),
    CONSTRAINT google_connection_status_known CHECK (status IN ('CONNECTED', 'ERROR'))
);

CREATE INDEX google_connection_due_idx ON google_connection (next_sync_at);

-- Busy times read from the professional's calendar (opaque, not cancelled, not declined, not our own booking
-- events); slot search subtracts them like bookings.
CREATE TABLE google_busy (
    tenant_id       text        NOT NULL,
    professional_id text        NOT NULL,
    event_id        text        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, professional_id, event_id),
    CONSTRAINT google_busy_interval_valid CHECK (ends_at > starts_at)
);

CREATE INDEX google_busy_range_idx ON google_busy
    USING gist (tenant_id, professional_id, tstzrange(starts_at, ends_at, '[)'));

-- Booking changes to write to a connected professional's calendar: one row per (booking, professional), written in
-- the transaction of the change; version grows with every later change so a write that raced it is not forgotten.
-- GoogleEventRelay writes the booking's current state (event id derived from the booking id) and deletes the row.
CREATE TABLE google_event_outbox (
    tenant_id       text        NOT NULL,
    booking_id      uuid        NOT NULL,
    professional_id text        NOT NULL,
    version         integer     NOT NULL DEFAULT 1,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, booking_id, professional_id)
);

CREATE INDEX google_event_outbox_due_idx ON google_event_outbox (next_attempt_at);
