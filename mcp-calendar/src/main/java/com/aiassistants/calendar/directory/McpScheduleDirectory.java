package com.aiassistants.calendar.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.aiassistants.calendar.config.CalendarProperties;
import com.aiassistants.common.cache.ExpiringCache;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetProfessionalInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetWorkingHoursInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListProfessionalsInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListServicesInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.ProfessionalList;
import com.aiassistants.common.scheduling.ProfessionalsTools.ScheduleSettings;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.ServiceList;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * {@link ScheduleDirectory} over MCP: calls mcp-professionals with {@link McpToolClient} and keeps
 * the answers for {@code ai-assistants.calendar.directory-cache-ttl}. Time-off windows are widened
 * to whole UTC days so repeated searches share cache entries.
 */
@Component
public class McpScheduleDirectory implements ScheduleDirectory {

    private record Key(String tenantId, String kind, String id, Instant from, Instant to) {
    }

    private final McpToolClient client;
    private final ExpiringCache<Key, Object> cache;
    private final Clock clock;

    /** Time off is fetched for this many days ahead at once (searches reach at most a few weeks). */
    static final java.time.Duration HOURS_HORIZON = java.time.Duration.ofDays(92);

    public McpScheduleDirectory(@Qualifier("professionalsClient") McpToolClient client, CalendarProperties properties,
            Clock clock) {
        this.client = client;
        this.cache = ExpiringCache.of(properties.directoryCacheTtl(), 10_000, clock);
        this.clock = clock;
    }

    @Override
    public Service service(String tenantId, String serviceId) {
        return services(tenantId).services().stream().filter(s -> s.id().equals(serviceId)).findFirst()
                .orElseThrow(() -> new ToolException(CalendarTools.NOT_FOUND, "No service with id " + serviceId));
    }

    private ServiceList services(String tenantId) {
        return cached(new Key(tenantId, "services", null, null, null), () -> call(tenantId,
                ProfessionalsTools.LIST_SERVICES, new ListServicesInput(null, null), ServiceList.class));
    }

    @Override
    public Professional professional(String tenantId, String professionalId) {
        return cached(new Key(tenantId, "professional", professionalId, null, null), () -> call(tenantId,
                ProfessionalsTools.GET_PROFESSIONAL, new GetProfessionalInput(professionalId), Professional.class));
    }

    @Override
    public List<Professional> professionalsOffering(String tenantId, String serviceId) {
        ProfessionalList list = cached(new Key(tenantId, "offering", serviceId, null, null), () -> call(tenantId,
                ProfessionalsTools.LIST_PROFESSIONALS, new ListProfessionalsInput(serviceId, false),
                ProfessionalList.class));
        return list.professionals().stream().filter(Professional::active).toList();
    }

    @Override
    public WorkingHours workingHours(String tenantId, String professionalId, Instant timeOffFrom, Instant timeOffTo) {
        Instant from = timeOffFrom.truncatedTo(ChronoUnit.DAYS);
        Instant to = timeOffTo.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        // Searches ask for many different windows (one per conversation's day); one wide window per
        // professional and day (yesterday .. +HOURS_HORIZON) serves them all from one cache entry.
        Instant horizonFrom = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        Instant horizonTo = horizonFrom.plus(HOURS_HORIZON);
        boolean withinHorizon = !from.isBefore(horizonFrom) && !to.isAfter(horizonTo);
        Instant windowFrom = withinHorizon ? horizonFrom : from;
        Instant windowTo = withinHorizon ? horizonTo : to;
        return cached(new Key(tenantId, "hours", professionalId, windowFrom, windowTo), () -> call(tenantId,
                ProfessionalsTools.GET_WORKING_HOURS, new GetWorkingHoursInput(professionalId, windowFrom, windowTo),
                WorkingHours.class));
    }

    @Override
    public String timeZone(String tenantId) {
        return cached(new Key(tenantId, "settings", null, null, null), () -> call(tenantId,
                ProfessionalsTools.GET_SCHEDULE_SETTINGS, new ProfessionalsTools.EmptyInput(), ScheduleSettings.class))
                .timeZone();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, java.util.function.Supplier<T> loader) {
        return (T) cache.get(key, k -> loader.get());
    }

    private <T> T call(String tenantId, String tool, Object input, Class<T> type) {
        try {
            return client.call(tenantId, tool, input, type);
        } catch (McpToolError e) {
            if (CalendarTools.NOT_FOUND.equals(e.code())) {
                throw new ToolException(CalendarTools.NOT_FOUND, e.getMessage());
            }
            throw new DirectoryUnavailableException("mcp-professionals refused " + tool + ": " + e.getMessage());
        } catch (McpUnavailableException e) {
            throw new DirectoryUnavailableException(
                    "The professionals directory is unavailable right now; try again shortly");
        }
    }
}
