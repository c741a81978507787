-- The console's inbox: who needs a human, what staff has read, booking events in the thread
alter table conversation add column needs_human_since timestamptz;
-- highest message id the project's staff has marked read (unread = patient messages after it)
alter table conversation add column read_up_to bigint not null default 0;

alter table message drop constraint message_role_check;
alter table message add constraint message_role_check check (role in ('user', 'assistant', 'staff', 'system'));
-- 'booking' rows (role system) record the bookings a turn made or changed, shown inline in the thread
alter table message add column kind text not null default 'text' check (kind in ('text', 'booking'));
alter table message add column booking_ids text[];

-- dashboard figures over recent messages
create index message_recent on message (project_id, created_at);
