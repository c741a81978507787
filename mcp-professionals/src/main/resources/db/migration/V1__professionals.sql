-- mcp-professionals: every row belongs to one tenant (project); every key starts with tenant_id,
-- so a query that forgets the tenant cannot even join across tenants by id.

create table schedule_settings (
    tenant_id  text primary key,
    time_zone  text not null,
    updated_at timestamptz not null default now()
);

create table areas (
    tenant_id   text not null,
    id          text not null,
    name        text not null,
    search_name text not null,
    primary key (tenant_id, id),
    unique (tenant_id, search_name)
);

create table specialties (
    tenant_id   text not null,
    id          text not null,
    name        text not null,
    search_name text not null,
    primary key (tenant_id, id),
    unique (tenant_id, search_name)
);

create table professionals (
    tenant_id    text not null,
    id           text not null,
    name         text not null,
    search_name  text not null,
    specialty_id text,
    area_id      text,
    email        text,
    phone        text,
    active       boolean not null default true,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, specialty_id) references specialties (tenant_id, id),
    foreign key (tenant_id, area_id) references areas (tenant_id, id),
    constraint professional_name_not_blank check (length(btrim(name)) > 0),
    constraint professional_phone_e164 check (phone is null or phone ~ '^\+[1-9][0-9]{6,14}$')
);

create table services (
    tenant_id        text not null,
    id               text not null,
    name             text not null,
    search_name      text not null,
    description      text,
    duration_minutes integer not null,
    buffer_minutes   integer not null default 0,
    price            numeric(12, 2),
    currency         char(3),
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint service_duration_range check (duration_minutes between 5 and 480),
    constraint service_buffer_range check (buffer_minutes between 0 and 240),
    constraint service_price_not_negative check (price is null or price >= 0),
    constraint service_price_has_currency check (price is null or currency is not null)
);

create table service_professionals (
    tenant_id       text not null,
    service_id      text not null,
    professional_id text not null,
    primary key (tenant_id, service_id, professional_id),
    foreign key (tenant_id, service_id) references services (tenant_id, id) on delete cascade,
    foreign key (tenant_id, professional_id) references professionals (tenant_id, id) on delete cascade
);
create index service_professionals_by_professional on service_professionals (tenant_id, professional_id);

-- weekly ranges in the tenant's local time, [start_time, end_time); ISO day of week 1 = Monday
create table working_ranges (
    tenant_id       text not null,
    professional_id text not null,
    day_of_week     smallint not null,
    start_time      time not null,
    end_time        time not null,
    primary key (tenant_id, professional_id, day_of_week, start_time),
    foreign key (tenant_id, professional_id) references professionals (tenant_id, id) on delete cascade,
    constraint working_range_day check (day_of_week between 1 and 7),
    constraint working_range_order check (start_time < end_time)
);

create table time_off (
    tenant_id       text not null,
    id              text not null,
    professional_id text not null,
    start_at        timestamptz not null,
    end_at          timestamptz not null,
    reason          text,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, professional_id) references professionals (tenant_id, id) on delete cascade,
    constraint time_off_order check (start_at < end_at)
);
create index time_off_by_professional on time_off (tenant_id, professional_id, end_at);
