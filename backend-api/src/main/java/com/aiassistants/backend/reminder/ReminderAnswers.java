package com.aiassistants.backend.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Attendance;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/**
 * Records what a patient answered to a reminder, inside the turn's transaction: the outcome on the latest sent
 * reminder of the booking (the dashboard's confirmation rate), the attendance on the booking in mcp-calendar
 * (what staff see on the calendar), and opt-outs. A calendar that cannot be reached loses only the attendance
 * mark (logged); the cancellation or move itself was already made by the turn.
 */
@Component
public class ReminderAnswers {

    private static final Logger log = LoggerFactory.getLogger(ReminderAnswers.class);

    private final ReminderRepository reminders;
    private final McpClients mcp;
    private final ReminderMetrics metrics;

    public ReminderAnswers(ReminderRepository reminders, McpClients mcp, ReminderMetrics metrics) {
        this.reminders = reminders;
        this.mcp = mcp;
        this.metrics = metrics;
    }

    @EventListener
    public void record(ReminderAnswer.Given given) {
        for (ReminderAnswer answer : given.answers()) {
            metrics.answered(answer.outcome().name());
            switch (answer.outcome()) {
                case OPT_OUT -> reminders.optOut(given.projectId(), given.customerId());
                case OPT_IN -> reminders.optIn(given.projectId(), given.customerId());
                case CONFIRMED, CANCELLED, RESCHEDULED -> {
                    reminders.answer(given.projectId(), answer.bookingId(),
                            answer.outcome().name().toLowerCase(java.util.Locale.ROOT), given.at());
                    if (answer.outcome() != ReminderAnswer.Outcome.RESCHEDULED) {
                        attendance(given, answer);
                    }
                    if (answer.outcome() == ReminderAnswer.Outcome.CANCELLED) {
                        // nothing more to remind of (a move plans new rows for the new start; old ones skip as moved)
                        reminders.skipPending(given.projectId(), answer.bookingId(), "not_confirmed");
                    }
                }
            }
        }
    }

    private void attendance(ReminderAnswer.Given given, ReminderAnswer answer) {
        Attendance value = answer.outcome() == ReminderAnswer.Outcome.CONFIRMED ? Attendance.CONFIRMED : Attendance.CANCELLED;
        try {
            mcp.calendar().call(given.projectId(), CalendarTools.RECORD_ATTENDANCE,
                    new CalendarTools.RecordAttendanceInput(answer.bookingId(), value, given.customerId()), Booking.class);
        } catch (McpToolError | McpUnavailableException e) {
            log.warn("attendance {} of booking {} not recorded in the calendar: {}", value, answer.bookingId(), e.toString());
        }
    }
}
