package com.aiassistants.backend.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The console's view of reminders: the confirmation rate, a booking's reminders and answers, opt-outs. */
@RestController
@Tag(name = "reminders")
public class ReminderController {

    private final ReminderRepository reminders;
    private final Clock clock;

    public ReminderController(ReminderRepository reminders, ObjectProvider<Clock> clock) {
        this.reminders = reminders;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One reminder, follow-up or notice of a booking. */
    public record ReminderView(UUID id,
            @Schema(allowableValues = {"reminder", "follow_up", "notice_created", "notice_moved", "notice_cancelled"}) String kind,
            int leadMinutes, Instant startsAt, Instant dueAt,
            @Schema(allowableValues = {"pending", "sending", "sent", "skipped", "failed"}) String status,
            @Schema(types = {"string", "null"}, allowableValues = {"confirmed", "cancelled", "rescheduled"}) String outcome) {
    }

    public record OptOuts(List<String> customerIdsMasked, List<String> customerIds) {
    }

    @Operation(summary = "Reminders sent in the last days and how patients answered them (confirmation rate)")
    @GetMapping("/v1/admin/reminders/stats")
    public ReminderRepository.ReminderStats stats(Caller caller, @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            throw ApiProblem.badRequest("invalid-days", "days must be between 1 and 366");
        }
        return reminders.stats(caller.requireAdminOnOwnProject(Role.STAFF), clock.instant(), days);
    }

    @Operation(summary = "A booking's reminders, follow-ups and notices with their status and the patient's answer")
    @GetMapping("/v1/admin/bookings/{bookingId}/reminders")
    public List<ReminderView> forBooking(Caller caller, @PathVariable String bookingId) {
        String projectId = caller.requireAdminOnOwnProject(Role.STAFF);
        Inputs.id("booking_id", bookingId);
        return reminders.forBooking(projectId, bookingId).stream().map(r -> new ReminderView(r.id(), r.kind().column,
                r.leadMinutes(), r.startsAt(), r.dueAt(), r.status(), r.outcome())).toList();
    }

    @Operation(summary = "Patients who asked for no more reminders (phone numbers, and masked for display)")
    @GetMapping("/v1/admin/reminders/opt-outs")
    public OptOuts optOuts(Caller caller) {
        List<String> ids = reminders.optOuts(caller.requireAdminOnOwnProject(Role.ADMIN));
        return new OptOuts(ids.stream().map(PhoneNumbers::mask).toList(), ids);
    }

    @Operation(summary = "Send reminders to this patient again (staff decision; the patient can also write «recordatorios»)")
    @DeleteMapping("/v1/admin/reminders/opt-outs/{customerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void optIn(Caller caller, @PathVariable String customerId) {
        String projectId = caller.requireAdminOnOwnProject(Role.ADMIN);
        Inputs.id("customer_id", customerId);
        if (!reminders.optIn(projectId, customerId)) {
            throw ApiProblem.notFound("opt-out");
        }
    }
}
