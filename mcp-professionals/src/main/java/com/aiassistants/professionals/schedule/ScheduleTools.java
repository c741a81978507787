package com.aiassistants.professionals.schedule;

import static com.aiassistants.common.scheduling.ProfessionalsTools.ADD_TIME_OFF;
import static com.aiassistants.common.scheduling.ProfessionalsTools.GET_SCHEDULE_SETTINGS;
import static com.aiassistants.common.scheduling.ProfessionalsTools.GET_WORKING_HOURS;
import static com.aiassistants.common.scheduling.ProfessionalsTools.REMOVE_DATE_OVERRIDE;
import static com.aiassistants.common.scheduling.ProfessionalsTools.REMOVE_TIME_OFF;
import static com.aiassistants.common.scheduling.ProfessionalsTools.SET_DATE_OVERRIDE;
import static com.aiassistants.common.scheduling.ProfessionalsTools.SET_SCHEDULE_SETTINGS;
import static com.aiassistants.common.scheduling.ProfessionalsTools.SET_WORKING_HOURS;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.scheduling.ProfessionalsTools.AddTimeOffInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.RemoveDateOverrideInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.SetDateOverrideInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.EmptyInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetWorkingHoursInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.RemoveTimeOffInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ScheduleSettings;
import com.aiassistants.common.scheduling.ProfessionalsTools.SetScheduleSettingsInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.SetWorkingHoursInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/** MCP tools over working hours, time off and the tenant's time zone. */
@Configuration(proxyBeanMethods = false)
class ScheduleTools {

    @Bean
    McpTool<GetWorkingHoursInput, WorkingHours> getWorkingHoursTool(Schedules schedules) {
        return McpTool.query(GET_WORKING_HOURS, """
                Returns when a professional works: the weekly ranges (day_of_week MONDAY…SUNDAY, start and end \
                as local times in time_zone, end exclusive; a day may have several ranges, e.g. a lunch gap) and \
                the time off (holidays, vacations; UTC instants) overlapping [time_off_from, time_off_to), by \
                default the next 90 days, and the date overrides on those dates (date_overrides: a local date \
                whose ranges replace the weekly ones; no ranges = closed that day). A day with no range is a day \
                off. Fails with not_found for an unknown professional.""",
                GetWorkingHoursInput.class, WorkingHours.class,
                (context, in) -> schedules.workingHours(context.requireTenant(), in.professionalId(), in.timeOffFrom(),
                        in.timeOffTo()));
    }

    @Bean
    McpTool<SetWorkingHoursInput, WorkingHours> setWorkingHoursTool(Schedules schedules) {
        return McpTool.command(SET_WORKING_HOURS, """
                Replaces a professional's whole weekly schedule with the given ranges (local times in the \
                tenant's time zone, e.g. {day_of_week: MONDAY, start: '09:00', end: '13:00'}). Several ranges per \
                day are allowed but must not overlap, and each start must be before its end. [] clears the \
                schedule. Returns the saved working hours.""",
                SetWorkingHoursInput.class, WorkingHours.class,
                (context, in) -> schedules.setWorkingHours(context.requireTenant(), in.professionalId(), in.ranges()));
    }

    @Bean
    McpTool<AddTimeOffInput, TimeOff> addTimeOffTool(Schedules schedules) {
        return McpTool.command(ADD_TIME_OFF, """
                Blocks a professional's agenda from start to end (ISO-8601 instants with offset, e.g. \
                2026-01-05T00:00:00-03:00), e.g. for a holiday or vacation; no slots are offered inside it. \
                start must be before end; at most 400 days. Returns the stored time off with its id.""",
                AddTimeOffInput.class, TimeOff.class,
                (context, in) -> schedules.addTimeOff(context.requireTenant(), in));
    }

    @Bean
    McpTool<RemoveTimeOffInput, TimeOff> removeTimeOffTool(Schedules schedules) {
        return McpTool.command(REMOVE_TIME_OFF, """
                Removes one time off of a professional (its id from add_time_off or get_working_hours): those \
                hours are offered again. Returns the removed entry; not_found when it does not exist.""",
                RemoveTimeOffInput.class, TimeOff.class,
                (context, in) -> schedules.removeTimeOff(context.requireTenant(), in.professionalId(), in.timeOffId()));
    }

    @Bean
    McpTool<SetDateOverrideInput, DateOverride> setDateOverrideTool(Schedules schedules) {
        return McpTool.command(SET_DATE_OVERRIDE, """
                Sets different hours for a professional on one local date (the tenant's time zone), replacing \
                the weekly ranges for that date only, e.g. {date: '2026-05-14', ranges: [{start: '10:00', end: \
                '14:00'}]}; ranges [] means closed all day. Setting a date again replaces its override. Time off \
                still applies on top. The date may not be in the past nor more than 400 days ahead. Returns the \
                saved override.""",
                SetDateOverrideInput.class, DateOverride.class,
                (context, in) -> schedules.setDateOverride(context.requireTenant(), in));
    }

    @Bean
    McpTool<RemoveDateOverrideInput, DateOverride> removeDateOverrideTool(Schedules schedules) {
        return McpTool.command(REMOVE_DATE_OVERRIDE, """
                Removes a professional's override of one date: the weekly ranges apply to it again. Returns the \
                removed override; not_found when that date has none.""",
                RemoveDateOverrideInput.class, DateOverride.class,
                (context, in) -> schedules.removeDateOverride(context.requireTenant(), in.professionalId(), in.date()));
    }

    @Bean
    McpTool<EmptyInput, ScheduleSettings> getScheduleSettingsTool(Schedules schedules) {
        return McpTool.query(GET_SCHEDULE_SETTINGS, """
                Returns the business's IANA time zone, in which working hours are expressed and 'today' or \
                'tomorrow' must be understood.""",
                EmptyInput.class, ScheduleSettings.class,
                (context, in) -> schedules.settings(context.requireTenant()));
    }

    @Bean
    McpTool<SetScheduleSettingsInput, ScheduleSettings> setScheduleSettingsTool(Schedules schedules) {
        return McpTool.command(SET_SCHEDULE_SETTINGS, """
                Sets the business's IANA time zone (e.g. America/Argentina/Buenos_Aires). Working hours keep \
                their local times and are read in the new zone from then on.""",
                SetScheduleSettingsInput.class, ScheduleSettings.class,
                (context, in) -> schedules.saveSettings(context.requireTenant(), in.timeZone()));
    }
}
