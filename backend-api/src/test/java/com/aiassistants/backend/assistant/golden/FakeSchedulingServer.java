package com.aiassistants.backend.assistant.golden;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.mcp.server.McpToolServerAutoConfiguration;
import com.aiassistants.common.mcp.server.ToolContext;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.ProfessionalList;
import com.aiassistants.common.scheduling.ProfessionalsTools.ServiceList;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * A real MCP server (common's server support, Streamable HTTP, service token) serving the
 * professionals and calendar tools of the contract from one {@link DemoClinic} per tenant. Tests
 * use a fresh tenant id per dialogue, so every dialogue starts from the same demo data. A tenant
 * can be switched "down" (HTTP 503) to test the assistant's behaviour during an outage.
 */
public final class FakeSchedulingServer implements AutoCloseable {

    public static final String TOKEN = "golden-service-token-0123456789";

    private static FakeSchedulingServer shared;

    private final ConfigurableApplicationContext context;
    private final Clinics clinics;

    private FakeSchedulingServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.clinics = context.getBean(Clinics.class);
    }

    /** One server for the whole test JVM (started on first use, random port). */
    public static synchronized FakeSchedulingServer shared() {
        if (shared == null) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
                    .web(WebApplicationType.SERVLET)
                    // arguments, not default properties: backend-api's application.yml (on the test
                    // class path) would otherwise win with port 8080 and clash with a running local stack
                    .run("--server.port=0", "--ai-assistants.mcp.server.service-token=" + TOKEN,
                            "--spring.application.name=fake-scheduling", "--spring.main.banner-mode=off",
                            "--logging.structured.format.console=", "--logging.level.root=WARN");
            shared = new FakeSchedulingServer(context);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public String url() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    DemoClinic clinic(String tenantId) {
        return clinics.of(tenantId);
    }

    /** The "now" of a tenant's demo calendar (no slots are offered before it). */
    public void setClock(String tenantId, java.time.Instant now) {
        clinic(tenantId).setNow(now);
    }

    public void setDown(String tenantId, boolean down) {
        if (down) {
            clinics.down.add(tenantId);
        } else {
            clinics.down.remove(tenantId);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    static final class Clinics {
        final Map<String, DemoClinic> byTenant = new ConcurrentHashMap<>();
        final Set<String> down = ConcurrentHashMap.newKeySet();

        DemoClinic of(String tenantId) {
            return byTenant.computeIfAbsent(tenantId, t -> new DemoClinic());
        }

        DemoClinic of(ToolContext context) {
            return of(context.requireTenant());
        }
    }

    // a test configuration: component scanning of backend test contexts must not pick it up
    @TestConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
            TomcatServletWebServerAutoConfiguration.class, McpToolServerAutoConfiguration.class})
    static class Config {

        // mcp-professionals lists by name, then id (ServiceRepository, ProfessionalRepository); so does the fake
        private static final Comparator<ProfessionalsTools.Service> BY_NAME_SERVICES =
                Comparator.comparing(ProfessionalsTools.Service::name).thenComparing(ProfessionalsTools.Service::id);
        private static final Comparator<ProfessionalsTools.Professional> BY_NAME_PROFESSIONALS =
                Comparator.comparing(ProfessionalsTools.Professional::name).thenComparing(ProfessionalsTools.Professional::id);

        @Bean
        Clinics clinics() {
            return new Clinics();
        }

        @Bean
        FilterRegistrationBean<Filter> outage(Clinics clinics) {
            Filter filter = (request, response, chain) -> {
                String tenant = ((HttpServletRequest) request).getHeader("X-Tenant-Id");
                if (tenant != null && clinics.down.contains(tenant)) {
                    ((HttpServletResponse) response).sendError(503);
                    return;
                }
                chain.doFilter(request, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        McpTool<ProfessionalsTools.ListServicesInput, ServiceList> listServices(Clinics clinics) {
            return McpTool.query(ProfessionalsTools.LIST_SERVICES, "Lists services", ProfessionalsTools.ListServicesInput.class,
                    ServiceList.class, (ctx, in) -> {
                        DemoClinic clinic = clinics.of(ctx);
                        return new ServiceList(clinic.services.stream()
                                .filter(s -> in.professionalId() == null || s.professionalIds().contains(in.professionalId()))
                                .sorted(BY_NAME_SERVICES).toList());
                    });
        }

        @Bean
        McpTool<ProfessionalsTools.ListProfessionalsInput, ProfessionalList> listProfessionals(Clinics clinics) {
            return McpTool.query(ProfessionalsTools.LIST_PROFESSIONALS, "Lists professionals",
                    ProfessionalsTools.ListProfessionalsInput.class, ProfessionalList.class, (ctx, in) -> {
                        DemoClinic clinic = clinics.of(ctx);
                        return new ProfessionalList(clinic.professionals.stream()
                                .filter(p -> in.serviceId() == null || p.serviceIds().contains(in.serviceId()))
                                .sorted(BY_NAME_PROFESSIONALS).toList());
                    });
        }

        @Bean
        McpTool<ProfessionalsTools.GetWorkingHoursInput, WorkingHours> workingHours(Clinics clinics) {
            return McpTool.query(ProfessionalsTools.GET_WORKING_HOURS, "Weekly hours", ProfessionalsTools.GetWorkingHoursInput.class,
                    WorkingHours.class, (ctx, in) -> {
                        DemoClinic clinic = clinics.of(ctx);
                        clinic.professional(in.professionalId());
                        return new WorkingHours(in.professionalId(), DemoClinic.ZONE.getId(), clinic.weekly, java.util.List.of());
                    });
        }

        @Bean
        McpTool<CalendarTools.FindAvailableSlotsInput, SlotList> findSlots(Clinics clinics) {
            return McpTool.query(CalendarTools.FIND_AVAILABLE_SLOTS, "Free slots", CalendarTools.FindAvailableSlotsInput.class,
                    SlotList.class, (ctx, in) -> new SlotList(DemoClinic.ZONE.getId(), clinics.of(ctx).freeSlots(in.serviceId(),
                            in.professionalId(), in.fromDate(), in.toDate() == null ? in.fromDate() : in.toDate(), in.earliest(),
                            in.latest(), in.limit() == null ? 20 : in.limit(), in.perDay())));
        }

        @Bean
        McpTool<CalendarTools.HoldSlotInput, Booking> holdSlot(Clinics clinics) {
            return McpTool.command(CalendarTools.HOLD_SLOT, "Holds a slot", CalendarTools.HoldSlotInput.class, Booking.class,
                    (ctx, in) -> clinics.of(ctx).hold(in));
        }

        @Bean
        McpTool<CalendarTools.ConfirmBookingInput, Booking> confirmBooking(Clinics clinics) {
            return McpTool.command(CalendarTools.CONFIRM_BOOKING, "Confirms a hold", CalendarTools.ConfirmBookingInput.class,
                    Booking.class, (ctx, in) -> clinics.of(ctx).confirm(in.bookingId(), in.customerId()));
        }

        @Bean
        McpTool<CalendarTools.CancelBookingInput, Booking> cancelBooking(Clinics clinics) {
            return McpTool.command(CalendarTools.CANCEL_BOOKING, "Cancels", CalendarTools.CancelBookingInput.class, Booking.class,
                    (ctx, in) -> clinics.of(ctx).cancel(in.bookingId(), in.customerId()));
        }

        @Bean
        McpTool<CalendarTools.RescheduleBookingInput, Booking> rescheduleBooking(Clinics clinics) {
            return McpTool.command(CalendarTools.RESCHEDULE_BOOKING, "Moves", CalendarTools.RescheduleBookingInput.class,
                    Booking.class, (ctx, in) -> clinics.of(ctx).reschedule(in.bookingId(), in.newStart(), in.professionalId(),
                            in.customerId()));
        }

        @Bean
        McpTool<CalendarTools.BookingIdInput, Booking> getBooking(Clinics clinics) {
            return McpTool.query(CalendarTools.GET_BOOKING, "One booking", CalendarTools.BookingIdInput.class, Booking.class,
                    (ctx, in) -> clinics.of(ctx).get(in.bookingId()));
        }

        @Bean
        McpTool<CalendarTools.ListCustomerBookingsInput, BookingList> customerBookings(Clinics clinics) {
            return McpTool.query(CalendarTools.LIST_CUSTOMER_BOOKINGS, "A customer's bookings",
                    CalendarTools.ListCustomerBookingsInput.class, BookingList.class,
                    (ctx, in) -> new BookingList(clinics.of(ctx).customerBookings(in.customerId(),
                            Boolean.TRUE.equals(in.includePast()))));
        }
    }

}
