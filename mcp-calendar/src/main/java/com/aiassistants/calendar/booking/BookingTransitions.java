package com.aiassistants.calendar.booking;

import static com.aiassistants.calendar.booking.BookingRules.blankToNull;
import static com.aiassistants.calendar.booking.BookingRules.concurrentChange;
import static com.aiassistants.calendar.booking.BookingRules.invalidTransition;
import static com.aiassistants.calendar.booking.BookingRules.limit;
import static com.aiassistants.calendar.booking.BookingRules.required;
import static com.aiassistants.calendar.booking.BookingRules.staffActor;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.calendar.availability.ActiveBookingsQuery;
import com.aiassistants.calendar.availability.Appointment;
import com.aiassistants.calendar.availability.AvailabilityService;
import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Attendance;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.EraseCustomerInput;
import com.aiassistants.common.scheduling.CalendarTools.ErasedCustomer;
import com.aiassistants.common.scheduling.CalendarTools.MarkOutcomeInput;
import com.aiassistants.common.scheduling.CalendarTools.RecordAttendanceInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;

/**
 * The lifecycle after creation: HELD → CONFIRMED → CANCELLED, outcomes (COMPLETED / NO_SHOW), moves, attendance
 * and erasure. Every state change is a compare-and-set on (status, version) that writes its booking-log event into
 * the outbox in the same transaction; a lost race is read again, at most {@link BookingRules#CAS_ATTEMPTS} times.
 */
@Service
public class BookingTransitions {

    private final BookingRepository repository;
    private final AvailabilityService availability;
    private final BookingChanges changes;
    private final BookingLookup lookup;
    private final HoldExpiry expiry;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ProfessionalLocks professionalLocks;
    private final ActiveBookingsQuery busyTimes;

    BookingTransitions(BookingRepository repository, AvailabilityService availability, BookingChanges changes,
            BookingLookup lookup, HoldExpiry expiry, TransactionTemplate transaction, Clock clock,
            ProfessionalLocks professionalLocks, ActiveBookingsQuery busyTimes) {
        this.busyTimes = busyTimes;
        this.repository = repository;
        this.availability = availability;
        this.changes = changes;
        this.lookup = lookup;
        this.expiry = expiry;
        this.transaction = transaction;
        this.clock = clock;
        this.professionalLocks = professionalLocks;
    }

    public Booking confirm(String tenantId, ConfirmBookingInput in, String actor) {
        for (int attempt = 0; attempt < BookingRules.CAS_ATTEMPTS; attempt++) {
            StoredBooking current = lookup.load(tenantId, in.bookingId(), in.customerId());
            Instant now = clock.instant();
            switch (current.effectiveStatus(now)) {
                case CONFIRMED -> {
                    return current.view(now);
                }
                case HELD -> {
                    Optional<Booking> done = change(current, BookingStatus.CONFIRMED, "confirmed", actor, now, null);
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
                case EXPIRED -> {
                    expiry.expireIfStale(current, now);
                    throw new ToolException(CalendarTools.HOLD_EXPIRED, "The hold on " + current.shortCode()
                            + " expired before it was confirmed; look for a new slot and hold it again");
                }
                default -> throw invalidTransition(current, "confirm", now);
            }
        }
        throw concurrentChange();
    }

    public Booking cancel(String tenantId, CancelBookingInput in, String defaultActor) {
        limit(in.reason(), "reason", BookingRules.MAX_TEXT);
        String actor = in.actor() == null ? defaultActor : staffActor(in.actor(), true);
        for (int attempt = 0; attempt < BookingRules.CAS_ATTEMPTS; attempt++) {
            StoredBooking current = lookup.load(tenantId, in.bookingId(), in.customerId());
            Instant now = clock.instant();
            switch (current.effectiveStatus(now)) {
                case CANCELLED -> {
                    return current.view(now);
                }
                case HELD, CONFIRMED -> {
                    Optional<Booking> done = change(current, BookingStatus.CANCELLED, "cancelled", actor, now,
                            blankToNull(in.reason()));
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
                case EXPIRED -> {
                    expiry.expireIfStale(current, now);
                    throw new ToolException(CalendarTools.HOLD_EXPIRED,
                            "The hold on " + current.shortCode() + " had already expired; nothing to cancel");
                }
                default -> throw invalidTransition(current, "cancel", now);
            }
        }
        throw concurrentChange();
    }

    /**
     * Records whether the patient came: CONFIRMED → COMPLETED or NO_SHOW once the appointment has
     * started; a mistaken outcome may be switched between the two.
     */
    public Booking markOutcome(String tenantId, MarkOutcomeInput in, String defaultActor) {
        String actor = in.actor() == null ? defaultActor : staffActor(in.actor(), true);
        BookingStatus outcome = in.outcome();
        if (outcome != BookingStatus.COMPLETED && outcome != BookingStatus.NO_SHOW) {
            throw new ToolException("invalid_request", "outcome must be COMPLETED or NO_SHOW");
        }
        for (int attempt = 0; attempt < BookingRules.CAS_ATTEMPTS; attempt++) {
            StoredBooking current = lookup.load(tenantId, in.bookingId(), null);
            Instant now = clock.instant();
            BookingStatus effective = current.effectiveStatus(now);
            if (effective == outcome) {
                return current.view(now);
            }
            if (effective != BookingStatus.CONFIRMED && effective != BookingStatus.COMPLETED
                    && effective != BookingStatus.NO_SHOW) {
                throw invalidTransition(current, "mark the outcome of", now);
            }
            if (current.start().isAfter(now)) {
                throw new ToolException(CalendarTools.INVALID_TRANSITION, "Booking " + current.shortCode()
                        + " has not started yet; its outcome can be marked from " + current.start(),
                        Map.of("status", effective.name()));
            }
            Optional<Booking> done = change(current, outcome, outcome == BookingStatus.COMPLETED ? "completed"
                    : "no_show", actor, now, null);
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw concurrentChange();
    }

    private Optional<Booking> change(StoredBooking current, BookingStatus to, String event, String actor, Instant now,
            String reason) {
        return transaction.execute(status -> repository.changeStatus(current, to, now).map(after -> {
            Booking view = after.view(now);
            Map<String, Object> afterState = new LinkedHashMap<>(McpJson.toMap(view));
            if (reason != null) {
                afterState.put("reason", reason);
            }
            changes.record(current.tenantId(), current.id(), event, actor, current.customerId(),
                    current.professionalId(), now, current.view(now), afterState);
            return view;
        }));
    }

    public Booking reschedule(String tenantId, RescheduleBookingInput in, String defaultActor) {
        String actor = in.actor() == null ? defaultActor : staffActor(in.actor(), true);
        if (in.newStart() == null) {
            throw new ToolException("invalid_request", "new_start is required");
        }
        for (int attempt = 0; attempt < BookingRules.CAS_ATTEMPTS; attempt++) {
            StoredBooking current = lookup.load(tenantId, in.bookingId(), in.customerId());
            Instant now = clock.instant();
            BookingStatus effective = current.effectiveStatus(now);
            if (effective == BookingStatus.EXPIRED) {
                expiry.expireIfStale(current, now);
                throw new ToolException(CalendarTools.HOLD_EXPIRED, "The hold on " + current.shortCode()
                        + " expired; hold the new time instead");
            }
            if (effective != BookingStatus.HELD && effective != BookingStatus.CONFIRMED) {
                throw invalidTransition(current, "reschedule", now);
            }
            String professionalId = in.professionalId() == null || in.professionalId().isBlank()
                    ? current.professionalId() : in.professionalId();
            Appointment target = availability.plan(tenantId, current.serviceId(), professionalId, in.newStart());
            if (target.start().equals(current.start()) && professionalId.equals(current.professionalId())) {
                return current.view(now);
            }
            Optional<Booking> moved;
            try {
                ProfessionalDays days = ProfessionalDays.of(tenantId, professionalId, target.start(),
                        target.blockedUntil());
                moved = professionalLocks.withProfessional(days, () -> transaction.execute(status -> {
                    repository.lockDays(days);
                    expiry.expireStale(tenantId, professionalId, target.start(), target.blockedUntil(), now);
                    if (busyTimes.googleBusy(tenantId, professionalId, target.start(), target.blockedUntil())) {
                        throw new CalendarBusyException();
                    }
                    return repository.move(current, professionalId, target.professional().name(), target.start(),
                            target.end(), target.blockedUntil(), target.zone().getId(), now).map(after -> {
                                Booking view = after.view(now);
                                changes.record(tenantId, current.id(), "rescheduled", actor, current.customerId(),
                                        professionalId, now, current.view(now), view);
                                if (!professionalId.equals(current.professionalId())) {
                                    changes.leftProfessional(tenantId, current.id(), current.professionalId(), now);
                                }
                                return view;
                            });
                }));
            } catch (CalendarBusyException e) {
                changes.count("slot_taken");
                throw BookingRules.slotTaken(availability, tenantId, current.serviceId(), professionalId,
                        target.start());
            } catch (DataAccessException e) {
                if (SqlFailures.isOverlap(e)) {
                    changes.count("slot_taken");
                    throw BookingRules.slotTaken(availability, tenantId, current.serviceId(), professionalId,
                            target.start());
                }
                throw e;
            }
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        throw concurrentChange();
    }

    /**
     * Records the patient's answer to a reminder: {@code CONFIRMED} on a confirmed booking, {@code CANCELLED} on
     * one already cancelled (cancel it first). Recording the same answer again is harmless.
     */
    public Booking recordAttendance(String tenantId, RecordAttendanceInput in) {
        if (in.attendance() == null) {
            throw new ToolException("invalid_request", "attendance is required (CONFIRMED or CANCELLED)");
        }
        StoredBooking current = lookup.load(tenantId, in.bookingId(), in.customerId());
        Instant now = clock.instant();
        BookingStatus needed = in.attendance() == Attendance.CONFIRMED ? BookingStatus.CONFIRMED : BookingStatus.CANCELLED;
        if (current.effectiveStatus(now) != needed) {
            throw invalidTransition(current, "record attendance " + in.attendance() + " on", now);
        }
        if (in.attendance() == current.attendance()) {
            return current.view(now);
        }
        changes.count("attendance_" + in.attendance().name().toLowerCase(java.util.Locale.ROOT));
        return repository.recordAttendance(current, in.attendance(), now).orElseThrow(() ->
                new ToolException(CalendarTools.NOT_FOUND, "No booking " + in.bookingId())).view(now);
    }

    /**
     * Erases a patient's personal data: their bookings (and booking-log events still in the outbox) get the
     * anonymous id and lose name and notes, keeping time, service, professional and status for statistics.
     * Erasing again, or a customer with no bookings, changes nothing.
     */
    public ErasedCustomer eraseCustomer(String tenantId, EraseCustomerInput in) {
        String customerId = required(in.customerId(), "customer_id");
        String replacementId = required(in.replacementId(), "replacement_id");
        if (customerId.equals(replacementId)) {
            throw new ToolException("invalid_request", "replacement_id must differ from customer_id");
        }
        Integer rows = transaction.execute(status -> {
            repository.lockCustomer(tenantId, customerId);
            changes.eraseCustomer(tenantId, customerId, replacementId);
            return repository.eraseCustomer(tenantId, customerId, replacementId);
        });
        changes.count("customer_erased");
        return new ErasedCustomer(rows == null ? 0 : rows);
    }
}
