-- mcp-booking-log: the append-only audit of booking state changes and link accesses.
-- (tenant_id, event_id) is the idempotency key: the writer's outbox may deliver an event more than once.

create table booking_events (
    tenant_id       text        not null,
    event_id        text        not null,
    seq             bigint      generated always as identity,
    booking_id      text,
    type            text        not null,
    actor           text        not null,
    customer_id     text,
    professional_id text,
    occurred_at     timestamptz not null,
    before          jsonb,
    after           jsonb,
    recorded_at     timestamptz not null default now(),
    primary key (tenant_id, event_id),
    constraint booking_event_type_format check (type ~ '^[a-z][a-z0-9_]{0,39}$')
);

create index booking_events_by_time on booking_events (tenant_id, occurred_at desc, seq desc);
create index booking_events_by_customer on booking_events (tenant_id, customer_id, occurred_at desc)
    where customer_id is not null;
create index booking_events_by_professional on booking_events (tenant_id, professional_id, occurred_at desc)
    where professional_id is not null;
create index booking_events_by_booking on booking_events (tenant_id, booking_id, occurred_at desc)
    where booking_id is not null;

-- Append-only, enforced by the database for every role including the owner: rows can be inserted,
-- never changed or removed. (Retention, if ever needed, is a deliberate migration that drops the triggers.)
create function booking_events_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'booking_events is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation';
end;
$$;

create trigger booking_events_no_update_or_delete
    before update or delete on booking_events
    for each row execute function booking_events_append_only();

create trigger booking_events_no_truncate
    before truncate on booking_events
    for each statement execute function booking_events_append_only();
