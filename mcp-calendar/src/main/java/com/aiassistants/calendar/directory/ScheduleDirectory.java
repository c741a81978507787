package com.aiassistants.calendar.directory;

import java.time.Instant;
import java.util.List;

import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * Who works, what they offer and when: read from mcp-professionals. Unknown ids raise
 * {@code ToolException(not_found)}; an unreachable directory raises {@link DirectoryUnavailableException}.
 */
public interface ScheduleDirectory {

    Service service(String tenantId, String serviceId);

    Professional professional(String tenantId, String professionalId);

    /** Active professionals offering the service. */
    List<Professional> professionalsOffering(String tenantId, String serviceId);

    /** Weekly ranges, the tenant's zone, and time off overlapping [timeOffFrom, timeOffTo). */
    WorkingHours workingHours(String tenantId, String professionalId, Instant timeOffFrom, Instant timeOffTo);

    /** The tenant's IANA time zone. */
    String timeZone(String tenantId);
}
