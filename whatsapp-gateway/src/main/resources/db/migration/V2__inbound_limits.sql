-- A text longer than the assistant reads (4,096 characters) is stored cut; the reply then says so.
alter table inbox add column text_truncated boolean not null default false;
-- kind may now also be 'unreadable' (WhatsApp could not show us the message: unsupported types, an interactive
-- reply without its reply object) and 'number_changed' (a system message: stored done, never forwarded, listed for staff).
