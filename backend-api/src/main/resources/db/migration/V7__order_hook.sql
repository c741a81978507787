-- The orders and claims hook (backend-api's README, "Orders and claims hook"). Its URL is part of the project's
-- settings document (settings.order_hook.url, versioned with the rest); its HMAC secret is kept here, beside the
-- webhook secret, because the API never returns it (settings and their history are shown to the console).
alter table project add column order_hook_secret text;

-- Claims a customer made through the assistant and the shop's hook accepted: the hook's claim id and status
-- beside what the customer said, listed on the customer's page in the console. One project's rows only ever
-- reach that project (every statement filters on project_id).
create table claim (
    id              uuid primary key,
    project_id      text not null references project (id) on delete cascade,
    customer_id     text not null,
    conversation_id text,
    order_id        text,
    description     text not null,
    hook_claim_id   text,
    status          text,
    created_at      timestamptz not null default now()
);
create index claim_customer on claim (project_id, customer_id, created_at desc);
