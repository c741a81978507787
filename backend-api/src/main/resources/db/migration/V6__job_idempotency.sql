-- An async submit without message_id may carry an Idempotency-Key: its job's dedupe_key is 'idempotency:<key>',
-- one job per project and key (a client's retry gets the first job back instead of a second turn)
create unique index job_idempotency on job (project_id, dedupe_key) where dedupe_key like 'idempotency:%';
