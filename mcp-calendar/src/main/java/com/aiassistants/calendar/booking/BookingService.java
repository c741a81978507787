package com.aiassistants.calendar.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.calendar.availability.Appointment;
import com.aiassistants.calendar.availability.AvailabilityService;
import com.aiassistants.calendar.bookinglog.BookingEventOutbox;
import com.aiassistants.calendar.config.CalendarProperties;
import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Attendance;
import com.aiassistants.common.scheduling.CalendarTools.BookConfirmedInput;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.EraseCustomerInput;
import com.aiassistants.common.scheduling.CalendarTools.ErasedCustomer;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListCustomerBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.RecordAttendanceInput;
import com.aiassistants.common.scheduling.CalendarTools.MarkOutcomeInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The booking lifecycle: HELD (expires) → CONFIRMED → CANCELLED (COMPLETED / NO_SHOW are set by
 * staff tools later). Overlaps are refused by the database's exclusion constraint, never by a
 * read-then-write check; every state change is compare-and-set and writes its booking-log event
 * into the outbox in the same transaction.
 * <p>
 * Longer than the reactor's ~300-line guide on purpose: the transitions are each a compare-and-set with its outbox
 * write in one transaction, and reading them side by side is how a change to one is checked against the others.
 */
@Service
public class BookingService {

    static final int MAX_TEXT = 500;
    static final int MAX_NOTES = 2000;
    static final int CUSTOMER_LIST_LIMIT = 200;
    static final int RANGE_LIST_LIMIT = 1000;
    static final int SWEEP_BATCH = 500;
    private static final int CAS_ATTEMPTS = 5;

    private final BookingRepository repository;
    private final AvailabilityService availability;
    private final BookingEventOutbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CalendarProperties properties;
    private final MeterRegistry meterRegistry;
    private final ProfessionalLocks professionalLocks;

    public BookingService(BookingRepository repository, AvailabilityService availability, BookingEventOutbox outbox,
            TransactionTemplate transaction, Clock clock, CalendarProperties properties, MeterRegistry meterRegistry,
            ProfessionalLocks professionalLocks) {
        this.repository = repository;
        this.availability = availability;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
        this.professionalLocks = professionalLocks;
    }

    // ---- hold ----

    public Booking hold(String tenantId, HoldSlotInput in, String actor) {
        return create(tenantId, in, actor, false);
    }

    /**
     * A booking staff make for a patient: CONFIRMED at once (no hold, no per-customer hold cap), same
     * slot rules and exclusion constraint as {@link #hold}, idempotent on the key.
     */
    public Booking bookConfirmed(String tenantId, BookConfirmedInput in) {
        String actor = staffActor(in.actor(), true);
        return create(tenantId, new HoldSlotInput(in.serviceId(), in.professionalId(), in.start(), in.customerId(),
                in.customerName(), in.notes(), "console", in.idempotencyKey()), actor, true);
    }

    private Booking create(String tenantId, HoldSlotInput in, String actor, boolean confirmed) {
        String customerId = required(in.customerId(), "customer_id");
        String key = required(in.idempotencyKey(), "idempotency_key");
        limit(in.customerName(), "customer_name", MAX_TEXT);
        limit(in.notes(), "notes", MAX_NOTES);
        limit(in.channel(), "channel", 32);
        // the idempotency key is looked up inside the professional's queue (insert), not before it: a burst
        // for one professional then waits in memory instead of holding the connection pool
        Appointment appointment;
        try {
            appointment = availability.plan(tenantId, in.serviceId(), in.professionalId(), in.start());
        } catch (RuntimeException refused) {
            // a retry of a request that succeeded earlier gets the same answer even if the slot can no longer
            // be planned (its time has passed, the hours changed)
            Optional<StoredBooking> existing = repository.findByIdempotencyKey(tenantId, key);
            if (existing.isPresent()) {
                return sameRequest(existing.get(), in);
            }
            throw refused;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return professionalLocks.withProfessional(tenantId, appointment.professional().id(),
                        () -> transaction.execute(status -> insert(tenantId, in, appointment, actor, confirmed)));
            } catch (DataAccessException e) {
                if (SqlFailures.isOverlap(e)) {
                    Optional<StoredBooking> raced = repository.findByIdempotencyKey(tenantId, key);
                    if (raced.isPresent()) {
                        return sameRequest(raced.get(), in);
                    }
                    count("slot_taken");
                    throw slotTaken(tenantId, in.serviceId(), appointment.professional().id(), appointment.start());
                }
                if (SqlFailures.isUniqueViolationOf(e, BookingRepository.IDEMPOTENCY_CONSTRAINT)) {
                    return sameRequest(repository.findByIdempotencyKey(tenantId, key).orElseThrow(), in);
                }
                if (SqlFailures.isUniqueViolationOf(e, BookingRepository.SHORT_CODE_CONSTRAINT) && attempt < CAS_ATTEMPTS) {
                    continue;
                }
                throw e;
            }
        }
    }

    private Booking insert(String tenantId, HoldSlotInput in, Appointment appointment, String actor,
            boolean confirmed) {
        Instant now = clock.instant();
        repository.lockCustomer(tenantId, in.customerId());
        Optional<StoredBooking> existing = repository.findByIdempotencyKey(tenantId, in.idempotencyKey());
        if (existing.isPresent()) {
            return sameRequest(existing.get(), in);
        }
        int active = confirmed ? 0 : repository.countActiveHolds(tenantId, in.customerId(), now);
        if (active >= properties.maxActiveHoldsPerCustomer()) {
            count("hold_limit_reached");
            throw new ToolException(CalendarTools.HOLD_LIMIT_REACHED, "The customer already has " + active
                    + " pending holds; confirm or cancel one first",
                    Map.of("max_active_holds", properties.maxActiveHoldsPerCustomer()));
        }
        repository.lockProfessional(tenantId, appointment.professional().id());
        expireStale(tenantId, appointment.professional().id(), appointment.start(), appointment.blockedUntil(), now);
        StoredBooking row = new StoredBooking(UUID.randomUUID(), tenantId, ShortCodes.next(), in.idempotencyKey(),
                confirmed ? BookingStatus.CONFIRMED : BookingStatus.HELD, appointment.service().id(),
                appointment.service().name(),
                appointment.professional().id(), appointment.professional().name(), in.customerId(),
                blankToNull(in.customerName()), appointment.start(), appointment.end(), appointment.blockedUntil(),
                appointment.zone().getId(), blankToNull(in.notes()), blankToNull(in.channel()),
                confirmed ? null : now.plus(properties.holdTtl()), now, now, 0, null);
        repository.insert(row);
        Booking view = row.view(now);
        String event = confirmed ? "confirmed" : "held";
        outbox.record(tenantId, row.id(), event, actor, row.customerId(), row.professionalId(), now, null, view);
        count(event);
        return view;
    }

    private Booking sameRequest(StoredBooking existing, HoldSlotInput in) {
        if (!existing.customerId().equals(in.customerId()) || !existing.serviceId().equals(in.serviceId())) {
            throw new ToolException("invalid_request",
                    "idempotency_key was already used for a different booking request");
        }
        return existing.view(clock.instant());
    }

    // ---- confirm / cancel ----

    public Booking confirm(String tenantId, ConfirmBookingInput in, String actor) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            StoredBooking current = load(tenantId, in.bookingId(), in.customerId());
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
                    expireIfStale(current, now);
                    throw new ToolException(CalendarTools.HOLD_EXPIRED, "The hold on " + current.shortCode()
                            + " expired before it was confirmed; look for a new slot and hold it again");
                }
                default -> throw invalidTransition(current, "confirm", now);
            }
        }
        throw concurrentChange();
    }

    public Booking cancel(String tenantId, CancelBookingInput in, String defaultActor) {
        limit(in.reason(), "reason", MAX_TEXT);
        String actor = in.actor() == null ? defaultActor : staffActor(in.actor(), true);
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            StoredBooking current = load(tenantId, in.bookingId(), in.customerId());
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
                    expireIfStale(current, now);
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
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            StoredBooking current = load(tenantId, in.bookingId(), null);
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
            outbox.record(current.tenantId(), current.id(), event, actor, current.customerId(),
                    current.professionalId(), now, current.view(now), afterState);
            count(event);
            return view;
        }));
    }

    // ---- reschedule ----

    public Booking reschedule(String tenantId, RescheduleBookingInput in, String defaultActor) {
        String actor = in.actor() == null ? defaultActor : staffActor(in.actor(), true);
        if (in.newStart() == null) {
            throw new ToolException("invalid_request", "new_start is required");
        }
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            StoredBooking current = load(tenantId, in.bookingId(), in.customerId());
            Instant now = clock.instant();
            BookingStatus effective = current.effectiveStatus(now);
            if (effective == BookingStatus.EXPIRED) {
                expireIfStale(current, now);
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
                moved = professionalLocks.withProfessional(tenantId, professionalId, () -> transaction.execute(status -> {
                    repository.lockProfessional(tenantId, professionalId);
                    expireStale(tenantId, professionalId, target.start(), target.blockedUntil(), now);
                    return repository.move(current, professionalId, target.professional().name(), target.start(),
                            target.end(), target.blockedUntil(), target.zone().getId(), now).map(after -> {
                                Booking view = after.view(now);
                                outbox.record(tenantId, current.id(), "rescheduled", actor, current.customerId(),
                                        professionalId, now, current.view(now), view);
                                count("rescheduled");
                                return view;
                            });
                }));
            } catch (DataAccessException e) {
                if (SqlFailures.isOverlap(e)) {
                    count("slot_taken");
                    throw slotTaken(tenantId, current.serviceId(), professionalId, target.start());
                }
                throw e;
            }
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        throw concurrentChange();
    }

    // ---- attendance ----

    /**
     * Records the patient's answer to a reminder: {@code CONFIRMED} on a confirmed booking, {@code CANCELLED} on
     * one already cancelled (cancel it first). Recording the same answer again is harmless.
     */
    public Booking recordAttendance(String tenantId, RecordAttendanceInput in) {
        if (in.attendance() == null) {
            throw new ToolException("invalid_request", "attendance is required (CONFIRMED or CANCELLED)");
        }
        StoredBooking current = load(tenantId, in.bookingId(), in.customerId());
        Instant now = clock.instant();
        BookingStatus needed = in.attendance() == Attendance.CONFIRMED ? BookingStatus.CONFIRMED : BookingStatus.CANCELLED;
        if (current.effectiveStatus(now) != needed) {
            throw invalidTransition(current, "record attendance " + in.attendance() + " on", now);
        }
        if (in.attendance() == current.attendance()) {
            return current.view(now);
        }
        count("attendance_" + in.attendance().name().toLowerCase(java.util.Locale.ROOT));
        return repository.recordAttendance(current, in.attendance(), now).orElseThrow(() ->
                new ToolException(CalendarTools.NOT_FOUND, "No booking " + in.bookingId())).view(now);
    }

    // ---- erasure ----

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
            outbox.eraseCustomer(tenantId, customerId, replacementId);
            return repository.eraseCustomer(tenantId, customerId, replacementId);
        });
        count("customer_erased");
        return new ErasedCustomer(rows == null ? 0 : rows);
    }

    // ---- reads ----

    public Booking get(String tenantId, String bookingRef) {
        return load(tenantId, bookingRef, null).view(clock.instant());
    }

    public BookingList forCustomer(String tenantId, ListCustomerBookingsInput in) {
        String customerId = required(in.customerId(), "customer_id");
        Instant now = clock.instant();
        return new BookingList(repository.forCustomer(tenantId, customerId, Boolean.TRUE.equals(in.includePast()), now,
                CUSTOMER_LIST_LIMIT).stream().map(b -> b.view(now)).toList());
    }

    public BookingList inRange(String tenantId, ListBookingsInput in) {
        if (in.from() == null || in.to() == null || !in.to().isAfter(in.from())) {
            throw new ToolException("invalid_request", "from and to are required and to must be after from");
        }
        if (Duration.between(in.from(), in.to()).compareTo(Duration.ofDays(AvailabilityService.MAX_RANGE_DAYS + 1)) > 0) {
            throw new ToolException("invalid_request",
                    "the range may span at most " + (AvailabilityService.MAX_RANGE_DAYS + 1) + " days");
        }
        int pageSize = in.limit() == null ? RANGE_LIST_LIMIT : in.limit();
        if (pageSize < 1 || pageSize > RANGE_LIST_LIMIT) {
            throw new ToolException("invalid_request", "limit must be between 1 and " + RANGE_LIST_LIMIT);
        }
        RangeCursor after = RangeCursor.parse(blankToNull(in.cursor()));
        Instant now = clock.instant();
        List<StoredBooking> rows = repository.inRange(tenantId, in.from(), in.to(), blankToNull(in.professionalId()),
                blankToNull(in.serviceId()), in.statuses(), after, now, pageSize + 1);
        String next = null;
        if (rows.size() > pageSize) {
            rows = rows.subList(0, pageSize);
            next = RangeCursor.of(rows.getLast()).toString();
        }
        return new BookingList(rows.stream().map(b -> b.view(now)).toList(), next);
    }

    // ---- expiry ----

    /** Flips every stale hold to EXPIRED and logs it; returns how many. */
    public int expireStaleHolds() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            Integer expired = transaction.execute(status -> {
                List<StoredBooking> rows = repository.expireStaleHolds(now, SWEEP_BATCH);
                rows.forEach(row -> recordExpired(row, now));
                return rows.size();
            });
            total += expired == null ? 0 : expired;
            if (expired == null || expired < SWEEP_BATCH) {
                return total;
            }
        }
    }

    private void expireStale(String tenantId, String professionalId, Instant from, Instant to, Instant now) {
        repository.expireStaleHolds(tenantId, professionalId, from, to, now).forEach(row -> recordExpired(row, now));
    }

    private void expireIfStale(StoredBooking current, Instant now) {
        if (current.status() == BookingStatus.HELD) {
            transaction.executeWithoutResult(status -> repository.changeStatus(current, BookingStatus.EXPIRED, now)
                    .ifPresent(row -> recordExpired(row, now)));
        }
    }

    private void recordExpired(StoredBooking row, Instant now) {
        Map<String, Object> before = new LinkedHashMap<>(McpJson.toMap(row.view(now)));
        before.put("status", BookingStatus.HELD.name());
        outbox.record(row.tenantId(), row.id(), "expired", "system", row.customerId(), row.professionalId(), now,
                before, row.view(now));
        count("expired");
    }

    // ---- helpers ----

    private StoredBooking load(String tenantId, String bookingRef, String customerId) {
        String ref = required(bookingRef, "booking_id");
        Optional<StoredBooking> found;
        UUID id = parseUuid(ref);
        if (id != null) {
            found = repository.findById(tenantId, id);
        } else {
            String code = ShortCodes.normalize(ref);
            found = code == null ? Optional.empty() : repository.findByShortCode(tenantId, code);
        }
        return found.filter(b -> customerId == null || customerId.isBlank() || b.customerId().equals(customerId))
                .orElseThrow(() -> new ToolException(CalendarTools.NOT_FOUND, "No booking " + ref
                        + (customerId == null || customerId.isBlank() ? "" : " for this customer")));
    }

    private ToolException slotTaken(String tenantId, String serviceId, String professionalId, Instant start) {
        List<Slot> alternatives = availability.alternatives(tenantId, serviceId, professionalId, start);
        return new ToolException(CalendarTools.SLOT_TAKEN,
                "That time was just taken; here are the next free times", Map.of("alternatives", alternatives));
    }

    private static ToolException invalidTransition(StoredBooking current, String action, Instant now) {
        return new ToolException(CalendarTools.INVALID_TRANSITION, "Cannot " + action + " booking "
                + current.shortCode() + " in status " + current.effectiveStatus(now),
                Map.of("status", current.effectiveStatus(now).name()));
    }

    private static ToolException concurrentChange() {
        return new ToolException(CalendarTools.INVALID_TRANSITION,
                "The booking was changed by someone else at the same time; read it again and retry");
    }

    private void count(String outcome) {
        meterRegistry.counter("calendar.bookings.changes", "outcome", outcome).increment();
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ToolException("invalid_request", name + " is required");
        }
        limit(value, name, MAX_TEXT);
        return value;
    }

    private static void limit(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw new ToolException("invalid_request", name + " is longer than " + max + " characters");
        }
    }

    /** {@code staff:<email>} as given, or an invalid_request error (only staff act through this parameter). */
    private static String staffActor(String actor, boolean required) {
        if (actor == null || actor.isBlank()) {
            if (required) {
                throw new ToolException("invalid_request", "actor is required (staff:<email>)");
            }
            return null;
        }
        String trimmed = actor.trim();
        if (!trimmed.matches("staff:\\S{1,254}")) {
            throw new ToolException("invalid_request", "actor must be staff:<email>");
        }
        return trimmed;
    }

    private static UUID parseUuid(String value) {
        if (value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
