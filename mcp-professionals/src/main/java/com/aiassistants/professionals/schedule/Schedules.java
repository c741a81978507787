package com.aiassistants.professionals.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.common.scheduling.ProfessionalsTools.AddTimeOffInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.HoursRange;
import com.aiassistants.common.scheduling.ProfessionalsTools.SetDateOverrideInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ScheduleSettings;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;
import com.aiassistants.professionals.ProfessionalsProperties;
import com.aiassistants.professionals.directory.ProfessionalRepository;
import com.aiassistants.professionals.support.Ids;
import com.aiassistants.professionals.support.Inputs;

/** When professionals work: weekly ranges in the tenant's zone, time off, and the zone itself. */
@Component
public class Schedules {

    static final Duration DEFAULT_TIME_OFF_WINDOW = Duration.ofDays(90);
    static final Duration MAX_WINDOW = Duration.ofDays(400);

    private final ScheduleRepository repository;
    private final ProfessionalRepository professionals;
    private final ProfessionalsProperties properties;
    private final Clock clock;

    public Schedules(ScheduleRepository repository, ProfessionalRepository professionals,
            ProfessionalsProperties properties, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.professionals = professionals;
        this.properties = properties;
    }

    /**
     * Weekly ranges plus the time off and date overrides overlapping [from, to) (default now … +90 days),
     * in one SQL statement.
     */
    @Transactional(readOnly = true)
    public WorkingHours workingHours(String tenant, String professionalId, Instant timeOffFrom, Instant timeOffTo) {
        String id = Inputs.required(professionalId, "professional_id", 100);
        Instant from = timeOffFrom == null ? clock.instant() : timeOffFrom;
        Instant to = timeOffTo == null ? from.plus(DEFAULT_TIME_OFF_WINDOW) : timeOffTo;
        if (!from.isBefore(to)) {
            throw Inputs.invalid("time_off_from must be before time_off_to");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw Inputs.invalid("the time off window may span at most " + MAX_WINDOW.toDays() + " days");
        }
        var snapshot = repository.workingHours(tenant, id, from, to)
                .orElseThrow(() -> Inputs.notFound("professional", id));
        String zone = snapshot.timeZone() == null ? properties.defaultTimeZone() : snapshot.timeZone();
        return new WorkingHours(id, zone, snapshot.ranges(), snapshot.timeOff(), snapshot.overrides());
    }

    /**
     * Sets the hours of one local date, replacing the weekly ranges for it ([] = closed that day). The
     * date may not be in the past (in the tenant's zone) nor more than {@link #MAX_WINDOW} ahead.
     */
    @Transactional
    public DateOverride setDateOverride(String tenant, SetDateOverrideInput input) {
        String id = Inputs.required(input.professionalId(), "professional_id", 100);
        if (input.date() == null) {
            throw Inputs.invalid("date is required");
        }
        List<HoursRange> ranges = DateOverrides.validate(input.ranges());
        String reason = Inputs.optional(input.reason(), "reason", 200);
        checkDate(tenant, input.date());
        if (!professionals.lock(tenant, id)) {
            throw Inputs.notFound("professional", id);
        }
        DateOverride override = new DateOverride(input.date(), ranges,
                reason == null || reason.isEmpty() ? null : reason);
        repository.saveOverride(tenant, id, override);
        return override;
    }

    @Transactional
    public DateOverride removeDateOverride(String tenant, String professionalId, LocalDate date) {
        String id = Inputs.required(professionalId, "professional_id", 100);
        if (date == null) {
            throw Inputs.invalid("date is required");
        }
        return repository.deleteOverride(tenant, id, date)
                .orElseThrow(() -> Inputs.notFound("date override of professional " + id, date.toString()));
    }

    private void checkDate(String tenant, LocalDate date) {
        ZoneId zone = ZoneId.of(repository.timeZone(tenant).orElse(properties.defaultTimeZone()));
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (date.isBefore(today)) {
            throw Inputs.invalid("date " + date + " is in the past (today is " + today + " in " + zone + ")");
        }
        if (date.isAfter(today.plusDays(MAX_WINDOW.toDays()))) {
            throw Inputs.invalid("date may be at most " + MAX_WINDOW.toDays() + " days ahead");
        }
    }

    /** Replaces the professional's whole weekly schedule. */
    @Transactional
    public WorkingHours setWorkingHours(String tenant, String professionalId, List<WorkingRange> ranges) {
        String id = Inputs.required(professionalId, "professional_id", 100);
        List<WorkingRange> valid = WorkingRanges.validate(ranges);
        if (!professionals.lock(tenant, id)) {
            throw Inputs.notFound("professional", id);
        }
        repository.replaceRanges(tenant, id, valid);
        return workingHours(tenant, id, null, null);
    }

    @Transactional
    public TimeOff addTimeOff(String tenant, AddTimeOffInput input) {
        String id = Inputs.required(input.professionalId(), "professional_id", 100);
        if (input.start() == null || input.end() == null) {
            throw Inputs.invalid("start and end are required");
        }
        if (!input.start().isBefore(input.end())) {
            throw Inputs.invalid("time off start must be before end");
        }
        if (Duration.between(input.start(), input.end()).compareTo(MAX_WINDOW) > 0) {
            throw Inputs.invalid("time off may last at most " + MAX_WINDOW.toDays() + " days");
        }
        String reason = Inputs.optional(input.reason(), "reason", 200);
        if (!professionals.exists(tenant, id)) {
            throw Inputs.notFound("professional", id);
        }
        TimeOff timeOff = new TimeOff(Ids.newId(Ids.TIME_OFF), input.start(), input.end(),
                reason == null || reason.isEmpty() ? null : reason);
        repository.insertTimeOff(tenant, id, timeOff);
        return timeOff;
    }

    @Transactional
    public TimeOff removeTimeOff(String tenant, String professionalId, String timeOffId) {
        String id = Inputs.required(professionalId, "professional_id", 100);
        String timeOff = Inputs.required(timeOffId, "time_off_id", 100);
        return repository.deleteTimeOff(tenant, id, timeOff)
                .orElseThrow(() -> Inputs.notFound("time off of professional " + id, timeOff));
    }

    @Transactional(readOnly = true)
    public ScheduleSettings settings(String tenant) {
        return new ScheduleSettings(repository.timeZone(tenant).orElse(properties.defaultTimeZone()));
    }

    @Transactional
    public ScheduleSettings saveSettings(String tenant, String timeZone) {
        String zone = Inputs.required(timeZone, "time_zone", 64);
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw Inputs.invalid("time_zone '" + zone + "' is not an IANA time zone such as America/Argentina/Buenos_Aires");
        }
        repository.saveTimeZone(tenant, zone);
        return new ScheduleSettings(zone);
    }
}
