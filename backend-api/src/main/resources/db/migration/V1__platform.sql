-- Tenants, keys, admin users
create table project (
    id             text primary key,
    name           text not null,
    time_zone      text not null,
    locale         text not null check (locale in ('es', 'en')),
    settings       jsonb not null default '{}'::jsonb,
    webhook_secret text not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

-- every settings change, newest last (flow and system prompt history)
create table project_settings_version (
    id         bigserial primary key,
    project_id text not null references project (id) on delete cascade,
    settings   jsonb not null,
    changed_by text,
    created_at timestamptz not null default now()
);
create index project_settings_version_project on project_settings_version (project_id, id);

create table api_key (
    id         uuid primary key,
    project_id text not null references project (id) on delete cascade,
    name       text not null,
    prefix     text not null,
    key_hash   bytea not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);
create index api_key_project on api_key (project_id);

create table admin_user (
    id            uuid primary key,
    email         text not null unique,
    password_hash text not null,
    role          text not null check (role in ('owner', 'admin', 'staff')),
    project_id    text references project (id) on delete cascade,
    superadmin    boolean not null default false,
    created_at    timestamptz not null default now(),
    check (superadmin or project_id is not null)
);

-- Conversations and messages
create table conversation (
    project_id      text not null references project (id) on delete cascade,
    id              text not null,
    channel         text not null,
    customer_id     text,
    customer_name   text,
    state           text,
    paused          boolean not null default false,
    paused_by       text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (project_id, id)
);
create index conversation_recent on conversation (project_id, updated_at desc);

create table message (
    id              bigserial primary key,
    project_id      text not null,
    conversation_id text not null,
    role            text not null check (role in ('user', 'assistant', 'staff')),
    text            text not null,
    message_id      text,
    reply_id        text,
    created_at      timestamptz not null default now(),
    foreign key (project_id, conversation_id) references conversation (project_id, id) on delete cascade
);
create index message_conversation on message (project_id, conversation_id, id);

-- One row per inbound message id: the unique key makes a duplicate wait for and return the first reply
create table processed_message (
    project_id      text not null,
    message_id      text not null,
    conversation_id text not null,
    response_text   text,
    interactive     jsonb,
    created_at      timestamptz not null default now(),
    primary key (project_id, message_id)
);
create index processed_message_age on processed_message (created_at);

create table customer_memory (
    project_id  text not null references project (id) on delete cascade,
    customer_id text not null,
    key         text not null,
    value       text not null,
    expires_at  timestamptz not null,
    updated_at  timestamptz not null default now(),
    primary key (project_id, customer_id, key)
);
create index customer_memory_expiry on customer_memory (expires_at);

-- Async jobs: a FOR UPDATE SKIP LOCKED queue with leases (survives restarts)
create table job (
    id                uuid primary key,
    project_id        text not null references project (id) on delete cascade,
    channel           text not null,
    conversation_id   text not null,
    message_id        text,
    dedupe_key        text not null,
    request           jsonb not null,
    status            text not null check (status in ('pending', 'running', 'succeeded', 'failed')),
    attempts          int not null default 0,
    lease_until       timestamptz,
    response_text     text,
    response          jsonb,
    error_text        text,
    callback_url      text,
    callback_status   text check (callback_status in ('pending', 'delivered', 'failed')),
    callback_attempts int not null default 0,
    callback_next_at  timestamptz,
    callback_error    text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index job_runnable on job (created_at) where status in ('pending', 'running');
create index job_callbacks on job (callback_next_at) where callback_status = 'pending';
