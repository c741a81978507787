package com.aiassistants.backend.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.calendar.CalendarViews.BookingChange;
import com.aiassistants.backend.calendar.CalendarViews.BookingPage;
import com.aiassistants.backend.calendar.CalendarViews.BookingView;
import com.aiassistants.backend.calendar.CalendarViews.CustomerMatch;
import com.aiassistants.backend.calendar.CalendarViews.HistoryEntry;
import com.aiassistants.backend.calendar.CalendarViews.Schedule;
import com.aiassistants.backend.calendar.CalendarViews.SlotList;
import com.aiassistants.backend.support.Inputs;
import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The bookings calendar for every console role of the project (staff included): read the week, book,
 * move, cancel and mark outcomes. The tenant is the caller's project; changes are logged with the
 * staff user as the actor.
 */
@RestController
@Validated
@Tag(name = "calendar")
public class CalendarController {

    static final Duration MAX_RANGE = Duration.ofDays(63);
    static final String BOOKING_ID = "[A-Za-z0-9-]{1,64}";

    private final StaffCalendar calendar;

    public CalendarController(StaffCalendar calendar) {
        this.calendar = calendar;
    }

    @Operation(summary = "Bookings overlapping [from, to) (at most 63 days), by start, in pages (one query per page)")
    @GetMapping("/v1/admin/calendar/bookings")
    public BookingPage bookings(Caller caller, @RequestParam Instant from, @RequestParam Instant to,
            @RequestParam(name = "professional_id", required = false) String professionalId,
            @RequestParam(name = "service_id", required = false) String serviceId,
            @Parameter(description = "Repeat for several; default every status")
            @RequestParam(name = "status", required = false) List<BookingStatus> statuses,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) @Size(max = 200) String cursor) {
        String project = caller.requireAdminOnOwnProject(Role.STAFF);
        range(from, to);
        return calendar.bookings(project, new StaffCalendar.Filter(from, to, Inputs.optionalId("professional_id",
                professionalId), Inputs.optionalId("service_id", serviceId), statuses, limit, cursor));
    }

    @Operation(summary = "The calendar's frame: time zone, professionals with working hours, time off and date overrides in [from, to), services")
    @GetMapping("/v1/admin/calendar/schedule")
    public Schedule schedule(Caller caller, @RequestParam Instant from, @RequestParam Instant to) {
        String project = caller.requireAdminOnOwnProject(Role.STAFF);
        range(from, to);
        return calendar.schedule(project, from, to);
    }

    @Operation(summary = "Free slots of a service on one local date, optionally with one professional")
    @GetMapping("/v1/admin/calendar/slots")
    public SlotList slots(Caller caller, @RequestParam(name = "service_id") String serviceId,
            @RequestParam(name = "professional_id", required = false) String professionalId,
            @RequestParam LocalDate date) {
        return calendar.slots(caller.requireAdminOnOwnProject(Role.STAFF), Inputs.id("service_id", serviceId),
                Inputs.optionalId("professional_id", professionalId), date);
    }

    @Operation(summary = "Patients the project has talked to, by name or phone digits (at most 20)",
            description = "Matches the name a patient gave the assistant, their WhatsApp profile name, their id or at least"
                    + " 3 digits of their phone; `name` is the name they gave the assistant when it is still remembered, else"
                    + " the profile name, as on the customers page. Erased patients and the console's sandbox are left out.")
    @GetMapping("/v1/admin/calendar/customers")
    public List<CustomerMatch> customers(Caller caller, @RequestParam @NotBlank @Size(min = 2, max = 100) String q) {
        return calendar.customers(caller.requireAdminOnOwnProject(Role.STAFF), q.trim());
    }

    /**
     * A staff booking: give {@code customer_id} (an existing patient) or {@code phone} (E.164; it becomes the
     * customer id, as for WhatsApp). The same {@code idempotency_key} always returns the same booking.
     */
    public record NewBookingRequest(@NotBlank @Pattern(regexp = Inputs.ID_PATTERN) String serviceId,
            @NotBlank @Pattern(regexp = Inputs.ID_PATTERN) String professionalId, @NotNull Instant start,
            @Schema(types = {"string", "null"}) @Size(max = 200) String customerId,
            @Schema(types = {"string", "null"}) @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String phone,
            @Schema(types = {"string", "null"}) @Size(max = 200) String customerName,
            @Schema(types = {"string", "null"}) @Size(max = 2000) String notes, boolean notifyPatient,
            @Schema(types = {"string", "null"}) @Size(min = 8, max = 100) String idempotencyKey) {
    }

    @Operation(summary = "Book a slot for a patient, confirmed at once (optionally notify them on WhatsApp)")
    @PostMapping("/v1/admin/calendar/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    public BookingChange book(Caller caller, @Valid @RequestBody NewBookingRequest body) {
        String project = caller.requireAdminOnOwnProject(Role.STAFF);
        String customerId = body.customerId() != null && !body.customerId().isBlank() ? body.customerId().trim()
                : body.phone();
        if (customerId == null) {
            throw ApiProblem.badRequest("customer-required", "give customer_id or phone");
        }
        return calendar.book(project, StaffActors.of(caller), new StaffCalendar.NewBooking(body.serviceId(),
                body.professionalId(), body.start(), customerId, blankToNull(body.customerName()), body.phone(),
                blankToNull(body.notes()), body.notifyPatient(), body.idempotencyKey()));
    }

    @Operation(summary = "One booking")
    @GetMapping("/v1/admin/calendar/bookings/{bookingId}")
    public BookingView booking(Caller caller, @PathVariable @Pattern(regexp = BOOKING_ID) String bookingId) {
        return calendar.get(caller.requireAdminOnOwnProject(Role.STAFF), bookingId);
    }

    public record RescheduleRequest(@NotNull Instant start,
            @Schema(types = {"string", "null"}) @Pattern(regexp = Inputs.ID_PATTERN) String professionalId,
            boolean notifyPatient) {
    }

    @Operation(summary = "Move a booking (same atomic rules as the assistant); 409 slot-taken carries alternatives")
    @PostMapping("/v1/admin/calendar/bookings/{bookingId}/reschedule")
    public BookingChange reschedule(Caller caller, @PathVariable @Pattern(regexp = BOOKING_ID) String bookingId,
            @Valid @RequestBody RescheduleRequest body) {
        return calendar.reschedule(caller.requireAdminOnOwnProject(Role.STAFF), StaffActors.of(caller), bookingId,
                body.start(), body.professionalId(), body.notifyPatient());
    }

    public record CancelRequest(@Schema(types = {"string", "null"}) @Size(max = 500) String reason, boolean notifyPatient) {
    }

    @Operation(summary = "Cancel a booking with an optional reason (optionally notify the patient)")
    @PostMapping("/v1/admin/calendar/bookings/{bookingId}/cancel")
    public BookingChange cancel(Caller caller, @PathVariable @Pattern(regexp = BOOKING_ID) String bookingId,
            @Valid @RequestBody CancelRequest body) {
        return calendar.cancel(caller.requireAdminOnOwnProject(Role.STAFF), StaffActors.of(caller), bookingId,
                blankToNull(body.reason()), body.notifyPatient());
    }

    public record OutcomeRequest(@NotNull @Schema(allowableValues = {"COMPLETED", "NO_SHOW"}) BookingStatus outcome) {
    }

    @Operation(summary = "After its start, mark a confirmed booking COMPLETED (came) or NO_SHOW")
    @PostMapping("/v1/admin/calendar/bookings/{bookingId}/outcome")
    public BookingChange outcome(Caller caller, @PathVariable @Pattern(regexp = BOOKING_ID) String bookingId,
            @Valid @RequestBody OutcomeRequest body) {
        if (body.outcome() != BookingStatus.COMPLETED && body.outcome() != BookingStatus.NO_SHOW) {
            throw ApiProblem.badRequest("invalid-outcome", "outcome must be COMPLETED or NO_SHOW");
        }
        return calendar.outcome(caller.requireAdminOnOwnProject(Role.STAFF), StaffActors.of(caller), bookingId, body.outcome());
    }

    @Operation(summary = "The booking's history from the booking log: who did what (assistant, patient or staff user)")
    @GetMapping("/v1/admin/calendar/bookings/{bookingId}/history")
    public List<HistoryEntry> history(Caller caller, @PathVariable @Pattern(regexp = BOOKING_ID) String bookingId) {
        return calendar.history(caller.requireAdminOnOwnProject(Role.STAFF), bookingId);
    }

    static void range(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ApiProblem.badRequest("invalid-range", "to must be after from, at most 63 days later");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
