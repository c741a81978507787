package com.aiassistants.backend.assistant.golden;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/**
 * One tenant's demo clinic, in memory, for the in-test MCP server: the catalogue of the golden
 * dialogues and a small calendar with the contract's semantics (slots from working hours minus
 * active bookings, holds with idempotency keys, slot_taken with alternatives, compare-and-set
 * status changes). Not a second implementation of mcp-calendar: just enough to speak the contract.
 */
final class DemoClinic {

    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    static final int HOLD_LIMIT = 3;

    final List<Professional> professionals = List.of(
            new Professional("pro-perez", "Dra. María Pérez", "Odontología", "Salud", "perez@demo.test", "+5491100000001", true,
                    List.of("svc-limpieza", "svc-consulta-odonto")),
            new Professional("pro-gomez", "Dr. Juan Gómez", "Clínica médica", "Salud", "gomez@demo.test", "+5491100000002", true,
                    List.of("svc-consulta-clinica")),
            new Professional("pro-fernandez", "Lic. Laura Fernández", "Kinesiología", "Salud", "fernandez@demo.test", "+5491100000003", true,
                    List.of("svc-kinesio")));
    final List<Service> services = List.of(
            new Service("svc-limpieza", "Limpieza dental", "Limpieza y control", 30, 0, new BigDecimal("15000"), "ARS",
                    true, List.of("pro-perez")),
            new Service("svc-consulta-odonto", "Consulta odontológica", "Control y diagnóstico", 30, 0, new BigDecimal("12000"), "ARS",
                    true, List.of("pro-perez")),
            new Service("svc-consulta-clinica", "Consulta clínica", "Atención de clínica médica", 20, 0, new BigDecimal("10000"), "ARS", true,
                    List.of("pro-gomez")),
            new Service("svc-kinesio", "Sesión de kinesiología", "Rehabilitación", 45, 0, new BigDecimal("14000"), "ARS", true,
                    List.of("pro-fernandez")));
    final List<WorkingRange> weekly;

    private final Map<String, Booking> bookings = new LinkedHashMap<>();
    private final Map<String, String> byIdempotencyKey = new HashMap<>();
    private volatile Instant now;
    private int sequence;

    DemoClinic() {
        List<WorkingRange> ranges = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            ranges.add(new WorkingRange(day, LocalTime.of(9, 0), LocalTime.of(13, 0)));
            ranges.add(new WorkingRange(day, LocalTime.of(14, 0), LocalTime.of(18, 0)));
        }
        this.weekly = List.copyOf(ranges);
    }

    void setNow(Instant now) {
        this.now = now;
    }

    Instant now() {
        return now != null ? now : Instant.now();
    }

    Service service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new ToolException(CalendarTools.NOT_FOUND, "no service " + id));
    }

    Professional professional(String id) {
        return professionals.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new ToolException(CalendarTools.NOT_FOUND, "no professional " + id));
    }

    synchronized List<Slot> freeSlots(String serviceId, String professionalId, LocalDate from, LocalDate to,
            LocalTime earliest, LocalTime latest, int limit) {
        return freeSlots(serviceId, professionalId, from, to, earliest, latest, limit, null);
    }

    /** As mcp-calendar answers: with {@code perDay}, only the earliest that many of each day. */
    synchronized List<Slot> freeSlots(String serviceId, String professionalId, LocalDate from, LocalDate to,
            LocalTime earliest, LocalTime latest, int limit, Integer perDay) {
        Service service = service(serviceId);
        List<Professional> who = professionalId != null ? List.of(professional(professionalId))
                : professionals.stream().filter(p -> p.serviceIds().contains(serviceId)).toList();
        Instant current = now();
        List<Slot> result = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (WorkingRange range : weekly) {
                if (range.dayOfWeek() != day.getDayOfWeek()) {
                    continue;
                }
                for (LocalTime t = range.start(); !t.plusMinutes(service.durationMinutes()).isAfter(range.end());
                        t = t.plusMinutes(service.durationMinutes())) {
                    if ((earliest != null && t.isBefore(earliest)) || (latest != null && t.isAfter(latest))) {
                        continue;
                    }
                    for (Professional p : who) {
                        if (!p.serviceIds().contains(serviceId)) {
                            continue;
                        }
                        Slot slot = slot(p, service, day.atTime(t));
                        if (slot.start().isAfter(current) && isFree(p.id(), slot.start(), slot.end(), null)) {
                            result.add(slot);
                        }
                    }
                }
            }
        }
        java.util.Map<LocalDate, Integer> ofDay = new java.util.HashMap<>();
        return result.stream().sorted(Comparator.comparing(Slot::start).thenComparing(Slot::professionalId))
                .filter(x -> perDay == null || ofDay.merge(x.localStart().toLocalDate(), 1, Integer::sum) <= perDay)
                .limit(limit).toList();
    }

    private Slot slot(Professional p, Service service, LocalDateTime localStart) {
        LocalDateTime localEnd = localStart.plusMinutes(service.durationMinutes());
        return new Slot(p.id(), p.name(), service.id(), localStart.atZone(ZONE).toInstant(), localEnd.atZone(ZONE).toInstant(),
                localStart, localEnd, ZONE.getId());
    }

    private boolean isFree(String professionalId, Instant start, Instant end, String ignoreBookingId) {
        for (Booking b : bookings.values()) {
            if (!b.professionalId().equals(professionalId) || b.id().equals(ignoreBookingId) || !active(b)) {
                continue;
            }
            if (b.start().isBefore(end) && start.isBefore(b.end())) {
                return false;
            }
        }
        return true;
    }

    private boolean active(Booking b) {
        return b.status() == BookingStatus.CONFIRMED
                || (b.status() == BookingStatus.HELD && b.holdExpiresAt().isAfter(now()));
    }

    synchronized Booking hold(CalendarTools.HoldSlotInput in) {
        String existing = byIdempotencyKey.get(in.idempotencyKey());
        if (existing != null) {
            return bookings.get(existing);
        }
        Service service = service(in.serviceId());
        Professional p = professional(in.professionalId());
        LocalDateTime localStart = LocalDateTime.ofInstant(in.start(), ZONE);
        if (!withinHours(localStart, service.durationMinutes())) {
            throw new ToolException(CalendarTools.OUTSIDE_WORKING_HOURS, "outside working hours");
        }
        Slot slot = slot(p, service, localStart);
        if (!isFree(p.id(), slot.start(), slot.end(), null) || !slot.start().isAfter(now())) {
            throw slotTaken(service.id(), p.id(), localStart);
        }
        long activeHolds = bookings.values().stream().filter(b -> b.customerId().equals(in.customerId())
                && b.status() == BookingStatus.HELD && active(b)).count();
        if (activeHolds >= HOLD_LIMIT) {
            throw new ToolException(CalendarTools.HOLD_LIMIT_REACHED, "too many holds");
        }
        sequence++;
        String id = "bk-" + sequence;
        Instant created = now();
        Booking booking = new Booking(id, shortCode(sequence), BookingStatus.HELD, service.id(), service.name(), p.id(),
                p.name(), in.customerId(), orEmpty(in.customerName()), slot.start(), slot.end(), localStart, ZONE.getId(),
                orEmpty(in.notes()), orEmpty(in.channel()), created.plus(Duration.ofMinutes(5)), created, created.plusNanos(sequence), null, 1);
        bookings.put(id, booking);
        byIdempotencyKey.put(in.idempotencyKey(), id);
        return booking;
    }

    private boolean withinHours(LocalDateTime start, int minutes) {
        LocalDateTime end = start.plusMinutes(minutes);
        return weekly.stream().anyMatch(r -> r.dayOfWeek() == start.getDayOfWeek() && !start.toLocalTime().isBefore(r.start())
                && !end.toLocalTime().isAfter(r.end()) && end.toLocalDate().equals(start.toLocalDate()));
    }

    private ToolException slotTaken(String serviceId, String professionalId, LocalDateTime wanted) {
        List<Slot> alternatives = freeSlots(serviceId, professionalId, wanted.toLocalDate(), wanted.toLocalDate().plusDays(14),
                null, null, 50).stream().filter(s -> !s.localStart().isBefore(wanted)).limit(3).toList();
        return new ToolException(CalendarTools.SLOT_TAKEN, "That time was just taken",
                Map.of("alternatives", alternatives.stream().map(McpJson::toMap).toList()));
    }

    synchronized Booking confirm(String bookingId, String customerId) {
        Booking b = find(bookingId, customerId);
        if (b.status() == BookingStatus.CONFIRMED) {
            return b;
        }
        if (b.status() != BookingStatus.HELD) {
            throw new ToolException(CalendarTools.INVALID_TRANSITION, "booking is " + b.status());
        }
        if (!b.holdExpiresAt().isAfter(now())) {
            throw new ToolException(CalendarTools.HOLD_EXPIRED, "the hold expired");
        }
        return save(b, BookingStatus.CONFIRMED, b.start(), b.end(), b.localStart(), b.professionalId(), b.professionalName());
    }

    synchronized Booking cancel(String bookingId, String customerId) {
        Booking b = find(bookingId, customerId);
        if (b.status() != BookingStatus.HELD && b.status() != BookingStatus.CONFIRMED) {
            throw new ToolException(CalendarTools.INVALID_TRANSITION, "booking is " + b.status());
        }
        return save(b, BookingStatus.CANCELLED, b.start(), b.end(), b.localStart(), b.professionalId(), b.professionalName());
    }

    synchronized Booking reschedule(String bookingId, Instant newStart, String professionalId, String customerId) {
        Booking b = find(bookingId, customerId);
        if (b.status() != BookingStatus.CONFIRMED) {
            throw new ToolException(CalendarTools.INVALID_TRANSITION, "booking is " + b.status());
        }
        Professional p = professional(professionalId != null ? professionalId : b.professionalId());
        Service service = service(b.serviceId());
        LocalDateTime localStart = LocalDateTime.ofInstant(newStart, ZONE);
        Slot slot = slot(p, service, localStart);
        if (!withinHours(localStart, service.durationMinutes())) {
            throw new ToolException(CalendarTools.OUTSIDE_WORKING_HOURS, "outside working hours");
        }
        if (!isFree(p.id(), slot.start(), slot.end(), b.id()) || !slot.start().isAfter(now())) {
            throw slotTaken(service.id(), p.id(), localStart);
        }
        return save(b, BookingStatus.CONFIRMED, slot.start(), slot.end(), localStart, p.id(), p.name());
    }

    synchronized Booking get(String bookingId) {
        return find(bookingId, null);
    }

    synchronized List<Booking> customerBookings(String customerId, boolean includePast) {
        Instant current = now();
        return bookings.values().stream().filter(b -> b.customerId().equals(customerId))
                .filter(b -> includePast || (active(b) && b.end().isAfter(current)))
                .sorted(Comparator.comparing(Booking::start)).toList();
    }

    private Booking find(String idOrCode, String customerId) {
        Booking b = bookings.get(idOrCode);
        if (b == null) {
            b = bookings.values().stream().filter(x -> idOrCode.equalsIgnoreCase(x.shortCode())).findFirst().orElse(null);
        }
        if (b == null || (customerId != null && !customerId.equals(b.customerId()))) {
            throw new ToolException(CalendarTools.NOT_FOUND, "no booking " + idOrCode);
        }
        return b;
    }

    private Booking save(Booking b, BookingStatus status, Instant start, Instant end, LocalDateTime localStart,
            String professionalId, String professionalName) {
        sequence++;
        Booking updated = new Booking(b.id(), b.shortCode(), status, b.serviceId(), b.serviceName(), professionalId,
                professionalName, b.customerId(), b.customerName(), start, end, localStart, b.timeZone(), b.notes(),
                b.channel(), b.holdExpiresAt(), b.createdAt(), now().plusNanos(sequence), null,
                b.version() == null ? 1 : b.version() + 1);
        bookings.put(b.id(), updated);
        return updated;
    }

    /** The contract's output schemas mark every component required, so the fake never sends nulls. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String shortCode(int sequence) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        long value = (sequence * 7919L + 104729L) % (32L * 32 * 32 * 32 * 32);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            code.append(alphabet.charAt((int) (value % 32)));
            value /= 32;
        }
        return code.toString();
    }
}
