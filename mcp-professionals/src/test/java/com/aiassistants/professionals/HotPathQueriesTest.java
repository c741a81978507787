package com.aiassistants.professionals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.common.scheduling.ProfessionalsTools.AddTimeOffInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.HoursRange;
import com.aiassistants.common.scheduling.ProfessionalsTools.SetDateOverrideInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;
import com.aiassistants.professionals.catalog.ServiceCatalog;
import com.aiassistants.professionals.demo.DemoClinic;
import com.aiassistants.professionals.schedule.Schedules;

/** get_working_hours and list_services sit on the slot-search hot path: one SQL statement each, whatever the size. */
class HotPathQueriesTest extends McpTestBase {

    @Autowired
    DemoClinic demoClinic;

    @Autowired
    Schedules schedules;

    @Autowired
    ServiceCatalog catalog;

    @Test
    void workingHoursAreReadWithOneStatement() {
        String tenant = newTenant();
        demoClinic.load(tenant);
        Instant start = Instant.now().plusSeconds(3600);
        for (int i = 0; i < 5; i++) {
            schedules.addTimeOff(tenant, new AddTimeOffInput(DemoClinic.PRO_PEREZ, start.plusSeconds(i * 86_400L),
                    start.plusSeconds(i * 86_400L + 3600), "x"));
        }
        List<WorkingRange> many = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 6; hour < 20; hour += 2) {
                many.add(new WorkingRange(day, LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0)));
            }
        }
        schedules.setWorkingHours(tenant, DemoClinic.PRO_PEREZ, many);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Argentina/Buenos_Aires"));
        for (int i = 1; i <= 3; i++) {
            schedules.setDateOverride(tenant, new SetDateOverrideInput(DemoClinic.PRO_PEREZ, today.plusDays(i),
                    List.of(new HoursRange(LocalTime.of(9, 0), LocalTime.of(11, 0)),
                            new HoursRange(LocalTime.of(15, 0), LocalTime.of(17, 0))), null));
        }

        int[] sizes = new int[3];
        int statements = countStatements(() -> {
            var hours = schedules.workingHours(tenant, DemoClinic.PRO_PEREZ, null, null);
            sizes[0] = hours.ranges().size();
            sizes[1] = hours.timeOff().size();
            sizes[2] = hours.dateOverrides().stream().mapToInt(o -> o.ranges().size()).sum();
        });
        assertThat(sizes).containsExactly(many.size(), 5, 6);
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void servicesAreListedWithOneStatement() {
        String tenant = newTenant();
        demoClinic.load(tenant);
        int[] count = new int[1];
        int statements = countStatements(() -> count[0] = catalog.list(tenant, null, null, false).size());
        assertThat(count[0]).isEqualTo(4);
        assertThat(statements).isEqualTo(1);
        assertThat(countStatements(() -> catalog.list(tenant, DemoClinic.PRO_PEREZ, "limpieza", false))).isEqualTo(1);
    }
}
