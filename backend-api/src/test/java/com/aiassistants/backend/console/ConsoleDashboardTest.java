package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.testsupport.LocalMcpClient;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard against the real mcp-professionals and mcp-calendar (their exec jars, the demo clinic
 * seeded for project {@code demo}): a booking made through the calendar's tools and messages through the
 * API show up in the figures.
 */
class ConsoleDashboardTest extends BackendTestBase {

    static final String TOKEN = "dashboard-e2e-token-0123456789";
    static ServiceProcess professionals;
    static ServiceProcess calendar;

    @DynamicPropertySource
    static void schedulingServices(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.createDatabase("dashboard_e2e");
        Map<String, String> env = Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN, "AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT", "demo",
                "AI_ASSISTANTS_MCP_BOOKING_LOG_URL", "http://127.0.0.1:9");
        List<String> small = List.of("--spring.datasource.hikari.maximum-pool-size=3");
        professionals = ServiceProcess.start("mcp-professionals", db, env, small);
        Map<String, String> calendarEnv = new java.util.HashMap<>(env);
        calendarEnv.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        calendar = ServiceProcess.start("mcp-calendar", db, calendarEnv, small);
        registry.add("ai-assistants.backend.mcp.professionals.url", () -> professionals.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.calendar.url", () -> calendar.baseUrl().toString());
        registry.add("ai-assistants.backend.mcp.professionals.token", () -> TOKEN);
        registry.add("ai-assistants.backend.mcp.calendar.token", () -> TOKEN);
        // a context of its own: keep its share of the shared test PostgreSQL small
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    @AfterAll
    static void stop() {
        if (calendar != null) {
            calendar.close();
        }
        if (professionals != null) {
            professionals.close();
        }
    }

    @Test
    void bookingsAndMessagesShowOnTheDashboard() {
        ZoneId zone = ZoneId.of("America/Argentina/Buenos_Aires");
        Booking booked;
        try (LocalMcpClient prof = new LocalMcpClient("mcp-professionals", professionals.port(), TOKEN);
                LocalMcpClient cal = new LocalMcpClient("mcp-calendar", calendar.port(), TOKEN)) {
            String service = prof.call("demo", ProfessionalsTools.LIST_SERVICES,
                    new ProfessionalsTools.ListServicesInput(null, null), ProfessionalsTools.ServiceList.class)
                    .services().getFirst().id();
            LocalDate today = LocalDate.now(zone);
            SlotList slots = cal.call("demo", CalendarTools.FIND_AVAILABLE_SLOTS, new CalendarTools.FindAvailableSlotsInput(
                    service, null, today, today.plusDays(14), null, null, 1), SlotList.class);
            var slot = slots.slots().getFirst();
            Booking held = cal.call("demo", CalendarTools.HOLD_SLOT, new CalendarTools.HoldSlotInput(service,
                    slot.professionalId(), slot.start(), "+5491100009999", "Ana", null, "whatsapp",
                    UUID.randomUUID().toString()), Booking.class);
            booked = cal.call("demo", CalendarTools.CONFIRM_BOOKING, new CalendarTools.ConfirmBookingInput(held.id(), null),
                    Booking.class);
        }
        TestProject demo = new TestProject("demo", "demo-local-key-change-me", "demo-local-webhook-secret", superadminToken());
        web(demo, "dash-1", "hola");

        Response response = send("GET", "/v1/admin/stats/dashboard",
                Map.of("Authorization", "Bearer " + superadminToken(), "X-Project-Id", "demo"), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode dashboard = response.json();
        LocalDate today = LocalDate.now(zone);
        assertThat(dashboard.get("time_zone").asString()).isEqualTo(zone.getId());
        assertThat(dashboard.get("date").asString()).isEqualTo(today.toString());
        assertThat(dashboard.get("bookings_available").asBoolean()).isTrue();
        assertThat(dashboard.get("bookings_per_day")).hasSize(30);
        JsonNode lastDay = dashboard.get("bookings_per_day").get(29);
        assertThat(lastDay.get("date").asString()).isEqualTo(today.toString());
        assertThat(lastDay.get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.get("bookings_made_today").asLong()).isGreaterThanOrEqualTo(1);
        boolean bookedForToday = booked.start().atZone(zone).toLocalDate().equals(today);
        assertThat(dashboard.get("today_agenda").findValuesAsString("booking_id").contains(booked.id()))
                .isEqualTo(bookedForToday);
        if (bookedForToday) {
            assertThat(dashboard.get("bookings_today").asLong()).isGreaterThanOrEqualTo(1);
        }
        assertThat(dashboard.get("messages_per_hour")).hasSize(24);
        JsonNode thisHour = dashboard.get("messages_per_hour").get(23);
        assertThat(thisHour.get("inbound").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(thisHour.get("outbound").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.get("replies_by_bot").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.get("conversations").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.get("reminders").get("days").asInt()).isEqualTo(30);
        assertThat(dashboard.get("reminders").has("confirmation_rate")).isTrue();

        // staff of another project cannot read demo's figures; API keys get no dashboard
        TestProject other = newProject();
        assertThat(send("GET", "/v1/admin/stats/dashboard", Map.of("Authorization", "Bearer " + other.ownerToken(),
                "X-Project-Id", "demo"), null).json().get("bookings_made_today").asLong()).isZero();
        assertThat(send("GET", "/v1/admin/stats/dashboard", key(other.apiKey()), null).status()).isEqualTo(403);
    }
}
