-- Appointment reminders, follow-ups and staff-action notices: one row per booking, kind, lead time and
-- appointment start (a moved booking gets new rows; the old ones are skipped when they fall due). Rows are
-- claimed with FOR UPDATE SKIP LOCKED and a lease (claimed_until), so any number of instances send each once.
create table reminder (
    id            uuid primary key,
    project_id    text not null references project (id) on delete cascade,
    booking_id    text not null,
    kind          text not null check (kind in ('reminder', 'follow_up', 'notice_created', 'notice_moved', 'notice_cancelled')),
    lead_minutes  int not null default 0,
    starts_at     timestamptz not null,
    due_at        timestamptz not null,
    customer_id   text not null,
    status        text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'skipped', 'failed')),
    attempts      int not null default 0,
    claimed_by    text,
    claimed_until timestamptz,
    sent_at       timestamptz,
    skip_reason   text,
    last_error    text,
    outbox_id     bigint,
    outcome       text check (outcome in ('confirmed', 'cancelled', 'rescheduled')),
    answered_at   timestamptz,
    created_at    timestamptz not null default now(),
    constraint reminder_once unique (project_id, booking_id, kind, lead_minutes, starts_at)
);
create index reminder_due on reminder (due_at) where status in ('pending', 'sending');
create index reminder_booking on reminder (project_id, booking_id);
create index reminder_sent on reminder (project_id, sent_at) where status = 'sent';

-- Patients who asked for no more reminders (answering "STOP" / "BAJA"); staff can see and clear it.
create table reminder_opt_out (
    project_id  text not null references project (id) on delete cascade,
    customer_id text not null,
    created_at  timestamptz not null default now(),
    primary key (project_id, customer_id)
);

-- ShedLock's table (net.javacrumbs.shedlock JdbcTemplateLockProvider): the reminder planner runs on one instance at a time.
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255) not null
);
