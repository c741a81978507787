-- Durable inbox: every inbound WhatsApp message is committed here before the provider gets its 200.
create table inbox (
    id                  bigserial primary key,
    tenant_id           text        not null,
    provider            text        not null,
    provider_message_id text        not null,
    from_number         text        not null,
    customer_name       text,
    kind                text        not null,            -- text | interactive | media
    text                text        not null default '',
    sent_at             timestamptz not null,            -- when the user sent it (provider timestamp)
    received_at         timestamptz not null default now(),
    status              text        not null default 'pending', -- pending | done | failed
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null default now(),
    claimed_by          text,
    claimed_until       timestamptz,
    last_error          text,
    done_at             timestamptz,
    constraint inbox_dedupe unique (tenant_id, provider_message_id)
);
create index inbox_pending on inbox (id) where status = 'pending';
create index inbox_pending_user on inbox (tenant_id, from_number, id) where status = 'pending';

-- Durable outbox: replies (written in the transaction that marks their inbox row done) and staff messages.
create table outbox (
    id                  bigserial primary key,
    tenant_id           text        not null,
    inbox_id            bigint      unique references inbox (id),
    to_number           text        not null,
    kind                text        not null,            -- text | buttons | list | template
    body                jsonb       not null,            -- the message as the provider-neutral OutgoingMessage
    idempotency_key     uuid        not null unique,
    status              text        not null default 'pending', -- pending | sending | sent | failed | unknown
    provider_message_id text,
    delivery_status     text,                            -- sent | delivered | read | failed (provider callbacks)
    error_code          text,
    last_error          text,
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null default now(),
    claimed_by          text,
    claimed_until       timestamptz,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    status_at           timestamptz
);
create index outbox_open on outbox (id) where status in ('pending', 'sending');
create index outbox_open_user on outbox (tenant_id, to_number, id) where status in ('pending', 'sending');
create index outbox_provider_id on outbox (provider_message_id);

-- Single writer: one row per lease, renewed by the active instance's heartbeat.
create table gateway_lease (
    name       text primary key,
    owner      text        not null,
    expires_at timestamptz not null
);

-- 24-hour customer service window (Cloud API): last inbound message per user.
create table customer_window (
    tenant_id       text        not null,
    number          text        not null,
    last_inbound_at timestamptz not null,
    primary key (tenant_id, number)
);

-- Allowed-numbers filter set from the console (overrides the configured list; empty = everyone).
create table allowed_numbers (
    tenant_id  text primary key,
    numbers    text[]      not null,
    updated_at timestamptz not null default now()
);

-- WhatsApp Web session files (Cobalt's protobuf store), so a restart reconnects without a new QR.
create table web_session_file (
    tenant_id     text        not null,
    relative_path text        not null,
    content       bytea       not null,
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, relative_path)
);

-- The simulator plays WhatsApp's side: its transcript outlives gateway crashes and dedupes by message id.
create table simulator_message (
    id                bigserial primary key,
    tenant_id         text        not null,
    phone             text        not null,
    direction         text        not null,   -- in (user -> bot) | out (bot -> user)
    message_id        text        not null unique,
    body              jsonb       not null,
    delivery_attempts int         not null default 1,
    created_at        timestamptz not null default now()
);
create index simulator_message_phone on simulator_message (tenant_id, phone, id);
