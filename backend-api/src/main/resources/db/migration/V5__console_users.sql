-- Console users managed from the console: invited users have no password until they set one through their
-- single-use link; deactivated users cannot sign in and their sessions stop (Tokens checks the row).
alter table admin_user alter column password_hash drop not null;
alter table admin_user add column deactivated_at timestamptz;
alter table admin_user add column invited_by text;
create index admin_user_project on admin_user (project_id);

-- A set-password link: only the SHA-256 of the token is kept; one open invitation per user.
create table admin_invite (
    user_id    uuid primary key references admin_user (id) on delete cascade,
    token_hash bytea not null unique,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);
