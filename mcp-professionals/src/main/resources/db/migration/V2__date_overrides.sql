-- Date overrides: on one local date (the tenant's zone) a professional works these hours instead of the
-- weekly ranges; an override without ranges means closed that day. Time off still applies on top.
create table date_overrides (
    tenant_id       text not null,
    professional_id text not null,
    on_date         date not null,
    reason          text,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, professional_id, on_date),
    foreign key (tenant_id, professional_id) references professionals (tenant_id, id) on delete cascade
);

-- [start_time, end_time) on the override's date; an end of 00:00 means until midnight
create table date_override_ranges (
    tenant_id       text not null,
    professional_id text not null,
    on_date         date not null,
    start_time      time not null,
    end_time        time not null,
    primary key (tenant_id, professional_id, on_date, start_time),
    foreign key (tenant_id, professional_id, on_date)
        references date_overrides (tenant_id, professional_id, on_date) on delete cascade,
    constraint date_override_range_order check (start_time < end_time or end_time = '00:00')
);
