package com.aiassistants.backend.assistant.bench;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.DeterministicAssistant;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/**
 * The assistant's own CPU per turn (NLU + state machine + JSON state), with the MCP calls replaced
 * by constant in-memory answers. Run: see docs/benchmarks.md (section backend-api assistant).
 * Not a test: no assertions on time.
 */
public final class AssistantTurnBench {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        DeterministicAssistant assistant = new DeterministicAssistant(new ConstantGateway());
        TenantProfile tenant = new TenantProfile("bench", "Clínica Demo", ZONE, "es", TenantProfile.FlowSettings.defaults());
        List<String> script = List.of("Hola", "quiero sacar un turno", "me llamo Ana Gómez", "limpieza",
                "no, mejor el jueves por la tarde", "2", "sí", "mis turnos", "gracias");
        Instant now = Instant.parse("2026-01-12T12:00:00Z");
        for (int phase = 0; phase < 2; phase++) {
            long turns = 0;
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                String state = null;
                for (String text : script) {
                    AssistantReply reply = assistant.reply(new AssistantTurn(tenant, "c" + i, "+54911" + i, null, "whatsapp",
                            text, null, state, Map.of(), List.of(), now));
                    state = reply.state();
                    turns++;
                }
            }
            long elapsed = System.nanoTime() - started;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStarted;
            // CPU time of this thread is what the engine itself costs; wall time also counts waiting for a core
            System.out.printf("%s: %d turns, %.1f µs/turn CPU, %.1f µs/turn wall%n", phase == 0 ? "warm-up" : "measured",
                    turns, cpu / 1000.0 / turns, elapsed / 1000.0 / turns);
        }
    }

    /** Answers like the demo clinic, without any I/O. */
    static final class ConstantGateway implements SchedulingGateway {

        private final List<Service> services = List.of(
                new Service("svc-limpieza", "Limpieza dental", "", 30, 0, new BigDecimal("15000"), "ARS", true, List.of("pro-perez")),
                new Service("svc-consulta-odonto", "Consulta odontológica", "", 30, 0, BigDecimal.TEN, "ARS", true, List.of("pro-perez")),
                new Service("svc-consulta-clinica", "Consulta clínica", "", 20, 0, BigDecimal.TEN, "ARS", true, List.of("pro-gomez")),
                new Service("svc-kinesio", "Sesión de kinesiología", "", 45, 0, BigDecimal.TEN, "ARS", true, List.of("pro-fernandez")));
        private final List<Professional> professionals = List.of(
                new Professional("pro-perez", "Dra. María Pérez", "Odontología", "", "", "", true, List.of("svc-limpieza", "svc-consulta-odonto")),
                new Professional("pro-gomez", "Dr. Juan Gómez", "Clínica médica", "", "", "", true, List.of("svc-consulta-clinica")),
                new Professional("pro-fernandez", "Lic. Laura Fernández", "Kinesiología", "", "", "", true, List.of("svc-kinesio")));

        @Override
        public List<Service> services(String tenantId) {
            return services;
        }

        @Override
        public List<Professional> professionals(String tenantId) {
            return professionals;
        }

        @Override
        public WorkingHours workingHours(String tenantId, String professionalId) {
            return new WorkingHours(professionalId, ZONE.getId(), List.of(new WorkingRange(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                    LocalTime.of(13, 0))), List.of());
        }

        @Override
        public List<Slot> findSlots(String tenantId, FindAvailableSlotsInput input) {
            List<Slot> slots = new ArrayList<>();
            LocalDateTime start = input.fromDate().atTime(input.earliest() != null ? input.earliest() : LocalTime.of(9, 0));
            for (int i = 0; i < Math.min(5, input.limit()); i++) {
                LocalDateTime at = start.plusMinutes(30L * i);
                slots.add(new Slot("pro-perez", "Dra. María Pérez", input.serviceId(), at.atZone(ZONE).toInstant(),
                        at.plusMinutes(30).atZone(ZONE).toInstant(), at, at.plusMinutes(30), ZONE.getId()));
            }
            return slots;
        }

        @Override
        public Booking hold(String tenantId, HoldSlotInput in) {
            return booking(CalendarTools.BookingStatus.HELD, in.start());
        }

        @Override
        public Booking confirm(String tenantId, String bookingId, String customerId) {
            return booking(CalendarTools.BookingStatus.CONFIRMED, Instant.parse("2026-01-15T17:30:00Z"));
        }

        @Override
        public Booking cancel(String tenantId, String bookingId, String customerId, String reason) {
            return booking(CalendarTools.BookingStatus.CANCELLED, Instant.parse("2026-01-15T17:30:00Z"));
        }

        @Override
        public Booking reschedule(String tenantId, String bookingId, Instant newStart, String professionalId, String customerId) {
            return booking(CalendarTools.BookingStatus.CONFIRMED, newStart);
        }

        @Override
        public List<Booking> upcomingBookings(String tenantId, String customerId) {
            return List.of(booking(CalendarTools.BookingStatus.CONFIRMED, Instant.parse("2026-01-15T17:30:00Z")));
        }

        private static Booking booking(CalendarTools.BookingStatus status, Instant start) {
            LocalDateTime local = LocalDateTime.ofInstant(start, ZONE);
            return new Booking("bk-1", "ABCDE", status, "svc-limpieza", "Limpieza dental", "pro-perez", "Dra. María Pérez",
                    "c", "Ana", start, start.plusSeconds(1800), local, ZONE.getId(), "", "whatsapp", start, start, start, null, 1);
        }
    }
}
