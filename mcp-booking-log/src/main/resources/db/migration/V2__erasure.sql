-- A patient's right to erasure: the log stays append-only for every change but one. Inside a transaction
-- that set booking_log.erasure = 'on' (BookingEventRepository.eraseCustomer, the erase_customer tool), an
-- update may replace the customer's id and drop their name and notes from the states; type, time, booking,
-- professional and every other field must stay as they were. Deletes and truncates stay refused.
create or replace function booking_events_append_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and coalesce(current_setting('booking_log.erasure', true), '') = 'on' then
        if new.tenant_id = old.tenant_id and new.event_id = old.event_id and new.seq = old.seq
           and new.booking_id is not distinct from old.booking_id and new.type = old.type
           and new.professional_id is not distinct from old.professional_id and new.occurred_at = old.occurred_at
           and new.recorded_at = old.recorded_at then
            return new;
        end if;
    end if;
    raise exception 'booking_events is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation';
end;
$$;
