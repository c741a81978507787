package com.aiassistants.backend.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aiassistants.backend.tenant.AdminUsers.Role;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.Projects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /v1/admin/stats/dashboard} for any console role of the project. */
@RestController
@Tag(name = "stats")
public class DashboardController {

    private final DashboardStats stats;
    private final Projects projects;

    public DashboardController(DashboardStats stats, Projects projects) {
        this.stats = stats;
        this.projects = projects;
    }

    @Operation(summary = "Today's agenda, bookings, messages per hour and bot/staff shares, in the project's time zone")
    @GetMapping("/v1/admin/stats/dashboard")
    public DashboardStats.Dashboard dashboard(Caller caller) {
        return stats.dashboard(projects.require(caller.requireAdminOnOwnProject(Role.STAFF)));
    }
}
