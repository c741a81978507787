-- A patient's erasure renames their conversations (the WhatsApp conversation id holds the phone number):
-- messages follow the new id.
alter table message drop constraint message_project_id_conversation_id_fkey;
alter table message add constraint message_project_id_conversation_id_fkey
    foreign key (project_id, conversation_id) references conversation (project_id, id)
    on update cascade on delete cascade;

-- What staff did with a patient's data (forget, export, erase), newest last. subject is the customer id; an
-- erasure rewrites it to the anonymous id, so the log itself keeps no personal data of an erased patient.
create table audit_event (
    id         bigserial primary key,
    project_id text not null references project (id) on delete cascade,
    actor      text not null,
    action     text not null,
    subject    text not null,
    details    jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now()
);
create index audit_event_subject on audit_event (project_id, subject, id);

-- the console's customer list: a project's conversations by customer
create index conversation_customer on conversation (project_id, customer_id);

-- when an API key was last used (written at most once a minute per key and instance)
alter table api_key add column last_used_at timestamptz;
