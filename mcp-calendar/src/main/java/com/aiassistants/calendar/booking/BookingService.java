package com.aiassistants.calendar.booking;

import static com.aiassistants.calendar.booking.BookingRules.blankToNull;
import static com.aiassistants.calendar.booking.BookingRules.limit;
import static com.aiassistants.calendar.booking.BookingRules.required;
import static com.aiassistants.calendar.booking.BookingRules.staffActor;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.calendar.availability.ActiveBookingsQuery;
import com.aiassistants.calendar.availability.Appointment;
import com.aiassistants.calendar.availability.AvailabilityService;
import com.aiassistants.calendar.config.CalendarProperties;
import com.aiassistants.common.database.SqlStates;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.BookConfirmedInput;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;

/**
 * New bookings: a patient's hold (HELD, expires) or staff's confirmed booking. Overlaps are refused by the
 * database's exclusion constraint, never by a read-then-write check; the insert writes its booking-log event into
 * the outbox in the same transaction. The rest of the lifecycle is {@link BookingTransitions}, reads are
 * {@link BookingQueries}, expiry is {@link HoldExpiry}.
 */
@Service
public class BookingService {

    private final BookingRepository repository;
    private final AvailabilityService availability;
    private final BookingChanges changes;
    private final HoldExpiry expiry;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CalendarProperties properties;
    private final ProfessionalLocks professionalLocks;
    private final ActiveBookingsQuery busyTimes;

    BookingService(BookingRepository repository, AvailabilityService availability, BookingChanges changes,
            HoldExpiry expiry, TransactionTemplate transaction, Clock clock, CalendarProperties properties,
            ProfessionalLocks professionalLocks, ActiveBookingsQuery busyTimes) {
        this.busyTimes = busyTimes;
        this.repository = repository;
        this.availability = availability;
        this.changes = changes;
        this.expiry = expiry;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
        this.professionalLocks = professionalLocks;
    }

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
        required(in.customerId(), "customer_id");
        String key = required(in.idempotencyKey(), "idempotency_key");
        limit(in.customerName(), "customer_name", BookingRules.MAX_TEXT);
        limit(in.notes(), "notes", BookingRules.MAX_NOTES);
        limit(in.channel(), "channel", 32);
        // the idempotency key is looked up inside the professional's day queue (insert), not before it: a burst
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
        ProfessionalDays target = ProfessionalDays.of(tenantId, appointment.professional().id(), appointment.start(),
                appointment.blockedUntil());
        for (int attempt = 1; ; attempt++) {
            try {
                return professionalLocks.withProfessional(target,
                        () -> transaction.execute(status -> insert(tenantId, in, appointment, target, actor, confirmed)));
            } catch (CalendarBusyException e) {
                changes.count("slot_taken");
                throw BookingRules.slotTaken(availability, tenantId, in.serviceId(), appointment.professional().id(),
                        appointment.start());
            } catch (DataAccessException e) {
                if (SqlFailures.isOverlap(e)) {
                    Optional<StoredBooking> raced = repository.findByIdempotencyKey(tenantId, key);
                    if (raced.isPresent()) {
                        return sameRequest(raced.get(), in);
                    }
                    changes.count("slot_taken");
                    throw BookingRules.slotTaken(availability, tenantId, in.serviceId(),
                            appointment.professional().id(), appointment.start());
                }
                if (SqlFailures.isUniqueViolationOf(e, BookingRepository.IDEMPOTENCY_CONSTRAINT)) {
                    return sameRequest(repository.findByIdempotencyKey(tenantId, key).orElseThrow(), in);
                }
                if ((SqlFailures.isUniqueViolationOf(e, BookingRepository.SHORT_CODE_CONSTRAINT)
                        || SqlStates.isTransientConflict(e)) && attempt < BookingRules.CAS_ATTEMPTS) {
                    continue;
                }
                throw e;
            }
        }
    }

    private Booking insert(String tenantId, HoldSlotInput in, Appointment appointment, ProfessionalDays target,
            String actor, boolean confirmed) {
        Instant now = clock.instant();
        repository.lockCustomerAndDays(tenantId, in.customerId(), target);
        BookingRepository.HoldCheck check = repository.holdCheck(tenantId, in.customerId(), in.idempotencyKey(), now);
        if (check.existing().isPresent()) {
            return sameRequest(check.existing().get(), in);
        }
        int active = confirmed ? 0 : check.activeHolds();
        if (active >= properties.maxActiveHoldsPerCustomer()) {
            changes.count("hold_limit_reached");
            throw new ToolException(CalendarTools.HOLD_LIMIT_REACHED, "The customer already has " + active
                    + " pending holds; confirm or cancel one first",
                    Map.of("max_active_holds", properties.maxActiveHoldsPerCustomer()));
        }
        expiry.expireStale(tenantId, appointment.professional().id(), appointment.start(), appointment.blockedUntil(),
                now);
        if (busyTimes.googleBusy(tenantId, appointment.professional().id(), appointment.start(),
                appointment.blockedUntil())) {
            throw new CalendarBusyException();
        }
        StoredBooking row = new StoredBooking(UUID.randomUUID(), tenantId, ShortCodes.next(), in.idempotencyKey(),
                confirmed ? BookingStatus.CONFIRMED : BookingStatus.HELD, appointment.service().id(),
                appointment.service().name(),
                appointment.professional().id(), appointment.professional().name(), in.customerId(),
                blankToNull(in.customerName()), appointment.start(), appointment.end(), appointment.blockedUntil(),
                appointment.zone().getId(), blankToNull(in.notes()), blankToNull(in.channel()),
                confirmed ? null : now.plus(properties.holdTtl()), now, now, 0, null);
        repository.insert(row);
        Booking view = row.view(now);
        changes.record(tenantId, row.id(), confirmed ? "confirmed" : "held", actor, row.customerId(),
                row.professionalId(), now, null, view);
        return view;
    }

    private Booking sameRequest(StoredBooking existing, HoldSlotInput in) {
        if (!existing.customerId().equals(in.customerId()) || !existing.serviceId().equals(in.serviceId())) {
            throw new ToolException("invalid_request",
                    "idempotency_key was already used for a different booking request");
        }
        return existing.view(clock.instant());
    }
}
