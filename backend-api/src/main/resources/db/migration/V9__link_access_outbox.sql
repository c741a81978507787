-- Accesses through a project's activation-code links (wa.me/<number>?text=CODE) on their way to mcp-booking-log's
-- link_accessed events (linkaccess.LinkAccessRelay): written in the transaction that stores the patient's message, so
-- the turn never waits for the booking log nor fails when it is down; deleted once delivered.
create table link_access_outbox (
    id              uuid primary key,
    project_id      text        not null references project (id) on delete cascade,
    code            text        not null,
    action          text        not null,
    channel         text        not null,
    customer_id     text        not null,
    accessed_at     timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
create index link_access_outbox_due on link_access_outbox (next_attempt_at);
create index link_access_outbox_customer on link_access_outbox (project_id, customer_id);
