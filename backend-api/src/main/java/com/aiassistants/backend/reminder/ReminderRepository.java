package com.aiassistants.backend.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code reminder} and {@code reminder_opt_out} tables. Times come from the injectable clock. */
@Repository
public class ReminderRepository {

    private final JdbcClient jdbc;

    public ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans a message; false when that booking, kind, lead time and start already has one (planned once). */
    public boolean plan(String projectId, String bookingId, Reminder.Kind kind, int leadMinutes, Instant startsAt,
            Instant dueAt, String customerId) {
        return jdbc.sql("""
                insert into reminder (id, project_id, booking_id, kind, lead_minutes, starts_at, due_at, customer_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict on constraint reminder_once do nothing""")
                .params(UUID.randomUUID(), projectId, bookingId, kind.column, leadMinutes, ts(startsAt), ts(dueAt),
                        customerId)
                .update() == 1;
    }

    /**
     * Claims due rows (pending, or sending with an expired lease: a crashed instance's), at most {@code limit}, oldest
     * due first, with {@code FOR UPDATE SKIP LOCKED}: concurrent instances never claim the same row.
     */
    public List<Reminder> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                update reminder set status = 'sending', claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                where id in (select id from reminder
                             where due_at <= ? and (status = 'pending' or (status = 'sending' and claimed_until < ?))
                             order by due_at limit ? for update skip locked)
                returning *""")
                .params(owner, ts(leaseUntil), ts(now), ts(now), limit)
                .query(ReminderRepository::map).list();
    }

    /** Marks it sent if this owner still holds the claim. */
    public boolean sent(UUID id, String owner, Instant at, long outboxId) {
        return jdbc.sql("""
                update reminder set status = 'sent', sent_at = ?, outbox_id = ?, claimed_until = null, last_error = null
                where id = ? and status = 'sending' and claimed_by = ?""")
                .params(ts(at), outboxId, id, owner).update() == 1;
    }

    public void skip(UUID id, String owner, String reason) {
        jdbc.sql("""
                update reminder set status = 'skipped', skip_reason = ?, claimed_until = null
                where id = ? and status = 'sending' and claimed_by = ?""")
                .params(reason, id, owner).update();
    }

    public void fail(UUID id, String owner, String error) {
        jdbc.sql("""
                update reminder set status = 'failed', last_error = ?, claimed_until = null
                where id = ? and status = 'sending' and claimed_by = ?""")
                .params(clip(error), id, owner).update();
    }

    /** Back to pending, due again at {@code retryAt} (the attempt counted). */
    public void retry(UUID id, String owner, Instant retryAt, String error) {
        jdbc.sql("""
                update reminder set status = 'pending', due_at = ?, last_error = ?, claimed_until = null
                where id = ? and status = 'sending' and claimed_by = ?""")
                .params(ts(retryAt), clip(error), id, owner).update();
    }

    /**
     * Another reminder for the same booking and start with a shorter lead time is due too (after downtime): only the
     * latest one is worth sending.
     */
    public boolean superseded(Reminder r, Instant now) {
        return jdbc.sql("""
                select exists (select 1 from reminder where project_id = ? and booking_id = ? and kind = 'reminder'
                  and starts_at = ? and lead_minutes < ? and due_at <= ? and status in ('pending', 'sending', 'sent'))""")
                .params(r.projectId(), r.bookingId(), ts(r.startsAt()), r.leadMinutes(), ts(now))
                .query(Boolean.class).single();
    }

    /** Pending messages of a booking not yet sent: skipped (the booking changed; notices and new rows take over). */
    public int skipPending(String projectId, String bookingId, String reason) {
        return jdbc.sql("""
                update reminder set status = 'skipped', skip_reason = ?
                where project_id = ? and booking_id = ? and status = 'pending' and kind in ('reminder', 'follow_up')""")
                .params(reason, projectId, bookingId).update();
    }

    /** The patient answered: the latest sent reminder of the booking keeps the answer. */
    public int answer(String projectId, String bookingId, String outcome, Instant at) {
        return jdbc.sql("""
                update reminder set outcome = ?, answered_at = ?
                where id = (select id from reminder where project_id = ? and booking_id = ? and kind = 'reminder'
                            and status = 'sent' order by sent_at desc limit 1)""")
                .params(outcome, ts(at), projectId, bookingId).update();
    }

    public boolean optedOut(String projectId, String customerId) {
        return jdbc.sql("select exists (select 1 from reminder_opt_out where project_id = ? and customer_id = ?)")
                .params(projectId, customerId).query(Boolean.class).single();
    }

    public void optOut(String projectId, String customerId) {
        jdbc.sql("insert into reminder_opt_out (project_id, customer_id) values (?, ?) on conflict do nothing")
                .params(projectId, customerId).update();
    }

    public boolean optIn(String projectId, String customerId) {
        return jdbc.sql("delete from reminder_opt_out where project_id = ? and customer_id = ?")
                .params(projectId, customerId).update() == 1;
    }

    public List<String> optOuts(String projectId) {
        return jdbc.sql("select customer_id from reminder_opt_out where project_id = ? order by created_at desc")
                .param(projectId).query(String.class).list();
    }

    public Optional<Reminder> find(UUID id) {
        return jdbc.sql("select * from reminder where id = ?").param(id).query(ReminderRepository::map).optional();
    }

    public List<Reminder> forBooking(String projectId, String bookingId) {
        return jdbc.sql("select * from reminder where project_id = ? and booking_id = ? order by due_at, lead_minutes desc")
                .params(projectId, bookingId).query(ReminderRepository::map).list();
    }

    /** Figures of reminders sent since {@code since}: sent, and how many were answered with each outcome. */
    public record Figures(long sent, long confirmed, long cancelled, long rescheduled) {
    }

    /**
     * Reminders sent in the last {@code days} and how patients answered them.
     *
     * @param confirmationRate confirmed / sent (0 when nothing was sent)
     * @param noAnswer         sent reminders without an answer
     */
    public record ReminderStats(int days, long sent, long confirmed, long cancelled, long rescheduled, long noAnswer,
            double confirmationRate) {
    }

    public ReminderStats stats(String projectId, Instant now, int days) {
        Figures f = figures(projectId, now.minus(java.time.Duration.ofDays(days)));
        long answered = f.confirmed() + f.cancelled() + f.rescheduled();
        return new ReminderStats(days, f.sent(), f.confirmed(), f.cancelled(), f.rescheduled(), f.sent() - answered,
                f.sent() == 0 ? 0 : (double) f.confirmed() / f.sent());
    }

    public Figures figures(String projectId, Instant since) {
        return jdbc.sql("""
                select count(*) as sent,
                       count(*) filter (where outcome = 'confirmed') as confirmed,
                       count(*) filter (where outcome = 'cancelled') as cancelled,
                       count(*) filter (where outcome = 'rescheduled') as rescheduled
                from reminder where project_id = ? and kind = 'reminder' and status = 'sent' and sent_at >= ?""")
                .params(projectId, ts(since))
                .query((rs, n) -> new Figures(rs.getLong("sent"), rs.getLong("confirmed"), rs.getLong("cancelled"),
                        rs.getLong("rescheduled")))
                .single();
    }

    private static Reminder map(ResultSet rs, int n) throws SQLException {
        return new Reminder(rs.getObject("id", UUID.class), rs.getString("project_id"), rs.getString("booking_id"),
                Reminder.Kind.of(rs.getString("kind")), rs.getInt("lead_minutes"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getString("customer_id"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("outcome"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
