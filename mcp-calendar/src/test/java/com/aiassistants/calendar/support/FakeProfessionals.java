package com.aiassistants.calendar.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.EmptyInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.HoursRange;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetProfessionalInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetWorkingHoursInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListProfessionalsInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListServicesInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.ProfessionalList;
import com.aiassistants.common.scheduling.ProfessionalsTools.ScheduleSettings;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.ServiceList;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/** In-memory mcp-professionals fixture data per tenant, served through the real {@code ProfessionalsTools} contract. */
public final class FakeProfessionals {

    /** One tenant's directory; fluent so tests read as the schedule they describe. */
    public static final class Tenant {
        final String zone;
        final Map<String, Professional> professionals = new ConcurrentHashMap<>();
        final Map<String, Service> services = new ConcurrentHashMap<>();
        final Map<String, List<WorkingRange>> hours = new ConcurrentHashMap<>();
        final Map<String, List<TimeOff>> timeOff = new ConcurrentHashMap<>();
        final Map<String, Map<java.time.LocalDate, DateOverride>> overrides = new ConcurrentHashMap<>();

        Tenant(String zone) {
            this.zone = zone;
        }

        public Tenant service(String id, String name, int durationMinutes, int bufferMinutes) {
            services.put(id, new Service(id, name, "", durationMinutes, bufferMinutes, BigDecimal.TEN, "ARS", true,
                    List.of()));
            return this;
        }

        public Tenant professional(String id, String name, String... serviceIds) {
            professionals.put(id, new Professional(id, name, "", "", "", "", true, List.of(serviceIds)));
            return this;
        }

        public Tenant hours(String professionalId, WorkingRange... ranges) {
            hours.put(professionalId, List.of(ranges));
            return this;
        }

        /** Hours of one date replacing the weekly ranges ("HH:mm-HH:mm" each; none = closed that day). */
        public Tenant override(String professionalId, java.time.LocalDate date, String... ranges) {
            overrides.computeIfAbsent(professionalId, k -> new ConcurrentHashMap<>()).put(date, new DateOverride(date,
                    Arrays.stream(ranges).map(r -> new HoursRange(java.time.LocalTime.parse(r.substring(0, 5)),
                            java.time.LocalTime.parse(r.substring(6)))).toList(), null));
            return this;
        }

        public Tenant timeOff(String professionalId, Instant start, Instant end) {
            timeOff.computeIfAbsent(professionalId, k -> new CopyOnWriteArrayList<>())
                    .add(new TimeOff("off-" + start, start, end, "vacaciones"));
            return this;
        }
    }

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public Tenant tenant(String tenantId, String zone) {
        return tenants.computeIfAbsent(tenantId, k -> new Tenant(zone));
    }

    public int calls(String tool) {
        return calls.getOrDefault(tool, new AtomicInteger()).get();
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private Tenant of(String tenantId) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            throw new ToolException("not_found", "unknown tenant " + tenantId);
        }
        return tenant;
    }

    private void count(String tool) {
        calls.computeIfAbsent(tool, k -> new AtomicInteger()).incrementAndGet();
    }

    public List<McpTool<?, ?>> tools() {
        List<McpTool<?, ?>> tools = new ArrayList<>();
        tools.add(McpTool.query(ProfessionalsTools.LIST_PROFESSIONALS, "Professionals", ListProfessionalsInput.class,
                ProfessionalList.class, (ctx, in) -> {
                    count(ProfessionalsTools.LIST_PROFESSIONALS);
                    return new ProfessionalList(of(ctx.requireTenant()).professionals.values().stream()
                            .filter(p -> in.serviceId() == null || p.serviceIds().contains(in.serviceId()))
                            .filter(p -> p.active() || Boolean.TRUE.equals(in.includeInactive()))
                            .sorted(java.util.Comparator.comparing(Professional::id)).toList());
                }));
        tools.add(McpTool.query(ProfessionalsTools.GET_PROFESSIONAL, "Professional", GetProfessionalInput.class,
                Professional.class, (ctx, in) -> {
                    count(ProfessionalsTools.GET_PROFESSIONAL);
                    Professional p = of(ctx.requireTenant()).professionals.get(in.professionalId());
                    if (p == null) {
                        throw new ToolException("not_found", "No professional " + in.professionalId());
                    }
                    return p;
                }));
        tools.add(McpTool.query(ProfessionalsTools.LIST_SERVICES, "Services", ListServicesInput.class,
                ServiceList.class, (ctx, in) -> {
                    count(ProfessionalsTools.LIST_SERVICES);
                    Tenant t = of(ctx.requireTenant());
                    return new ServiceList(t.services.values().stream().map(s -> new Service(s.id(), s.name(),
                            s.description(), s.durationMinutes(), s.bufferMinutes(), s.price(), s.currency(), true,
                            t.professionals.values().stream().filter(p -> p.serviceIds().contains(s.id()))
                                    .map(Professional::id).sorted().toList())).toList());
                }));
        tools.add(McpTool.query(ProfessionalsTools.GET_WORKING_HOURS, "Hours", GetWorkingHoursInput.class,
                WorkingHours.class, (ctx, in) -> {
                    count(ProfessionalsTools.GET_WORKING_HOURS);
                    Tenant t = of(ctx.requireTenant());
                    if (!t.professionals.containsKey(in.professionalId())) {
                        throw new ToolException("not_found", "No professional " + in.professionalId());
                    }
                    List<TimeOff> off = t.timeOff.getOrDefault(in.professionalId(), List.of()).stream()
                            .filter(o -> in.timeOffTo() == null || o.start().isBefore(in.timeOffTo()))
                            .filter(o -> in.timeOffFrom() == null || o.end().isAfter(in.timeOffFrom())).toList();
                    return new WorkingHours(in.professionalId(), t.zone,
                            t.hours.getOrDefault(in.professionalId(), List.of()), off,
                            t.overrides.getOrDefault(in.professionalId(), Map.of()).values().stream()
                                    .sorted(java.util.Comparator.comparing(DateOverride::date)).toList());
                }));
        tools.add(McpTool.query(ProfessionalsTools.GET_SCHEDULE_SETTINGS, "Settings", EmptyInput.class,
                ScheduleSettings.class, (ctx, in) -> {
                    count(ProfessionalsTools.GET_SCHEDULE_SETTINGS);
                    return new ScheduleSettings(of(ctx.requireTenant()).zone);
                }));
        return tools;
    }

    /** Shorthand for a weekly range. */
    public static WorkingRange range(java.time.DayOfWeek day, String start, String end) {
        return new WorkingRange(day, java.time.LocalTime.parse(start), java.time.LocalTime.parse(end));
    }

    /** The same range on several days. */
    public static WorkingRange[] every(String start, String end, java.time.DayOfWeek... days) {
        return Arrays.stream(days).map(d -> range(d, start, end)).toArray(WorkingRange[]::new);
    }
}
